import { waitUntil, WaitTimeoutError } from './wait-until';

describe('waitUntil', () => {
  it('polls until the probe succeeds and returns its value', async () => {
    let calls = 0;
    const value = await waitUntil(
      'thing',
      async () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
        return 'ready';
      },
      { timeoutMs: 2_000, intervalMs: 10 },
    );
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('times out with the last error in the message', async () => {
    await expect(
      waitUntil('broker', () => Promise.reject(new Error('ECONNREFUSED')), { timeoutMs: 50, intervalMs: 10 }),
    ).rejects.toThrow(/broker: not ready after .*ECONNREFUSED/);
  });

  it('gives up early when told why', async () => {
    const error = await waitUntil('server', () => Promise.reject(new Error('no')), {
      timeoutMs: 10_000,
      intervalMs: 10,
      abortReason: () => 'the process exited with code 1',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toBe('server: the process exited with code 1');
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      waitUntil('x', () => Promise.reject(new Error('no')), { timeoutMs: 10_000, signal: controller.signal }),
    ).rejects.toThrow(/interrupted/);
  });
});
