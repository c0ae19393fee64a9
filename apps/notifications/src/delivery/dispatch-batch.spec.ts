import type { OutgoingEvent } from '@medmentor/contracts';
import { DispatchBatch, type OutcomeChunk } from './dispatch-batch';

const sent = (id: string) => ({
  id,
  token: 't',
  changes: { status: 'sent' as const },
  event: {} as OutgoingEvent,
});

/** Lets every queued promise callback run. */
const pendingCallbacks = () => new Promise((resolve) => setImmediate(resolve));

/** A write that finishes only when the test says so. */
const controlledWrites = () => {
  const chunks: OutcomeChunk[] = [];
  const ends: ((error?: Error) => void)[] = [];
  const write = (chunk: OutcomeChunk) =>
    new Promise<void>((resolve, reject) => {
      chunks.push(chunk);
      ends.push((error) => (error ? reject(error) : resolve()));
    });
  const ids = (chunk: OutcomeChunk) => chunk.outcomes.finished.map((o) => o.id);
  return { chunks, ends, write, ids };
};

describe('DispatchBatch', () => {
  it('writes the first outcome at once and what comes during a write in the next one', async () => {
    const writes = controlledWrites();
    const batch = new DispatchBatch('t', undefined, writes.write);
    void batch.finished(sent('a'));
    expect(writes.chunks.map(writes.ids)).toEqual([['a']]);
    void batch.finished(sent('b'));
    void batch.rescheduled({ id: 'c', token: 't', attempts: 1, dueAt: new Date(), lastError: 'x' });
    expect(writes.chunks).toHaveLength(1);
    writes.ends[0]();
    await pendingCallbacks();
    expect(writes.chunks).toHaveLength(2);
    expect(writes.ids(writes.chunks[1])).toEqual(['b']);
    expect(writes.chunks[1].outcomes.rescheduled.map((o) => o.id)).toEqual(['c']);
    const settled = batch.settle();
    writes.ends[1]();
    await settled;
    expect(writes.chunks).toHaveLength(2);
  });

  it('answers each outcome once the write that took it has ended, failed or not', async () => {
    const writes = controlledWrites();
    const batch = new DispatchBatch('t', undefined, writes.write);
    const ended: string[] = [];
    void batch.finished(sent('a')).then(() => ended.push('a'));
    void batch.finished(sent('b')).then(() => ended.push('b'));
    await pendingCallbacks();
    expect(ended).toEqual([]);
    writes.ends[0]();
    await pendingCallbacks();
    expect(ended).toEqual(['a']);
    writes.ends[1](new Error('database down'));
    await pendingCallbacks();
    expect(ended).toEqual(['a', 'b']);
    await expect(batch.settle()).rejects.toThrow('database down');
  });

  it('writes an inbox message with (or before) the outcome after it', async () => {
    const writes = controlledWrites();
    const batch = new DispatchBatch('t', undefined, writes.write);
    batch.inboxMessage({ _id: 'm' } as never, { p: 'Ana' });
    expect(writes.chunks).toHaveLength(0);
    void batch.finished(sent('m'));
    expect(writes.chunks[0].inbox.map((m) => m._id)).toEqual(['m']);
    expect(writes.chunks[0].inboxNames.get('m')).toEqual({ p: 'Ana' });
    writes.ends[0]();
    await batch.settle();
  });

  it('keeps writing after a failed write, is broken from then on, and settles with the error', async () => {
    const writes = controlledWrites();
    const batch = new DispatchBatch('t', undefined, writes.write);
    void batch.finished(sent('a'));
    void batch.finished(sent('b'));
    expect(batch.broken).toBe(false);
    writes.ends[0](new Error('database down'));
    const settled = batch.settle();
    await pendingCallbacks();
    expect(batch.broken).toBe(true);
    writes.ends[1]();
    await expect(settled).rejects.toThrow('database down');
    expect(writes.chunks.map(writes.ids)).toEqual([['a'], ['b']]);
  });

  it('settles at once when nothing was handed to it', async () => {
    const writes = controlledWrites();
    await new DispatchBatch('t', undefined, writes.write).settle();
    expect(writes.chunks).toHaveLength(0);
  });
});
