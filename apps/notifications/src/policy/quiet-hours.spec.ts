import { quietHoursEnd } from './quiet-hours';

const night = { start: '22:00', end: '07:00' };

describe('quietHoursEnd', () => {
  it('defers a message sent at 23:30 in Chicago to 07:00 Chicago time the next morning', () => {
    // 2026-11-23T05:30Z is 23:30 on the 22nd in Chicago (UTC-6 in November).
    expect(
      quietHoursEnd(new Date('2026-11-23T05:30:00Z'), 'America/Chicago', night)?.toISOString(),
    ).toBe('2026-11-23T13:00:00.000Z');
  });

  it('defers a message sent at 03:00 local to 07:00 the same local day', () => {
    // 2026-11-22T21:30Z is 03:00 on the 23rd in Kolkata (UTC+5:30).
    expect(
      quietHoursEnd(new Date('2026-11-22T21:30:00Z'), 'Asia/Kolkata', night)?.toISOString(),
    ).toBe('2026-11-23T01:30:00.000Z');
  });

  it('lets a message through outside quiet hours, whatever the UTC time says', () => {
    // 12:00 UTC is 23:00 in Sydney (quiet) but 06:00 in Chicago... (quiet) and 13:00 in London (not).
    const noon = new Date('2026-11-22T12:00:00Z');
    expect(quietHoursEnd(noon, 'Europe/London', night)).toBeNull();
    expect(quietHoursEnd(noon, 'Australia/Sydney', night)?.toISOString()).toBe(
      '2026-11-22T20:00:00.000Z',
    );
    expect(quietHoursEnd(noon, 'America/Chicago', night)?.toISOString()).toBe(
      '2026-11-22T13:00:00.000Z',
    );
  });

  it('handles a window inside one day and its exact edges', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(quietHoursEnd(new Date('2026-06-01T12:00:00Z'), 'UTC', lunch)?.toISOString()).toBe(
      '2026-06-01T13:30:00.000Z',
    );
    expect(quietHoursEnd(new Date('2026-06-01T13:30:00Z'), 'UTC', lunch)).toBeNull();
    expect(quietHoursEnd(new Date('2026-06-01T11:59:00Z'), 'UTC', lunch)).toBeNull();
  });

  it('keeps local wall-clock time across a DST change', () => {
    // Night of 7-8 March 2026: US clocks spring forward at 02:00. 07:00 CDT is 12:00Z.
    expect(
      quietHoursEnd(new Date('2026-03-08T05:00:00Z'), 'America/Chicago', night)?.toISOString(),
    ).toBe('2026-03-08T12:00:00.000Z');
  });
});
