import { z } from 'zod';

// IANA names look like Area/Location (or UTC); abbreviations such as EST and raw offsets,
// which Intl may also accept, are refused because they do not follow daylight saving rules.
const IANA_NAME = /^(?:UTC|[A-Z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/** True for an IANA time zone name this runtime knows, such as `America/Chicago`. */
export const isIanaTimeZone = (value: string): boolean => {
  if (!IANA_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, 'must be an IANA time zone such as America/Chicago');
