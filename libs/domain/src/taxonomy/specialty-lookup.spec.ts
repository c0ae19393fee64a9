import {
  findSpecialty,
  isSpecialtyCode,
  relatedSpecialties,
  subspecialtiesOf,
} from './specialty-lookup';

const codes = (list: readonly { code: string }[]) => list.map((s) => s.code);

describe('findSpecialty and isSpecialtyCode', () => {
  it('finds specialties and subspecialties by code', () => {
    expect(findSpecialty('internal-medicine')).toMatchObject({
      name: 'Internal Medicine',
      kind: 'specialty',
    });
    expect(findSpecialty('internal-medicine.cardiovascular-disease')).toMatchObject({
      kind: 'subspecialty',
      parent: 'internal-medicine',
    });
    expect(findSpecialty('cardiology')).toBeUndefined();
  });

  it('recognises only exact codes', () => {
    expect(isSpecialtyCode('pediatrics')).toBe(true);
    expect(isSpecialtyCode('Pediatrics')).toBe(false);
    expect(isSpecialtyCode('pediatrics.')).toBe(false);
    expect(isSpecialtyCode('constructor')).toBe(false);
    expect(isSpecialtyCode(undefined)).toBe(false);
    expect(isSpecialtyCode(42)).toBe(false);
  });
});

describe('subspecialtiesOf', () => {
  it('lists the subspecialties under a specialty', () => {
    const im = codes(subspecialtiesOf('internal-medicine'));
    expect(im).toContain('internal-medicine.cardiovascular-disease');
    expect(im).toContain('internal-medicine.hospice-and-palliative-medicine');
    expect(im.every((code) => code.startsWith('internal-medicine.'))).toBe(true);
  });

  it('is empty for specialties without subspecialties, subspecialties and unknown codes', () => {
    expect(subspecialtiesOf('ophthalmology')).toEqual([]);
    expect(subspecialtiesOf('internal-medicine.nephrology')).toEqual([]);
    expect(subspecialtiesOf('nope')).toEqual([]);
  });
});

describe('relatedSpecialties', () => {
  it('gives a subspecialty its parent and siblings', () => {
    const related = codes(relatedSpecialties('internal-medicine.cardiovascular-disease'));
    expect(related[0]).toBe('internal-medicine');
    expect(related).toContain('internal-medicine.interventional-cardiology');
    expect(related).not.toContain('internal-medicine.cardiovascular-disease');
    expect(related).not.toContain('pediatrics.pediatric-cardiology');
  });

  it('gives a specialty its children and the other specialties of its board', () => {
    const related = codes(relatedSpecialties('neurology'));
    expect(related).toEqual(
      expect.arrayContaining(['psychiatry', 'child-neurology', 'neurology.vascular-neurology']),
    );
    expect(related).not.toContain('neurology');
    expect(related).not.toContain('psychiatry.forensic-psychiatry');
  });

  it('is symmetric between a specialty and each subspecialty', () => {
    for (const sub of subspecialtiesOf('pediatrics')) {
      expect(codes(relatedSpecialties(sub.code))).toContain('pediatrics');
      expect(codes(relatedSpecialties('pediatrics'))).toContain(sub.code);
    }
  });

  it('is empty for a lone specialty and for unknown codes', () => {
    expect(relatedSpecialties('ophthalmology')).toEqual([]);
    expect(relatedSpecialties('nope')).toEqual([]);
  });
});
