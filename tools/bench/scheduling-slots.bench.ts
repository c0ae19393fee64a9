// Common-slot search for one pair (target < 5 ms): two physicians in different zones, their
// weekly windows, a call schedule of busy blocks and existing meetings, a 14-day kickoff
// window and a 90-day suggestion window. Prints figures; not a test.
import { findCommonSlots, type Participant, type WeeklyWindow } from '@medmentor/scheduling-engine';
import { Prng } from './prng';
import { heading, median, ms, row } from './timing';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HOUR = 3_600_000;
const prng = new Prng(20261122);

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Two or three evening or early-morning windows on most weekdays. */
const weekly = (): WeeklyWindow[] =>
  DAYS.flatMap((day) => {
    if (prng.next() < 0.3) return [];
    const morning = prng.int(6, 8) * 60;
    const evening = prng.int(17, 19) * 60;
    return [
      { day, start: hhmm(morning), end: hhmm(morning + 90) },
      { day, start: hhmm(evening), end: hhmm(evening + prng.int(2, 4) * 60) },
    ];
  });

/** A 12-hour shift every third day and a few blocks: about 60 busy intervals over 90 days. */
const busyFrom = (from: number, days: number) =>
  Array.from({ length: Math.floor(days / 3) + 30 }, (_, i) => {
    const start = from + (i < days / 3 ? i * 72 * HOUR : prng.int(0, days * 24) * HOUR);
    return { start, end: start + (i < days / 3 ? 12 : prng.int(1, 3)) * HOUR };
  });

const run = (
  days: number,
  limit: number,
  runs: number,
): { median: number; best: number; found: number } => {
  const times: number[] = [];
  let found = 0;
  for (let r = 0; r < runs; r += 1) {
    const from = Date.UTC(2026, 2, 1) + prng.int(0, 300) * 24 * HOUR;
    const mentee: Participant = {
      timeZone: 'Asia/Kolkata',
      availability: weekly(),
      busy: busyFrom(from, days),
    };
    const mentor: Participant = {
      timeZone: 'America/New_York',
      availability: weekly(),
      busy: busyFrom(from, days),
    };
    const meetings = Array.from({ length: 6 }, (_, i) => ({
      start: from + (i * 11 + 2) * 24 * HOUR,
      end: from + (i * 11 + 2) * 24 * HOUR + HOUR,
    }));
    const start = performance.now();
    const slots = findCommonSlots({
      participants: [mentee, mentor],
      window: { start: from, end: from + days * 24 * HOUR },
      busy: meetings,
      durationMinutes: 45,
      limit,
      maxPerDay: 1,
    });
    times.push(performance.now() - start);
    found += slots.length;
  }
  return { median: median(times), best: Math.min(...times), found: found / runs };
};

heading('Common-slot search, one pair (Asia/Kolkata + America/New_York), median of 500 pairs');
run(14, 1, 50); // warm-up
for (const [days, limit] of [
  [14, 1],
  [14, 5],
  [90, 5],
] as const) {
  const result = run(days, limit, 500);
  row(
    `${days}-day window, top ${limit}`,
    `${ms(result.median)} median, ${ms(result.best)} best (${result.found.toFixed(1)} slots)`,
  );
}
