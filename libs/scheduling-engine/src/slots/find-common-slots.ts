import { DateTime } from 'luxon';
import {
  intersectIntervals,
  mergeIntervals,
  subtractIntervals,
  type Interval,
} from '../time/interval';
import { expandWeeklyWindows, type WeeklyWindow } from '../time/weekly-availability';

/** One participant: weekly availability in their own zone and their busy time (UTC instants). */
export interface Participant {
  timeZone: string;
  availability: readonly WeeklyWindow[];
  busy?: readonly Interval[];
}

export interface SlotSearch {
  participants: readonly Participant[];
  /** Where to look (epoch ms), e.g. from now to the end of the kickoff window. */
  window: Interval;
  durationMinutes: number;
  /** Slots start on multiples of this many minutes of the first participant's local clock. */
  stepMinutes?: number;
  /** Time nobody may use, whoever it belongs to, e.g. the pair's existing meetings. */
  busy?: readonly Interval[];
  /** How many slots to return. */
  limit: number;
  /** At most this many slots per local day of the first participant (variety in suggestions). */
  maxPerDay?: number;
}

export interface Slot extends Interval {
  /** The slot's start on each participant's local clock (ISO 8601 with offset). */
  local: string[];
}

const MINUTE = 60_000;
const CHUNK = 7 * 24 * 60 * MINUTE;

/** The time every participant is available and nobody is busy, merged. */
export const commonFreeTime = (
  search: Pick<SlotSearch, 'participants' | 'window' | 'busy'>,
): Interval[] => {
  const { participants, window } = search;
  if (participants.length === 0) return [];
  let free: Interval[] = [{ start: window.start, end: window.end }];
  const busy: Interval[] = [...(search.busy ?? [])];
  for (const person of participants) {
    const available = mergeIntervals(
      expandWeeklyWindows(person.availability, person.timeZone, window.start, window.end),
    );
    free = intersectIntervals(free, available);
    busy.push(...(person.busy ?? []));
    if (free.length === 0) return free;
  }
  return subtractIntervals(free, mergeIntervals(busy));
};

/**
 * The earliest common slots of `durationMinutes` inside every participant's weekly
 * availability (each in their own zone, daylight saving included) and outside everyone's
 * busy time. Earliest first; `maxPerDay` spreads suggestions over several days.
 */
export const findCommonSlots = (search: SlotSearch): Slot[] => {
  const step = (search.stepMinutes ?? 30) * MINUTE;
  const duration = search.durationMinutes * MINUTE;
  const maxPerDay = search.maxPerDay ?? Number.POSITIVE_INFINITY;
  const anchorZone = search.participants[0]?.timeZone ?? 'UTC';
  const slots: Slot[] = [];
  const perDay = new Map<string, number>();
  const localDay = (at: number) => DateTime.fromMillis(at, { zone: anchorZone }).toISODate() ?? '';
  const aligned = (at: number) => {
    const offset = DateTime.fromMillis(at, { zone: anchorZone }).offset * MINUTE;
    return Math.ceil((at + offset) / step) * step - offset;
  };
  // Week by week, so the usual search (the first few slots) does not expand the whole window.
  // A chunk's free time reaches one duration past its end, so no slot is cut at the border;
  // slots are only taken when they start inside the chunk.
  for (
    let chunk = search.window.start;
    chunk < search.window.end && slots.length < search.limit;
    chunk += CHUNK
  ) {
    const chunkEnd = Math.min(chunk + CHUNK, search.window.end);
    const window = { start: chunk, end: Math.min(chunkEnd + duration, search.window.end) };
    for (const free of commonFreeTime({ ...search, window })) {
      let start = aligned(free.start);
      while (start < chunkEnd && start + duration <= free.end && slots.length < search.limit) {
        const day = localDay(start);
        const taken = perDay.get(day) ?? 0;
        if (taken < maxPerDay) {
          perDay.set(day, taken + 1);
          slots.push({
            start,
            end: start + duration,
            local: search.participants.map(
              (p) => DateTime.fromMillis(start, { zone: p.timeZone }).toISO() ?? '',
            ),
          });
          start += step;
        } else {
          // The anchor's next local day.
          const nextDay = DateTime.fromMillis(start, { zone: anchorZone })
            .plus({ days: 1 })
            .startOf('day')
            .toMillis();
          start = aligned(Math.max(start + step, nextDay));
        }
      }
      if (slots.length >= search.limit) break;
    }
  }
  return slots;
};

/** Whether the slot lies inside every participant's availability and outside all busy time. */
export const isCommonSlot = (
  search: Pick<SlotSearch, 'participants' | 'busy'>,
  slot: Interval,
): boolean => {
  const free = commonFreeTime({ ...search, window: slot });
  return free.length === 1 && free[0].start === slot.start && free[0].end === slot.end;
};
