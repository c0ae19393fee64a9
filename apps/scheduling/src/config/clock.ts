/** Where time-driven code reads "now": the system clock in production, a fixed one in tests. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at the moment it is made and runs at real speed from there, so a
 * separate process (an end-to-end suite) can put the service at any instant: restarting it
 * with another start moves time. `SCHEDULING_CLOCK_START`; refused in production by the config.
 */
export const clockStartingAt = (start: Date, realNow: () => number = Date.now): Clock => {
  const origin = realNow();
  return { now: () => new Date(start.getTime() + (realNow() - origin)) };
};

/** The clock the configuration asks for: the system clock unless a start is set. */
export const clockFromConfig = (config: { SCHEDULING_CLOCK_START?: Date }): Clock =>
  config.SCHEDULING_CLOCK_START === undefined
    ? systemClock
    : clockStartingAt(config.SCHEDULING_CLOCK_START);
