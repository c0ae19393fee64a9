import { clockFromConfig, clockStartingAt, systemClock } from './clock';
import { loadSchedulingConfig } from './scheduling-config';

describe('the clock a process runs on', () => {
  it('starts at the given instant and runs at real speed from there', () => {
    let real = 1_000_000;
    const clock = clockStartingAt(new Date('2027-03-01T09:00:00Z'), () => real);
    expect(clock.now().toISOString()).toBe('2027-03-01T09:00:00.000Z');
    real += 90_500;
    expect(clock.now().toISOString()).toBe('2027-03-01T09:01:30.500Z');
  });

  it('is the system clock unless SCHEDULING_CLOCK_START is set', () => {
    expect(clockFromConfig(loadSchedulingConfig({}))).toBe(systemClock);
    const started = clockFromConfig(
      loadSchedulingConfig({ SCHEDULING_CLOCK_START: '2027-03-01T10:00:00+01:00' }),
    );
    expect(Math.abs(started.now().getTime() - Date.parse('2027-03-01T09:00:00Z'))).toBeLessThan(
      5_000,
    );
  });

  it('refuses a start in production and one that is not a date-time, naming the variable', () => {
    expect(() =>
      loadSchedulingConfig({
        NODE_ENV: 'production',
        SCHEDULING_CLOCK_START: '2027-03-01T09:00:00Z',
      }),
    ).toThrow(/SCHEDULING_CLOCK_START is for tests and is refused when NODE_ENV is production/);
    expect(() => loadSchedulingConfig({ SCHEDULING_CLOCK_START: 'tomorrow' })).toThrow(
      /SCHEDULING_CLOCK_START must be an RFC 3339 date-time with offset/,
    );
    expect(loadSchedulingConfig({ NODE_ENV: 'production' }).SCHEDULING_CLOCK_START).toBeUndefined();
  });
});
