import { DateTime } from 'luxon';
import { UnknownTimeZoneError, expandWeeklyWindows } from './weekly-availability';

const utc = (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const iso = (ms: number): string => new Date(ms).toISOString();

describe('expandWeeklyWindows', () => {
  const monday9to10 = [{ day: 'mon' as const, start: '09:00', end: '10:00' }];
  // Two Mondays either side of Europe's change (29 March 2026) and America's (8 March 2026).
  const from = utc('2026-03-01T00:00:00Z');
  const to = utc('2026-04-07T00:00:00Z');

  const starts = (zone: string): string[] =>
    expandWeeklyWindows(monday9to10, zone, from, to).map((i) => iso(i.start));

  it('places the same local window by each zone its own offsets, however often and in whatever order asked', () => {
    const london = [
      '2026-03-02T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
      '2026-03-16T09:00:00.000Z',
      '2026-03-23T09:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-04-06T08:00:00.000Z',
    ];
    const newYork = [
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
      '2026-03-23T13:00:00.000Z',
      '2026-03-30T13:00:00.000Z',
      '2026-04-06T13:00:00.000Z',
    ];
    const kolkata = [
      '2026-03-02T03:30:00.000Z',
      '2026-03-09T03:30:00.000Z',
      '2026-03-16T03:30:00.000Z',
      '2026-03-23T03:30:00.000Z',
      '2026-03-30T03:30:00.000Z',
      '2026-04-06T03:30:00.000Z',
    ];
    // Interleaved and repeated: remembered offsets belong to their zone and stay right.
    for (let round = 0; round < 3; round += 1) {
      expect(starts('Europe/London')).toEqual(london);
      expect(starts('America/New_York')).toEqual(newYork);
      expect(starts('Asia/Kolkata')).toEqual(kolkata);
    }
  });

  it('refuses a zone ICU does not know, each time it is asked', () => {
    expect(() => starts('Mars/Olympus_Mons')).toThrow(UnknownTimeZoneError);
    expect(() => starts('Mars/Olympus_Mons')).toThrow(UnknownTimeZoneError);
    expect(starts('Europe/London')).toHaveLength(6);
  });
});
