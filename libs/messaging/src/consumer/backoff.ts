export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** 0 = none, 1 = full jitter. */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 200, maxMs: 10_000, jitter: 0.2 };

/** Exponential backoff with jitter for the nth retry (1-based). */
export const backoffDelay = (attempt: number, policy: BackoffPolicy = defaultBackoff, random = Math.random): number => {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  const spread = base * policy.jitter;
  return Math.round(base - spread + random() * spread * 2);
};
