export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Checked before every attempt: return a reason to give up early (e.g. the process died). */
  abortReason?: () => string | null;
  signal?: AbortSignal;
}

export class WaitTimeoutError extends Error {
  constructor(
    message: string,
    readonly lastError: unknown,
  ) {
    super(message);
    this.name = 'WaitTimeoutError';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Polls `probe` until it resolves (returns its value) or the time runs out.
 * A probe signals "not yet" by throwing; the last error is kept for the message.
 */
export async function waitUntil<T>(what: string, probe: () => Promise<T>, options: WaitOptions): Promise<T> {
  const interval = options.intervalMs ?? 250;
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    if (options.signal?.aborted) throw new Error(`${what}: interrupted`);
    const reason = options.abortReason?.();
    if (reason) throw new WaitTimeoutError(`${what}: ${reason}`, lastError);
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() + interval > deadline) {
      throw new WaitTimeoutError(
        `${what}: not ready after ${Math.round(options.timeoutMs / 1000)} s (last error: ${describe(lastError)})`,
        lastError,
      );
    }
    await sleep(interval);
  }
}
