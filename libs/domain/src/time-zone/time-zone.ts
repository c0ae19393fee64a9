import { z } from 'zod';

// Area/Location names ("America/New_York", "America/Argentina/Buenos_Aires"). This shape
// keeps out abbreviations that Intl also accepts ("EST", "GMT", "EST5EDT") and offsets.
const AREA_LOCATION = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)+$/;
const UTC_NAMES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC']);

let supported: ReadonlySet<string> | undefined;
const supportedTimeZones = (): ReadonlySet<string> =>
  (supported ??= new Set(Intl.supportedValuesOf('timeZone')));

function intlAccepts(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * True for an IANA time zone name such as `America/New_York`, or `UTC`.
 *
 * ICU's list (`Intl.supportedValuesOf`) lags IANA renames (it has `Asia/Calcutta`, not
 * `Asia/Kolkata`), so names outside it are accepted when `Intl.DateTimeFormat` knows them.
 * `Etc/GMT+5` style zones are refused: their sign is inverted and they carry no location.
 */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  if (UTC_NAMES.has(value)) return true;
  if (!AREA_LOCATION.test(value) || value.startsWith('Etc/')) return false;
  return supportedTimeZones().has(value) || intlAccepts(value);
}

export const timeZoneSchema = z.string().refine(isIanaTimeZone, {
  error:
    'Expected an IANA time zone name such as "America/New_York" (not an offset or abbreviation)',
});

export type TimeZone = z.infer<typeof timeZoneSchema>;
