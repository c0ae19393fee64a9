import { GroupCommitQueue } from './group-commit-queue';

/** A flush that holds its first call until `release` is called. */
const gated = () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release: () => release() };
};

describe('GroupCommitQueue', () => {
  it('flushes the first item alone and what arrived meanwhile as one group, in order', async () => {
    const groups: number[][] = [];
    const { gate, release } = gated();
    const queue = new GroupCommitQueue<number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await gate;
      return items.map(() => undefined);
    });
    const all = [1, 2, 3, 4].map((n) => queue.submit(n));
    release();
    await Promise.all(all);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('fails only the items the flush answers an error for', async () => {
    const queue = new GroupCommitQueue<number>(async (items) =>
      items.map((n) => (n === 2 ? new Error('bad 2') : undefined)),
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => queue.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every item of a flush that throws, and flushes the next group', async () => {
    let calls = 0;
    const { gate, release } = gated();
    const queue = new GroupCommitQueue<number>(async (items) => {
      calls += 1;
      if (calls === 1) await gate;
      if (calls === 2) throw new Error('database down');
      return items.map(() => undefined);
    });
    const first = queue.submit(1);
    const group = Promise.all([queue.submit(2), queue.submit(3)]);
    release();
    await first;
    await expect(group).rejects.toThrow('database down');
    await expect(queue.submit(4)).resolves.toBeUndefined();
  });

  it('rejects with what the flush answers for an item, not a wrapped error', async () => {
    const queue = new GroupCommitQueue<number>(async (items) => items.map(() => 'refused'));
    await expect(queue.submit(1)).rejects.toBe('refused');
  });

  it('puts at most maxItems in one group', async () => {
    const sizes: number[] = [];
    const { gate, release } = gated();
    const queue = new GroupCommitQueue<number>(
      async (items) => {
        sizes.push(items.length);
        if (sizes.length === 1) await gate;
        return items.map(() => undefined);
      },
      { maxItems: 2 },
    );
    const all = [1, 2, 3, 4, 5].map((n) => queue.submit(n));
    release();
    await Promise.all(all);
    expect(sizes).toEqual([1, 2, 2]);
  });

  /** A queue whose last group had two items (3 and 2 arrived while 1 was being flushed). */
  const afterGroupOfTwo = async (gatherMs: number) => {
    const groups: number[][] = [];
    const { gate, release } = gated();
    const queue = new GroupCommitQueue<number>(
      async (items) => {
        groups.push(items);
        if (groups.length === 1) await gate;
        return items.map(() => undefined);
      },
      { maxItems: 50, gatherMs },
    );
    const first = [1, 2, 3].map((n) => queue.submit(n));
    release();
    await Promise.all(first);
    return { queue, groups };
  };

  it('waits up to gatherMs for as many items as the last group had', async () => {
    const { queue, groups } = await afterGroupOfTwo(5_000);
    const started = Date.now();
    const four = queue.submit(4);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all([four, queue.submit(5)]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(groups).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('flushes what waits once gatherMs has passed', async () => {
    const { queue, groups } = await afterGroupOfTwo(30);
    const started = Date.now();
    await queue.submit(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(groups).toEqual([[1], [2, 3], [4]]);
  });
});
