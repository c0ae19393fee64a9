/** Where time-driven code reads "now": the system clock in production, a fixed one in tests. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
