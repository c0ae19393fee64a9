import fc from 'fast-check';
import { DateTime } from 'luxon';
import { WEEKDAYS, type WeeklyWindow } from '../time/weekly-availability';
import { findCommonSlots, isCommonSlot, type Participant } from './find-common-slots';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Pacific/Honolulu',
  'Australia/Lord_Howe',
];
const HOUR = 3_600_000;

const windowArb: fc.Arbitrary<WeeklyWindow> = fc
  .tuple(
    fc.constantFrom(...WEEKDAYS),
    fc.integer({ min: 0, max: 44 }),
    fc.integer({ min: 1, max: 8 }),
  )
  .map(([day, half, length]) => {
    const start = half * 30;
    const end = Math.min(start + length * 30, 23 * 60 + 30);
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return { day, start: hhmm(start), end: hhmm(end) };
  });

// One window per weekday at most, as profiles allows no overlaps within a day.
const participantArb = (from: number): fc.Arbitrary<Participant> =>
  fc.record({
    timeZone: fc.constantFrom(...ZONES),
    availability: fc.uniqueArray(windowArb, { selector: (w) => w.day, maxLength: 7 }),
    busy: fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 21 * 24 }), fc.integer({ min: 1, max: 12 }))
        .map(([h, l]) => ({ start: from + h * HOUR, end: from + (h + l) * HOUR })),
      { maxLength: 8 },
    ),
  });

describe('common slots, checked against a brute force', () => {
  it('returns exactly the earliest common slots on the first participant’s half-hour grid', () => {
    // Starts around the March and November changes, where zones disagree on offsets.
    const fromArb = fc
      .constantFrom('2026-03-05', '2026-03-25', '2026-10-22', '2026-12-28')
      .map((d) => Date.parse(`${d}T00:00:00Z`));
    fc.assert(
      fc.property(
        fromArb.chain((from) =>
          fc.tuple(
            fc.constant(from),
            participantArb(from),
            participantArb(from),
            fc.integer({ min: 1, max: 4 }),
          ),
        ),
        ([from, a, b, halfHours]) => {
          const window = { start: from, end: from + 21 * 24 * HOUR };
          const duration = halfHours * 30;
          const found = findCommonSlots({
            participants: [a, b],
            window,
            durationMinutes: duration,
            limit: 6,
          });
          const expected: number[] = [];
          // Every start on the first participant's half-hour grid, one by one.
          let t = DateTime.fromMillis(window.start, { zone: a.timeZone })
            .startOf('hour')
            .toMillis();
          for (; t + duration * 60_000 <= window.end && expected.length < 6; t += 30 * 60_000) {
            const local = DateTime.fromMillis(t, { zone: a.timeZone });
            if (t < window.start || local.minute % 30 !== 0) continue;
            if (isCommonSlot({ participants: [a, b] }, { start: t, end: t + duration * 60_000 }))
              expected.push(t);
          }
          return JSON.stringify(found.map((s) => s.start)) === JSON.stringify(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
