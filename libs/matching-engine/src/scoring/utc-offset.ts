import { MatchingInputError } from '../errors';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new MatchingInputError('invalid-time-zone', `unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Minutes the zone is ahead of UTC at `at` (New York in winter: -300), read from the platform's
 * time-zone database. Results are cached per (zone, instant).
 */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const key = `${timeZone}\u0000${at.getTime()}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const instant = Math.floor(at.getTime() / 1000) * 1000;
  if (!Number.isFinite(instant)) throw new MatchingInputError('invalid-option', 'invalid instant');
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const local = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
  );
  const offset = Math.round((local - instant) / 60_000);
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

const offsets = new Map<string, number>();
