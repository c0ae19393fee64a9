import { backoffDelay, type BackoffPolicy } from '@medmentor/messaging';

export interface RetryPolicy extends BackoffPolicy {
  maxAttempts: number;
}

export type AttemptOutcome = { retry: true; at: Date } | { retry: false };

/**
 * After the `attempts`th failed attempt: try again after an exponential delay with jitter,
 * or give up once `maxAttempts` were made.
 */
export const nextAttempt = (
  attempts: number,
  now: Date,
  policy: RetryPolicy,
  random = Math.random,
): AttemptOutcome =>
  attempts >= policy.maxAttempts
    ? { retry: false }
    : { retry: true, at: new Date(now.getTime() + backoffDelay(attempts, policy, random)) };
