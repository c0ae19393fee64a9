import { DateTime } from 'luxon';

/** Local wall-clock window, `HH:mm` to `HH:mm`; it may span midnight (22:00 to 07:00). */
export interface QuietHours {
  start: string;
  end: string;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * When the quiet hours around `now` end, in the physician's IANA zone, or null when `now` is
 * outside them. Wall-clock arithmetic is luxon's, so DST days keep their local times.
 */
export const quietHoursEnd = (now: Date, zone: string, quiet: QuietHours): Date | null => {
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const minute = local.hour * 60 + local.minute;
  const spansMidnight = start > end;
  const inside = spansMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  const endToday = local.startOf('day').plus({ minutes: end });
  const endsAt = spansMidnight && minute >= start ? endToday.plus({ days: 1 }) : endToday;
  // A DST gap can swallow the local end time; luxon moves it forward, which is what we want.
  return endsAt.toJSDate();
};
