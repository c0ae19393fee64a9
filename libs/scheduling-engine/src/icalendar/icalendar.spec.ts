import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { CalendarParseError, readBusyCalendar } from './busy-calendar';
import { buildMeetingCalendar } from './meeting-calendar';

const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const ics = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');

describe('meeting invitations', () => {
  it('carry each meeting at its UTC instant, readable by an independent parser', () => {
    // 17:00 in New York on both sides of the March change.
    const meetings = ['2026-03-03T17:00', '2026-03-10T17:00'].map((local, i) => {
      const start = DateTime.fromISO(local, { zone: 'America/New_York' }).toMillis();
      return {
        uid: `m${i}@medmentor`,
        sequence: i,
        start,
        end: start + 45 * 60_000,
        title: 'Check-in',
        url: 'https://video.example/m',
        status: 'scheduled' as const,
      };
    });
    const text = buildMeetingCalendar(
      [...meetings, { ...meetings[0], uid: 'gone@medmentor', status: 'cancelled' }],
      {
        name: 'MedMentor',
        prodId: { company: 'MedMentor', product: 'scheduling' },
        method: 'request',
      },
    );
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(
      events.map((e) => [
        e.uid,
        iso(e.startDate.toUnixTime() * 1000),
        iso(e.endDate.toUnixTime() * 1000),
      ]),
    ).toEqual([
      ['m0@medmentor', '2026-03-03T22:00:00.000Z', '2026-03-03T22:45:00.000Z'],
      ['m1@medmentor', '2026-03-10T21:00:00.000Z', '2026-03-10T21:45:00.000Z'],
      ['gone@medmentor', '2026-03-03T22:00:00.000Z', '2026-03-03T22:45:00.000Z'],
    ]);
    expect(events[1].component.getFirstPropertyValue('sequence')).toBe(1);
    expect(events[2].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0].description).toContain('https://video.example/m');
  });
});

describe('busy time from an uploaded call schedule', () => {
  const window = { start: utc('2026-03-01T00:00:00Z'), end: utc('2026-04-01T00:00:00Z') };

  it('expands a weekly night shift in an IANA zone with an exception date and a moved occurrence', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:night@hospital',
      'DTSTART;TZID=America/New_York:20260302T190000',
      'DTEND;TZID=America/New_York:20260303T070000',
      'RRULE:FREQ=WEEKLY;COUNT=4',
      'EXDATE;TZID=America/New_York:20260316T190000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:night@hospital',
      'RECURRENCE-ID;TZID=America/New_York:20260323T190000',
      'DTSTART;TZID=America/New_York:20260324T190000',
      'DTEND;TZID=America/New_York:20260325T070000',
      'END:VEVENT',
    );
    const { busy, events } = readBusyCalendar(text, { timeZone: 'America/New_York', window });
    expect(events).toBe(3);
    expect(busy.map((b) => [iso(b.start), iso(b.end)])).toEqual([
      ['2026-03-03T00:00:00.000Z', '2026-03-03T12:00:00.000Z'], // EST
      ['2026-03-09T23:00:00.000Z', '2026-03-10T11:00:00.000Z'], // EDT from 8 March
      ['2026-03-24T23:00:00.000Z', '2026-03-25T11:00:00.000Z'], // moved to Tuesday
    ]);
  });

  it('reads zones the file defines (Windows names), all-day blocks on the person’s clock, and ignores free or cancelled events', () => {
    const text = ics(
      'BEGIN:VTIMEZONE',
      'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16011028T030000',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010325T020000',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:call@hospital',
      'DTSTART;TZID=W. Europe Standard Time:20260305T080000',
      'DTEND;TZID=W. Europe Standard Time:20260305T200000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:leave@hospital',
      'DTSTART;VALUE=DATE:20260310',
      'DTEND;VALUE=DATE:20260311',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:free@hospital',
      'DTSTART:20260312T090000Z',
      'DTEND:20260312T100000Z',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:off@hospital',
      'DTSTART:20260313T090000Z',
      'DTEND:20260313T100000Z',
      'STATUS:CANCELLED',
      'END:VEVENT',
    );
    const { busy } = readBusyCalendar(text, { timeZone: 'Europe/Berlin', window });
    expect(busy.map((b) => [iso(b.start), iso(b.end)])).toEqual([
      ['2026-03-05T07:00:00.000Z', '2026-03-05T19:00:00.000Z'],
      ['2026-03-09T23:00:00.000Z', '2026-03-10T23:00:00.000Z'],
    ]);
  });

  it('refuses what is not a calendar, and calendars that expand beyond the limit', () => {
    expect(() => readBusyCalendar('hello', { timeZone: 'UTC', window })).toThrow(
      CalendarParseError,
    );
    const daily = ics(
      'BEGIN:VEVENT',
      'UID:d',
      'DTSTART:20260301T000000Z',
      'DTEND:20260301T010000Z',
      'RRULE:FREQ=HOURLY',
      'END:VEVENT',
    );
    expect(() => readBusyCalendar(daily, { timeZone: 'UTC', window, maxEvents: 100 })).toThrow(
      'more than 100 events',
    );
  });
});
