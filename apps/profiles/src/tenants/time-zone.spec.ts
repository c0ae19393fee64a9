import { isIanaTimeZone } from './time-zone';

describe('isIanaTimeZone', () => {
  it.each(['UTC', 'America/Chicago', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])('accepts %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  it.each(['', 'EST', '+01:00', 'America/Nowhere', 'america/chicago', 'Mars/Olympus_Mons', 'UTC; drop'])('refuses %p', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});
