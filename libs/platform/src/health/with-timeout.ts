/** Raised when a health check does not settle within its time limit. */
export class HealthCheckTimeoutError extends Error {
  override readonly name = 'HealthCheckTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}

/** Settles like `work()`, or rejects with HealthCheckTimeoutError after `timeoutMs`. */
export async function withTimeout<T>(work: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthCheckTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    // Promise.resolve().then(work) turns a synchronous throw into a rejection.
    return await Promise.race([Promise.resolve().then(work), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
