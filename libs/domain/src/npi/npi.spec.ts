import { isValidNpi, npiCheckDigit, npiSchema } from './npi';

describe('NPI', () => {
  it('accepts the CMS example and other numbers with a correct check digit', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    // Constructed with the CMS rule: 80840 prefix, Luhn check digit.
    expect(isValidNpi('1245319599')).toBe(true);
    expect(isValidNpi('1003000126')).toBe(true);
    expect(isValidNpi('2000000002')).toBe(true);
  });

  it('computes the check digit over the 80840 prefix', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(npiCheckDigit('124531959')).toBe(9);
    // Plain Luhn without the prefix would give 0 here.
    expect(npiCheckDigit('000000000')).toBe(6);
  });

  it('rejects a wrong check digit and single-digit typos', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('1234567894')).toBe(false);
    expect(isValidNpi('1234567883')).toBe(false);
    // Adjacent transposition.
    expect(isValidNpi('1234576893')).toBe(false);
  });

  it('rejects anything that is not a string of exactly 10 digits', () => {
    for (const value of [
      '',
      '123456789',
      '12345678930',
      '12345 7893',
      '123456789a',
      ' 1234567893',
    ]) {
      expect(isValidNpi(value)).toBe(false);
    }
    expect(isValidNpi(1234567893)).toBe(false);
    expect(isValidNpi(null)).toBe(false);
  });

  it('refuses to compute a check digit for a malformed body', () => {
    expect(() => npiCheckDigit('12345678')).toThrow(RangeError);
    expect(() => npiCheckDigit('12345678x')).toThrow(RangeError);
  });

  it('explains both failure kinds in the schema', () => {
    expect(npiSchema.parse('1234567893')).toBe('1234567893');
    const short = npiSchema.safeParse('12345');
    expect(short.success).toBe(false);
    expect(short.error?.issues.map((i) => i.message)).toEqual(['NPI must be exactly 10 digits']);
    const wrong = npiSchema.safeParse('1234567890');
    expect(wrong.error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('check digit'),
    ]);
  });
});
