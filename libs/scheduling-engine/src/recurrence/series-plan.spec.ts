import { DateTime } from 'luxon';
import { rrulestr } from 'rrule';
import { expandSeries } from './expand-series';
import { planSeries } from './series-plan';

const NY = 'America/New_York';
const at = (local: string, zone: string): number => DateTime.fromISO(local, { zone }).toMillis();
const iso = (ms: number): string => new Date(ms).toISOString();
const FAR = Date.UTC(2040, 0, 1);

describe('check-in series from cadence phases', () => {
  // Kickoff Tuesday 13 January 2026, 17:00 in New York: the 2nd Tuesday of its month.
  const kickoff = at('2026-01-13T17:00', NY);

  it('chains monthly × 6 then quarterly, on the 2nd Tuesday at 17:00 New York time across DST', () => {
    const plan = planSeries({
      phases: [{ every: 'month', count: 6 }, { every: 'quarter' }],
      timeZone: NY,
      after: kickoff,
      durationMinutes: 45,
      conditions: { jobSearching: false },
    });
    expect(plan.segments.map((s) => s.rrule)).toEqual([
      'DTSTART;TZID=America/New_York:20260210T170000\nRRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=+2TU;COUNT=6',
      'DTSTART;TZID=America/New_York:20261013T170000\nRRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=+2TU',
    ]);
    const occurrences = expandSeries(plan, { until: FAR, limit: 9 });
    expect(occurrences.map((o) => iso(o.start))).toEqual([
      '2026-02-10T22:00:00.000Z', // EST
      '2026-03-10T21:00:00.000Z', // EDT since 8 March
      '2026-04-14T21:00:00.000Z',
      '2026-05-12T21:00:00.000Z',
      '2026-06-09T21:00:00.000Z',
      '2026-07-14T21:00:00.000Z', // last monthly check-in
      '2026-10-13T21:00:00.000Z', // first quarterly: one quarter later
      '2027-01-12T22:00:00.000Z', // EST again after 1 November
      '2027-04-13T21:00:00.000Z',
    ]);
    expect(occurrences.map((o) => o.phaseIndex)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(occurrences[0].end - occurrences[0].start).toBe(45 * 60_000);
    expect(occurrences.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('writes rules an RFC 5545 reader expands to the same wall-clock dates', () => {
    const plan = planSeries({
      phases: [
        { every: 'two-weeks', count: 3 },
        { every: 'month', count: 2 },
      ],
      timeZone: 'Europe/London',
      after: at('2026-03-17T08:30', 'Europe/London'),
      durationMinutes: 30,
      conditions: { jobSearching: false },
    });
    const local = plan.segments.flatMap((s) =>
      // Read without the zone, the rule yields wall-clock times: what the text says.
      rrulestr(s.rrule.replace(/;TZID=[^:]+/, ''))
        .all()
        .map((d) => d.toISOString().slice(0, 16)),
    );
    const expanded = expandSeries(plan, { until: FAR });
    expect(expanded.map((o) => o.localStart.slice(0, 16))).toEqual(local);
    // 31 March is after the UK change (29 March): 08:30 BST is 07:30Z.
    expect(expanded.map((o) => iso(o.start)).slice(0, 3)).toEqual([
      '2026-03-31T07:30:00.000Z',
      '2026-04-14T07:30:00.000Z',
      '2026-04-28T07:30:00.000Z',
    ]);
    // Then monthly on the 3rd Tuesday (17 March was the 3rd): May and June.
    expect(expanded.map((o) => o.localStart).slice(3)).toEqual([
      '2026-05-19T08:30:00',
      '2026-06-16T08:30:00',
    ]);
  });

  it('keeps a kickoff on 29 February in step: the last Tuesday of every month', () => {
    // 29 February 2028 is the 5th Tuesday of its month: "5th" does not exist in most months,
    // so the series takes the last one.
    const plan = planSeries({
      phases: [{ every: 'month', count: 4 }],
      timeZone: 'Asia/Kolkata',
      after: at('2028-02-29T19:00', 'Asia/Kolkata'),
      durationMinutes: 30,
      conditions: { jobSearching: false },
    });
    expect(plan.segments[0].rrule).toContain('BYDAY=-1TU');
    expect(expandSeries(plan, { until: FAR }).map((o) => o.localStart)).toEqual([
      '2028-03-28T19:00:00',
      '2028-04-25T19:00:00',
      '2028-05-30T19:00:00',
      '2028-06-27T19:00:00',
    ]);
  });

  it('skips a job-search phase when the mentee is not searching, and stops open-ended there when they are', () => {
    const phases = [
      { every: 'month' as const, count: 2 },
      { every: 'month' as const, while: 'job-searching' as const },
      { every: 'quarter' as const },
    ];
    const notSearching = planSeries({
      phases,
      timeZone: NY,
      after: kickoff,
      durationMinutes: 30,
      conditions: { jobSearching: false },
    });
    expect(notSearching.segments.map((s) => s.phaseIndex)).toEqual([0, 2]);
    expect(notSearching.openCondition).toBeUndefined();
    const searching = planSeries({
      phases,
      timeZone: NY,
      after: kickoff,
      durationMinutes: 30,
      conditions: { jobSearching: true },
    });
    expect(searching.segments.map((s) => s.phaseIndex)).toEqual([0, 1]);
    expect(searching.openCondition).toEqual({ phaseIndex: 1, condition: 'job-searching' });
    expect(searching.segments[1].count).toBeUndefined();
    // When the search ends, the rest is planned from the last check-in held.
    const rest = planSeries({
      phases,
      timeZone: NY,
      after: at('2026-09-08T17:00', NY),
      durationMinutes: 30,
      conditions: { jobSearching: false },
      fromPhase: 2,
    });
    expect(rest.segments.map((s) => s.localStart)).toEqual(['2026-12-08T17:00:00']);
  });

  it('expands an open-ended series only up to the horizon', () => {
    const plan = planSeries({
      phases: [{ every: 'week' }],
      timeZone: NY,
      after: kickoff,
      durationMinutes: 30,
      conditions: { jobSearching: false },
    });
    const until = at('2026-02-11T00:00', NY);
    expect(expandSeries(plan, { until }).map((o) => o.localStart)).toEqual([
      '2026-01-20T17:00:00',
      '2026-01-27T17:00:00',
      '2026-02-03T17:00:00',
      '2026-02-10T17:00:00',
    ]);
  });
});
