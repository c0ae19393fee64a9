import { nextAttempt, type RetryPolicy } from './retry-schedule';

const policy: RetryPolicy = { maxAttempts: 5, initialMs: 1000, maxMs: 5000, jitter: 0.2 };
const now = new Date('2026-11-22T10:00:00Z');
const delayOf = (attempts: number, random: () => number) => {
  const outcome = nextAttempt(attempts, now, policy, random);
  return outcome.retry ? outcome.at.getTime() - now.getTime() : null;
};

describe('nextAttempt', () => {
  it('doubles the delay per attempt up to the ceiling', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((a) => delayOf(a, middle))).toEqual([1000, 2000, 4000, 5000]);
  });

  it('spreads retries by ±20% so failed sends do not return in lockstep', () => {
    expect(delayOf(2, () => 0)).toBe(1600);
    expect(delayOf(2, () => 0.999999)).toBe(2400);
  });

  it('gives up after the last attempt', () => {
    expect(nextAttempt(5, now, policy)).toEqual({ retry: false });
    expect(nextAttempt(4, now, policy).retry).toBe(true);
  });
});
