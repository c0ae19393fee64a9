import { z } from 'zod';

// CMS computes the NPI check digit with the Luhn formula over the number prefixed with
// 80840 (the ISO 7812 issuer prefix for US health applications).
const NPI_PREFIX = '80840';
const NPI_PATTERN = /^\d{10}$/;
const NPI_BODY_PATTERN = /^\d{9}$/;

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Walk from the right; the digit next to the (absent) check digit is doubled first.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The check digit for the first nine digits of an NPI. Throws if `first9` is not 9 digits. */
export function npiCheckDigit(first9: string): number {
  if (!NPI_BODY_PATTERN.test(first9)) {
    throw new RangeError(`npiCheckDigit expects exactly 9 digits, got "${first9}"`);
  }
  return luhnCheckDigit(NPI_PREFIX + first9);
}

/** True for a 10-digit string whose last digit is the CMS check digit of the first nine. */
export function isValidNpi(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    NPI_PATTERN.test(value) &&
    npiCheckDigit(value.slice(0, 9)) === Number(value[9])
  );
}

/** A National Provider Identifier: 10 digits with a valid check digit. */
export const npiSchema = z
  .string()
  .regex(NPI_PATTERN, { error: 'NPI must be exactly 10 digits' })
  .refine((value) => !NPI_PATTERN.test(value) || isValidNpi(value), {
    error: 'NPI check digit is wrong (Luhn over the 80840 prefix); check for a typo',
  });

export type Npi = z.infer<typeof npiSchema>;
