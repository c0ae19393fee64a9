import { isIanaTimeZone, timeZoneSchema } from './time-zone';

describe('isIanaTimeZone', () => {
  it.each([
    'America/New_York',
    'America/Argentina/Buenos_Aires',
    'America/Port-au-Prince',
    'Europe/London',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'Europe/Kyiv',
    'Pacific/Honolulu',
    'Australia/Lord_Howe',
    'UTC',
    'Etc/UTC',
  ])('accepts %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  it.each([
    '+05:00',
    '-0800',
    'UTC+2',
    'GMT+1',
    'EST',
    'PST',
    'GMT',
    'EST5EDT',
    'Etc/GMT+5',
    'america/new_york',
    'America/Gotham',
    'Mars/Olympus_Mons',
    'New_York',
    '',
    'America/New_York ',
  ])('rejects %j', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isIanaTimeZone(undefined)).toBe(false);
    expect(isIanaTimeZone(5)).toBe(false);
  });

  it('accepts every zone the runtime lists', () => {
    expect(Intl.supportedValuesOf('timeZone').filter((zone) => !isIanaTimeZone(zone))).toEqual([]);
  });
});

describe('timeZoneSchema', () => {
  it('parses a valid zone and explains an invalid one', () => {
    expect(timeZoneSchema.parse('America/Chicago')).toBe('America/Chicago');
    const result = timeZoneSchema.safeParse('CST');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });
});
