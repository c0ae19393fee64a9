import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('flushes the first item alone and what arrived meanwhile together, in order', async () => {
    const flushes: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const commit = new GroupCommit<number>(async (items) => {
      flushes.push(items);
      if (flushes.length === 1) await gate;
      return items.map(() => undefined);
    });
    const first = commit.submit(1);
    const rest = [2, 3, 4].map((n) => commit.submit(n));
    release();
    await Promise.all([first, ...rest]);
    expect(flushes).toEqual([[1], [2, 3, 4]]);
  });

  it('fails only the items the flush answers an error for', async () => {
    const commit = new GroupCommit<number>(async (items) =>
      items.map((n) => (n === 2 ? new Error('bad 2') : undefined)),
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => commit.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every item of a flush that throws, and goes on with the next', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const commit = new GroupCommit<number>(async (items) => {
      calls += 1;
      if (calls === 1) await gate;
      if (calls === 2) throw new Error('database down');
      return items.map(() => undefined);
    });
    const first = commit.submit(1);
    const second = [commit.submit(2), commit.submit(3)];
    release();
    await first;
    await expect(Promise.all(second)).rejects.toThrow('database down');
    await expect(commit.submit(4)).resolves.toBeUndefined();
  });

  it('caps the items of one flush', async () => {
    const sizes: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const commit = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
      if (sizes.length === 1) await gate;
      return items.map(() => undefined);
    }, 2);
    const all = [1, 2, 3, 4, 5, 6].map((n) => commit.submit(n));
    release();
    await Promise.all(all);
    expect(sizes).toEqual([1, 2, 2, 1]);
  });
});
