import { IANAZone } from 'luxon';
import type { Interval } from './interval';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekly window in a person's own time zone: `day` from `start` to `end` (HH:mm, end > start). */
export interface WeeklyWindow {
  day: Weekday;
  start: string;
  end: string;
}

const minutesOf = (time: string): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export class UnknownTimeZoneError extends Error {
  constructor(readonly zone: string) {
    super(`unknown IANA time zone: ${zone}`);
    this.name = 'UnknownTimeZoneError';
  }
}

/** Zones ICU knew when asked; asking builds an `Intl.DateTimeFormat`, too slow for every call. */
const knownZones = new Set<string>();

/** Throws when luxon (ICU) does not know the zone, instead of computing in a wrong offset. */
export const assertZone = (zone: string): void => {
  if (knownZones.has(zone)) return;
  if (!IANAZone.isValidZone(zone)) throw new UnknownTimeZoneError(zone);
  knownZones.add(zone);
};

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Offsets remembered per zone before the memo is emptied (a few MB at most). */
const OFFSET_MEMO_LIMIT = 100_000;

/**
 * A zone's UTC offset at an instant, remembered by instant. Luxon asks ICU through
 * `formatToParts` on every call, which dominated slot search; the same instants come back
 * for every search of a physician (their windows on the same days), and an offset is a pure
 * function of zone and instant, so the memo cannot be stale.
 */
class ZoneOffsets {
  private readonly memo = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {}

  offset(instant: number): number {
    let minutes = this.memo.get(instant);
    if (minutes === undefined) {
      if (this.memo.size >= OFFSET_MEMO_LIMIT) this.memo.clear();
      minutes = this.zone.offset(instant);
      this.memo.set(instant, minutes);
    }
    return minutes;
  }
}

const zoneOffsets = new Map<string, ZoneOffsets>();

const offsetsOf = (zoneName: string): ZoneOffsets => {
  let offsets = zoneOffsets.get(zoneName);
  if (!offsets) {
    offsets = new ZoneOffsets(IANAZone.create(zoneName));
    zoneOffsets.set(zoneName, offsets);
  }
  return offsets;
};

/**
 * The instant of a wall-clock time in a zone, with the zone's offsets from luxon (IANA
 * data): guess with the offset at the wall time read as UTC, correct once, and in a
 * spring-forward gap move forward as luxon does. This is the hot path of slot search, so it
 * avoids building a DateTime per window.
 */
const instantOfWall = (zone: ZoneOffsets, wall: number): number => {
  const o1 = zone.offset(wall);
  const guess = wall - o1 * MINUTE;
  const o2 = zone.offset(guess);
  if (o1 === o2) return guess;
  const second = guess - (o2 - o1) * MINUTE;
  const o3 = zone.offset(second);
  return o2 === o3 ? second : wall - Math.min(o2, o3) * MINUTE;
};

/**
 * The instants covered by weekly local-time windows between `from` and `to` (epoch ms).
 * Each day's window is placed with that day's UTC offset, so 09:00 stays 09:00 local across
 * daylight-saving changes; a local time skipped by a spring-forward gap moves forward.
 */
export const expandWeeklyWindows = (
  windows: readonly WeeklyWindow[],
  zoneName: string,
  from: number,
  to: number,
): Interval[] => {
  assertZone(zoneName);
  const zone = offsetsOf(zoneName);
  // JavaScript's getUTCDay: 0 = Sunday.
  const byWeekday = new Map<number, { start: number; end: number }[]>();
  for (const window of windows) {
    const weekday = (WEEKDAYS.indexOf(window.day) + 1) % 7;
    const list = byWeekday.get(weekday) ?? [];
    list.push({ start: minutesOf(window.start), end: minutesOf(window.end) });
    byWeekday.set(weekday, list);
  }
  const out: Interval[] = [];
  if (byWeekday.size === 0 || to <= from) return out;
  // Local calendar days as UTC midnights; one day of margin on each side.
  const firstDay = Math.floor((from + zone.offset(from) * MINUTE) / DAY) * DAY - DAY;
  const lastDay = Math.floor((to + zone.offset(to) * MINUTE) / DAY) * DAY + DAY;
  for (let day = firstDay; day <= lastDay; day += DAY) {
    for (const window of byWeekday.get(new Date(day).getUTCDay()) ?? []) {
      const start = Math.max(instantOfWall(zone, day + window.start * MINUTE), from);
      const end = Math.min(instantOfWall(zone, day + window.end * MINUTE), to);
      if (end > start) out.push({ start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
};
