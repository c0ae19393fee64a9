import { runPartitionBatch, type BatchMessage } from './partition-batch';

interface Msg extends BatchMessage {
  id: string;
}

const msgs = (keys: (string | null)[]): Msg[] =>
  keys.map((key, n) => ({ offset: String(100 + n), key, id: `${key}#${n}` }));

/** A process function whose calls wait until the test finishes them. */
const controlled = () => {
  const started: string[] = [];
  const pending = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  const process = (message: Msg) =>
    new Promise<void>((resolve, reject) => {
      started.push(message.id);
      pending.set(message.id, { resolve, reject });
    });
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return {
    started,
    process,
    tick,
    finish: async (id: string) => {
      pending.get(id)!.resolve();
      await tick();
    },
    fail: async (id: string, error: Error) => {
      pending.get(id)!.reject(error);
      await tick();
    },
  };
};

const options = (concurrency: number, resolved: string[], shouldContinue = () => true) => ({
  concurrency,
  shouldContinue,
  resolve: (offset: string) => resolved.push(offset),
});

describe('runPartitionBatch', () => {
  it('runs different keys concurrently and one key strictly in order', async () => {
    const c = controlled();
    const resolved: string[] = [];
    const done = runPartitionBatch(
      msgs(['a', 'a', 'b', 'c', 'b']),
      c.process,
      options(10, resolved),
    );
    await c.tick();
    expect(c.started).toEqual(['a#0', 'b#2', 'c#3']);
    await c.finish('b#2');
    expect(c.started).toEqual(['a#0', 'b#2', 'c#3', 'b#4']);
    expect(resolved).toEqual([]);
    await c.finish('a#0');
    expect(c.started).toContain('a#1');
    expect(resolved).toEqual(['100']);
    for (const id of ['a#1', 'c#3', 'b#4']) await c.finish(id);
    await expect(done).resolves.toEqual({ resolved: 5 });
    expect(resolved.at(-1)).toBe('104');
  });

  it('keeps at most `concurrency` messages in flight', async () => {
    const c = controlled();
    const done = runPartitionBatch(msgs(['a', 'b', 'c', 'd']), c.process, options(2, []));
    await c.tick();
    expect(c.started).toEqual(['a#0', 'b#1']);
    await c.finish('b#1');
    expect(c.started).toEqual(['a#0', 'b#1', 'c#2']);
    for (const id of ['a#0', 'c#2']) await c.finish(id);
    await c.finish('d#3');
    await expect(done).resolves.toEqual({ resolved: 4 });
  });

  it('never resolves past an unfinished message', async () => {
    const c = controlled();
    const resolved: string[] = [];
    const done = runPartitionBatch(msgs(['a', 'b', 'c']), c.process, options(3, resolved));
    await c.tick();
    await c.finish('c#2');
    await c.finish('b#1');
    expect(resolved).toEqual([]);
    await c.finish('a#0');
    expect(resolved).toEqual(['102']);
    await expect(done).resolves.toEqual({ resolved: 3 });
  });

  it('starts nothing more once told to stop, and waits for what runs', async () => {
    const c = controlled();
    const resolved: string[] = [];
    let go = true;
    const done = runPartitionBatch(
      msgs(['a', 'b', 'c', 'd']),
      c.process,
      options(2, resolved, () => go),
    );
    await c.tick();
    go = false;
    await c.finish('b#1');
    let settled = false;
    void done.then(() => (settled = true));
    await c.tick();
    expect(settled).toBe(false);
    await c.finish('a#0');
    await expect(done).resolves.toEqual({ resolved: 2 });
    expect(c.started).toEqual(['a#0', 'b#1']);
    expect(resolved).toEqual(['101']);
  });

  it('stops at the first failure, finishes what runs and reports the error', async () => {
    const c = controlled();
    const resolved: string[] = [];
    const done = runPartitionBatch(msgs(['a', 'b', 'c']), c.process, options(2, resolved));
    await c.tick();
    await c.fail('a#0', new Error('bug'));
    expect(c.started).toEqual(['a#0', 'b#1']);
    await c.finish('b#1');
    const result = await done;
    expect(result.resolved).toBe(0);
    expect((result.failure?.error as Error).message).toBe('bug');
    expect(resolved).toEqual([]);
  });

  it('treats keyless messages as one sequence', async () => {
    const c = controlled();
    const done = runPartitionBatch(msgs([null, null, 'x']), c.process, options(5, []));
    await c.tick();
    expect(c.started).toEqual(['null#0', 'x#2']);
    for (const id of ['null#0', 'null#1', 'x#2']) await c.finish(id);
    await expect(done).resolves.toEqual({ resolved: 3 });
  });

  it('settles at once for an empty batch', async () => {
    await expect(runPartitionBatch([], async () => undefined, options(1, []))).resolves.toEqual({
      resolved: 0,
    });
  });

  it('applies every key in order under random completion times', async () => {
    const keys = Array.from({ length: 300 }, (_, n) => `k${(n * 7919) % 13}`);
    const applied = new Map<string, number[]>();
    const resolved: string[] = [];
    let inFlight = 0;
    let most = 0;
    const messages = msgs(keys);
    const result = await runPartitionBatch(
      messages,
      async (message) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));
        const key = message.key as string;
        applied.set(key, [...(applied.get(key) ?? []), Number(message.offset)]);
        inFlight -= 1;
      },
      options(8, resolved),
    );
    expect(result).toEqual({ resolved: 300 });
    expect(most).toBeLessThanOrEqual(8);
    expect(most).toBeGreaterThan(1);
    for (const offsets of applied.values())
      expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
    expect(resolved.map(Number)).toEqual([...resolved.map(Number)].sort((x, y) => x - y));
    expect(resolved.at(-1)).toBe(messages.at(-1)!.offset);
  });
});
