import {
  primarySpecialtyCodeSchema,
  specialtyCodeSchema,
  subspecialtyCodeSchema,
} from './specialty-code.schema';

describe('specialty code schemas', () => {
  it('accept known codes', () => {
    expect(specialtyCodeSchema.parse('internal-medicine')).toBe('internal-medicine');
    expect(specialtyCodeSchema.parse('pediatrics.neonatal-perinatal-medicine')).toBe(
      'pediatrics.neonatal-perinatal-medicine',
    );
    expect(primarySpecialtyCodeSchema.parse('surgery')).toBe('surgery');
    expect(subspecialtyCodeSchema.parse('surgery.pediatric-surgery')).toBe(
      'surgery.pediatric-surgery',
    );
  });

  it('reject unknown codes with one short message naming the value', () => {
    const result = specialtyCodeSchema.safeParse('cardiology');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toBe(
      'Unknown specialty code "cardiology"; expected an ABMS code such as "internal-medicine"',
    );
    expect(specialtyCodeSchema.safeParse(7).success).toBe(false);
  });

  it('keep specialties and subspecialties apart', () => {
    expect(primarySpecialtyCodeSchema.safeParse('surgery.pediatric-surgery').success).toBe(false);
    expect(subspecialtyCodeSchema.safeParse('surgery').success).toBe(false);
  });
});
