import { DateTime } from 'luxon';
import {
  commonFreeTime,
  findCommonSlots,
  isCommonSlot,
  type Participant,
} from './find-common-slots';

const utc = (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const iso = (ms: number): string => new Date(ms).toISOString();
const window = (from: string, to: string) => ({ start: utc(from), end: utc(to) });

describe('common slots across time zones', () => {
  it('keeps a New York 09:00 on the local clock through the March change (EST to EDT)', () => {
    const ny: Participant = {
      timeZone: 'America/New_York',
      availability: [{ day: 'mon', start: '09:00', end: '10:00' }],
    };
    const slots = findCommonSlots({
      participants: [ny],
      window: window('2026-03-01T00:00:00Z', '2026-03-15T00:00:00Z'),
      durationMinutes: 60,
      limit: 5,
    });
    // 2 March is EST (UTC-5); 8 March the clocks go forward; 9 March is EDT (UTC-4).
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(slots[1].local[0]).toBe('2026-03-09T09:00:00.000-04:00');
  });

  it('keeps it through the November change (EDT to EST)', () => {
    const ny: Participant = {
      timeZone: 'America/New_York',
      availability: [{ day: 'mon', start: '09:00', end: '10:00' }],
    };
    const slots = findCommonSlots({
      participants: [ny],
      window: window('2026-10-25T00:00:00Z', '2026-11-08T00:00:00Z'),
      durationMinutes: 60,
      limit: 5,
    });
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('finds the overlap of London and New York shrinking while only New York has changed its clocks', () => {
    const london: Participant = {
      timeZone: 'Europe/London',
      availability: [{ day: 'tue', start: '17:00', end: '19:00' }],
    };
    const ny: Participant = {
      timeZone: 'America/New_York',
      availability: [{ day: 'tue', start: '12:00', end: '14:00' }],
    };
    const free = (day: string) =>
      commonFreeTime({
        participants: [london, ny],
        window: window(`${day}T00:00:00Z`, `${day}T23:59:00Z`),
      }).map((i) => [iso(i.start), iso(i.end)]);
    // Both on winter time: five hours apart, the whole two hours overlap.
    expect(free('2026-03-03')).toEqual([['2026-03-03T17:00:00.000Z', '2026-03-03T19:00:00.000Z']]);
    // New York on EDT since 8 March, London on GMT until 29 March: four hours apart.
    expect(free('2026-03-10')).toEqual([['2026-03-10T17:00:00.000Z', '2026-03-10T18:00:00.000Z']]);
    // Both on summer time (London BST from 29 March).
    expect(free('2026-03-31')).toEqual([['2026-03-31T16:00:00.000Z', '2026-03-31T18:00:00.000Z']]);
  });

  it('pairs Honolulu (no daylight saving) with New York', () => {
    const honolulu: Participant = {
      timeZone: 'Pacific/Honolulu',
      availability: [{ day: 'wed', start: '07:00', end: '09:00' }],
    };
    const ny: Participant = {
      timeZone: 'America/New_York',
      availability: [{ day: 'wed', start: '12:00', end: '14:00' }],
    };
    const search = (from: string, to: string) =>
      findCommonSlots({
        participants: [honolulu, ny],
        window: window(from, to),
        durationMinutes: 60,
        limit: 10,
      }).map((s) => iso(s.start));
    // January: HST -10, EST -5: 07:00-09:00 HST = 12:00-14:00 EST.
    expect(search('2026-01-07T00:00:00Z', '2026-01-08T00:00:00Z')).toEqual([
      '2026-01-07T17:00:00.000Z',
      '2026-01-07T17:30:00.000Z',
      '2026-01-07T18:00:00.000Z',
    ]);
    // July: EDT -4, so only 17:00-18:00Z is common.
    expect(search('2026-07-08T00:00:00Z', '2026-07-09T00:00:00Z')).toEqual([
      '2026-07-08T17:00:00.000Z',
    ]);
  });

  it('pairs Kolkata (UTC+05:30) with Los Angeles across the date line, aligned on the first person’s clock', () => {
    const kolkata: Participant = {
      timeZone: 'Asia/Kolkata',
      availability: [{ day: 'tue', start: '07:30', end: '09:30' }],
    };
    const la: Participant = {
      timeZone: 'America/Los_Angeles',
      availability: [{ day: 'mon', start: '18:00', end: '21:00' }],
    };
    const slots = findCommonSlots({
      participants: [kolkata, la],
      window: window('2026-01-01T00:00:00Z', '2026-01-14T00:00:00Z'),
      durationMinutes: 60,
      stepMinutes: 60,
      limit: 2,
    });
    // Tuesday 08:00 IST is Monday 18:30 PST: on the hour in Kolkata, not in UTC.
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-01-06T02:30:00.000Z',
      '2026-01-13T02:30:00.000Z',
    ]);
    expect(slots[0].local).toEqual([
      '2026-01-06T08:00:00.000+05:30',
      '2026-01-05T18:30:00.000-08:00',
    ]);
  });

  it('counts 29 February in a leap year and skips busy time and existing meetings', () => {
    const a: Participant = {
      timeZone: 'Europe/London',
      availability: [{ day: 'tue', start: '10:00', end: '12:00' }],
      busy: [{ start: utc('2028-02-29T10:00:00Z'), end: utc('2028-02-29T10:30:00Z') }],
    };
    const b: Participant = {
      timeZone: 'Europe/Berlin',
      availability: [{ day: 'tue', start: '11:00', end: '13:00' }],
    };
    const slots = findCommonSlots({
      participants: [a, b],
      window: window('2028-02-28T00:00:00Z', '2028-03-02T00:00:00Z'),
      busy: [{ start: utc('2028-02-29T11:00:00Z'), end: utc('2028-02-29T11:30:00Z') }],
      durationMinutes: 30,
      limit: 5,
    });
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2028-02-29T10:30:00.000Z',
      '2028-02-29T11:30:00.000Z',
    ]);
  });

  it('spreads suggestions over days and stops at the limit', () => {
    const a: Participant = {
      timeZone: 'UTC',
      availability: ['mon', 'tue', 'wed'].map((day) => ({
        day: day as 'mon',
        start: '09:00',
        end: '17:00',
      })),
    };
    const slots = findCommonSlots({
      participants: [a],
      window: window('2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z'),
      durationMinutes: 45,
      limit: 3,
      maxPerDay: 1,
    });
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-06-01T09:00:00.000Z',
      '2026-06-02T09:00:00.000Z',
      '2026-06-03T09:00:00.000Z',
    ]);
  });

  it('finds nothing when the availabilities never meet, and checks a given slot', () => {
    const a: Participant = {
      timeZone: 'UTC',
      availability: [{ day: 'mon', start: '09:00', end: '10:00' }],
    };
    const b: Participant = {
      timeZone: 'UTC',
      availability: [{ day: 'mon', start: '10:00', end: '11:00' }],
    };
    const w = window('2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z');
    expect(
      findCommonSlots({ participants: [a, b], window: w, durationMinutes: 30, limit: 5 }),
    ).toEqual([]);
    const slot = { start: utc('2026-06-01T09:00:00Z'), end: utc('2026-06-01T09:30:00Z') };
    expect(isCommonSlot({ participants: [a] }, slot)).toBe(true);
    expect(isCommonSlot({ participants: [a, b] }, slot)).toBe(false);
    expect(isCommonSlot({ participants: [a], busy: [slot] }, slot)).toBe(false);
  });

  it('refuses an unknown zone instead of guessing an offset', () => {
    const a: Participant = {
      timeZone: 'Mars/Olympus_Mons',
      availability: [{ day: 'mon', start: '09:00', end: '10:00' }],
    };
    expect(() =>
      findCommonSlots({
        participants: [a],
        window: window('2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z'),
        durationMinutes: 30,
        limit: 1,
      }),
    ).toThrow('unknown IANA time zone');
  });
});
