import { MatchingInputError } from '../errors';
import { sharedBits } from '../bits';
import { WEEKDAYS } from './scoring.types';
import type { WeeklyWindow } from './scoring.types';

/** Availability is kept as 15-minute slots of a week in UTC, Monday 00:00 first. */
export const SLOT_MINUTES = 15;
export const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;
export const SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;
/** 32-bit words per week bitmap. */
export const WEEK_WORDS = SLOTS_PER_WEEK / 32;

const TIME = /^(\d{2}):(\d{2})$/;

function minutesOf(time: string, label: string): number {
  const m = TIME.exec(time);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= 24 * 60)) {
    throw new MatchingInputError('invalid-availability', `${label} "${time}" is not a time HH:MM`);
  }
  return minutes;
}

/**
 * The week bitmap, in UTC, of windows given in local time with the zone `offsetMinutes` ahead of
 * UTC. A slot counts only if the window covers all of it. Offsets are taken to the nearest 15
 * minutes (every offset in use today is a multiple of 15).
 */
export function weekBitmap(windows: readonly WeeklyWindow[], offsetMinutes: number): Uint32Array {
  const bits = new Uint32Array(WEEK_WORDS);
  const shift = Math.round(offsetMinutes / SLOT_MINUTES);
  for (const w of windows) {
    const day = WEEKDAYS.indexOf(w.day);
    if (day < 0) throw new MatchingInputError('invalid-availability', `unknown day "${w.day}"`);
    const start = minutesOf(w.start, 'start');
    let end = minutesOf(w.end, 'end');
    if (end < start) end += 24 * 60;
    const first = day * SLOTS_PER_DAY + Math.ceil(start / SLOT_MINUTES);
    const last = day * SLOTS_PER_DAY + Math.floor(end / SLOT_MINUTES);
    for (let local = first; local < last; local++) {
      const slot = (((local - shift) % SLOTS_PER_WEEK) + SLOTS_PER_WEEK) % SLOTS_PER_WEEK;
      bits[slot >>> 5] |= 1 << (slot & 31);
    }
  }
  return bits;
}

/** Slots set in both bitmaps, `a` read from word `aAt` and `b` from `bAt`. */
export const overlapSlots = (a: Uint32Array, aAt: number, b: Uint32Array, bAt: number): number =>
  sharedBits(a, aAt, b, bAt, WEEK_WORDS);
