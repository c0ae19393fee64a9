import { ABMS_BOARD_CODES, ABMS_BOARDS, abmsBoardCodeSchema } from './abms-boards';
import type { SpecialtyCode } from './specialty';
import { SPECIALTIES, SPECIALTY_CODES, SPECIALTY_TAXONOMY } from './specialty';

const SEGMENT = '[a-z]+(?:-[a-z]+)*';
const CODE = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})?$`);

describe('ABMS specialty table', () => {
  it('has stable kebab-case codes, unique, subspecialties prefixed by their parent', () => {
    expect(new Set(SPECIALTY_CODES).size).toBe(SPECIALTIES.length);
    for (const specialty of SPECIALTIES) {
      expect(specialty.code).toMatch(CODE);
      if (specialty.kind === 'subspecialty') {
        expect(specialty.code.startsWith(`${specialty.parent}.`)).toBe(true);
      } else {
        expect(specialty.code).not.toContain('.');
        expect(specialty.parent).toBeUndefined();
      }
    }
  });

  it('lists each certificate once, so shared subspecialties are not duplicated', () => {
    const names = SPECIALTIES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('places every subspecialty right after a primary specialty it belongs to', () => {
    let current: string | undefined;
    for (const specialty of SPECIALTIES) {
      if (specialty.kind === 'specialty') current = specialty.code;
      else expect(specialty.parent).toBe(current);
    }
  });

  it('names only the 24 member boards, each certifying at least one primary specialty', () => {
    expect(ABMS_BOARD_CODES).toHaveLength(24);
    const primaryBoards = new Set(
      SPECIALTIES.filter((s) => s.kind === 'specialty').flatMap((s) => s.boards),
    );
    expect([...primaryBoards].sort()).toEqual([...ABMS_BOARD_CODES].sort());
    for (const specialty of SPECIALTIES) {
      expect(specialty.boards.length).toBeGreaterThan(0);
      expect(new Set(specialty.boards).size).toBe(specialty.boards.length);
      for (const board of specialty.boards) expect(ABMS_BOARDS[board]).toBeDefined();
    }
    expect(abmsBoardCodeSchema.safeParse('abim').success).toBe(true);
    expect(abmsBoardCodeSchema.safeParse('aoa').success).toBe(false);
  });

  it('offers each subspecialty through its parent specialty board', () => {
    const byCode = new Map(SPECIALTIES.map((s) => [s.code, s]));
    for (const specialty of SPECIALTIES) {
      if (specialty.kind !== 'subspecialty') continue;
      const parentBoard = byCode.get(specialty.parent)?.boards[0];
      expect(parentBoard && specialty.boards.includes(parentBoard)).toBe(true);
    }
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(SPECIALTIES)).toBe(true);
    expect(Object.isFrozen(SPECIALTY_CODES)).toBe(true);
    for (const specialty of SPECIALTIES) {
      expect(Object.isFrozen(specialty)).toBe(true);
      expect(Object.isFrozen(specialty.boards)).toBe(true);
    }
    expect(() => (SPECIALTIES as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  it('states its source and edition', () => {
    expect(SPECIALTY_TAXONOMY.source).toMatch(/ABMS/);
    expect(SPECIALTY_TAXONOMY.edition).toMatch(/^\d{4}$/);
  });

  it('types codes as a closed union', () => {
    const cardiology: SpecialtyCode = 'internal-medicine.cardiovascular-disease';
    // @ts-expect-error not a code in the table
    const typo: SpecialtyCode = 'internal-medicine.cardiology';
    expect(SPECIALTY_CODES).toContain(cardiology);
    expect(SPECIALTY_CODES).not.toContain(typo);
  });
});

describe('ABMS content', () => {
  const find = (code: string) => SPECIALTIES.find((s) => s.code === code);

  it.each([
    ['internal-medicine', 'Internal Medicine', ['abim']],
    ['internal-medicine.cardiovascular-disease', 'Cardiovascular Disease', ['abim']],
    ['pediatrics.pediatric-cardiology', 'Pediatric Cardiology', ['abp']],
    ['surgery.pediatric-surgery', 'Pediatric Surgery', ['abs']],
    [
      'family-medicine.sports-medicine',
      'Sports Medicine',
      ['abfm', 'abem', 'abim', 'abp', 'abpmr'],
    ],
    [
      'anesthesiology.pain-medicine',
      'Pain Medicine',
      ['aba', 'abem', 'abfm', 'abpmr', 'abpn', 'abr'],
    ],
    [
      'internal-medicine.sleep-medicine',
      'Sleep Medicine',
      ['abim', 'aba', 'abfm', 'aboto', 'abp', 'abpn'],
    ],
    [
      'internal-medicine.critical-care-medicine',
      'Critical Care Medicine',
      ['abim', 'aba', 'abem', 'abog'],
    ],
    ['neurology.neurocritical-care', 'Neurocritical Care', ['abpn', 'aba', 'abem', 'abim', 'abns']],
    ['pathology.dermatopathology', 'Dermatopathology', ['abpath', 'abd']],
    ['orthopaedic-surgery.surgery-of-the-hand', 'Surgery of the Hand', ['abos', 'abps', 'abs']],
  ])('%s is %s, offered by %j', (code, name, boards) => {
    expect(find(code)).toMatchObject({ name, boards });
  });

  it('lists hospice and palliative medicine once, under internal medicine, with its ten boards', () => {
    const hospice = SPECIALTIES.filter((s) => /hospice/i.test(s.name));
    expect(hospice.map((s) => s.code)).toEqual([
      'internal-medicine.hospice-and-palliative-medicine',
    ]);
    expect(hospice[0]?.boards).toHaveLength(10);
  });

  it('keeps distinct critical care certificates apart from the shared one', () => {
    expect(find('surgery.surgical-critical-care')?.boards).toEqual(['abs']);
    expect(find('pediatrics.pediatric-critical-care-medicine')?.boards).toEqual(['abp']);
  });

  it('has the primary certificates of multi-specialty boards as separate specialties', () => {
    const ofBoard = (board: string) =>
      SPECIALTIES.filter((s) => s.kind === 'specialty' && s.boards[0] === board).map((s) => s.code);
    expect(ofBoard('abpn')).toEqual(['psychiatry', 'neurology', 'child-neurology']);
    expect(ofBoard('abr')).toEqual([
      'diagnostic-radiology',
      'interventional-radiology',
      'radiation-oncology',
    ]);
    expect(ofBoard('abs')).toEqual(['surgery', 'vascular-surgery']);
    expect(ofBoard('abpm')).toHaveLength(3);
  });
});
