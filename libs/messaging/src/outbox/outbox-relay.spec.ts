import { OutboxRelay } from './outbox-relay';
import type { OutboxEntry } from './outbox-entry';
import type { ClaimedOutbox, EventSink, OutboxStore } from './outbox-store';
import { OUTBOX_BULK_MIN_DOCUMENTS, signalOutboxBulkWrite } from './outbox-signal';

const entry = (id: string, key: string): OutboxEntry => ({
  id,
  topic: 't',
  key,
  value: `{"id":"${id}"}`,
  headers: {},
  createdAt: new Date(0),
});

/** In-memory stand-in with the same lease semantics as the MongoDB store. */
class MemoryStore implements OutboxStore {
  readonly name = 'memory';
  docs = new Map<string, { entries: OutboxEntry[]; lockedBy?: string }>();
  private tokens = 0;

  push(docId: string, ...entries: OutboxEntry[]) {
    const doc = this.docs.get(docId) ?? { entries: [] };
    doc.entries.push(...entries);
    this.docs.set(docId, doc);
  }

  async claim(limit: number): Promise<ClaimedOutbox[]> {
    const token = `t${(this.tokens += 1)}`;
    const claims: ClaimedOutbox[] = [];
    for (const [id, doc] of this.docs) {
      if (claims.length >= limit) break;
      if (doc.entries.length === 0 || doc.lockedBy) continue;
      doc.lockedBy = token;
      claims.push({ documentId: id, token, entries: [...doc.entries] });
    }
    return claims;
  }

  async acknowledge(claim: ClaimedOutbox) {
    const doc = this.docs.get(claim.documentId as string)!;
    if (doc.lockedBy !== claim.token) return;
    doc.entries = doc.entries.filter((e) => !claim.entries.some((c) => c.id === e.id));
    doc.lockedBy = undefined;
  }

  async release(claim: ClaimedOutbox) {
    const doc = this.docs.get(claim.documentId as string)!;
    if (doc.lockedBy === claim.token) doc.lockedBy = undefined;
  }

  async backlog() {
    return [...this.docs.values()].filter((d) => d.entries.length > 0).length;
  }

  async oldestPendingAt() {
    const times = [...this.docs.values()].flatMap((d) =>
      d.entries.map((e) => e.createdAt.getTime()),
    );
    return times.length > 0 ? new Date(Math.min(...times)) : null;
  }
}

class RecordingSink implements EventSink {
  published: OutboxEntry[] = [];
  failures = 0;
  async publish(entries: readonly OutboxEntry[]) {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('broker unavailable');
    }
    this.published.push(...entries);
  }
}

describe('OutboxRelay', () => {
  it('publishes pending events in write order per aggregate and removes them', async () => {
    const store = new MemoryStore();
    store.push('a', entry('a1', 'a'), entry('a2', 'a'));
    store.push('b', entry('b1', 'b'));
    store.push('a', entry('a3', 'a'));
    const sink = new RecordingSink();
    const relay = new OutboxRelay([store], sink, { pollIntervalMs: 10 });

    expect(await relay.drainOnce()).toBe(4);
    expect(sink.published.filter((e) => e.key === 'a').map((e) => e.id)).toEqual([
      'a1',
      'a2',
      'a3',
    ]);
    expect(await store.backlog()).toBe(0);
    expect(await relay.drainOnce()).toBe(0);
  });

  it('keeps events when the broker fails and publishes them on the next try', async () => {
    const store = new MemoryStore();
    store.push('a', entry('a1', 'a'));
    const sink = new RecordingSink();
    sink.failures = 1;
    const relay = new OutboxRelay([store], sink, { pollIntervalMs: 10 });

    await expect(relay.drainOnce()).rejects.toThrow('broker unavailable');
    expect(await store.backlog()).toBe(1);
    expect(store.docs.get('a')!.lockedBy).toBeUndefined();
    expect(await relay.drainOnce()).toBe(1);
    expect(sink.published.map((e) => e.id)).toEqual(['a1']);
  });

  it('keeps events written while a batch was in flight', async () => {
    const store = new MemoryStore();
    store.push('a', entry('a1', 'a'));
    const sink = new RecordingSink();
    const publish = sink.publish.bind(sink);
    sink.publish = async (entries) => {
      store.push('a', entry('a2', 'a'));
      await publish(entries);
    };
    const relay = new OutboxRelay([store], sink, { pollIntervalMs: 10 });
    await relay.drainOnce();
    expect(store.docs.get('a')!.entries.map((e) => e.id)).toEqual(['a2']);
    sink.publish = publish;
    await relay.drainOnce();
    expect(sink.published.map((e) => e.id)).toEqual(['a1', 'a2']);
  });

  it('runs in the background and flushes what is pending when stopped', async () => {
    const store = new MemoryStore();
    const sink = new RecordingSink();
    const relay = new OutboxRelay([store], sink, { pollIntervalMs: 5 });
    relay.start();
    store.push('a', entry('a1', 'a'));
    const deadline = Date.now() + 2000;
    while (sink.published.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sink.published.map((e) => e.id)).toEqual(['a1']);
    store.push('b', entry('b1', 'b'));
    await relay.stop();
    expect(sink.published.map((e) => e.id)).toEqual(['a1', 'b1']);
    expect(relay.health.running).toBe(false);
  });

  describe('while its collection receives bulk inserts', () => {
    const waitUntil = async (condition: () => boolean, ms = 2000) => {
      const deadline = Date.now() + ms;
      while (!condition() && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 5));
    };

    it('holds the events back until the writes are quiet, then publishes them all', async () => {
      const store = new MemoryStore();
      const sink = new RecordingSink();
      let firstPublishAt = 0;
      const publish = sink.publish.bind(sink);
      sink.publish = async (entries) => {
        firstPublishAt ||= Date.now();
        await publish(entries);
      };
      const relay = new OutboxRelay([store], sink, {
        pollIntervalMs: 5,
        bulkQuietMs: 150,
        bulkMaxDeferMs: 10_000,
      });
      relay.start();
      store.push('a', entry('a1', 'a'));
      signalOutboxBulkWrite('memory', OUTBOX_BULK_MIN_DOCUMENTS);
      for (let i = 0; i < 6; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        store.push('b', entry(`b${i}`, 'b'));
        signalOutboxBulkWrite('memory', OUTBOX_BULK_MIN_DOCUMENTS);
      }
      expect(sink.published).toEqual([]);
      const lastBulk = Date.now();

      await waitUntil(() => sink.published.length === 7);
      await relay.stop();
      expect(sink.published.map((e) => e.id)).toEqual(['a1', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
      expect(firstPublishAt).toBeGreaterThanOrEqual(lastBulk + 140);
    });

    it('still publishes a batch every bulkMaxDeferMs, and not for small inserts or other collections', async () => {
      const store = new MemoryStore();
      const sink = new RecordingSink();
      const relay = new OutboxRelay([store], sink, {
        pollIntervalMs: 5,
        bulkQuietMs: 10_000,
        bulkMaxDeferMs: 100,
      });
      relay.start();
      signalOutboxBulkWrite('memory', OUTBOX_BULK_MIN_DOCUMENTS);
      store.push('a', entry('a1', 'a'));
      await waitUntil(() => sink.published.length === 1);
      expect(sink.published.map((e) => e.id)).toEqual(['a1']);
      await relay.stop();

      const other = new MemoryStore();
      const otherSink = new RecordingSink();
      const unaffected = new OutboxRelay([other], otherSink, {
        pollIntervalMs: 5,
        bulkQuietMs: 10_000,
      });
      unaffected.start();
      signalOutboxBulkWrite('memory', OUTBOX_BULK_MIN_DOCUMENTS - 1);
      signalOutboxBulkWrite('physicians', OUTBOX_BULK_MIN_DOCUMENTS);
      other.push('a', entry('a1', 'a'));
      await waitUntil(() => otherSink.published.length === 1, 1000);
      await unaffected.stop();
      expect(otherSink.published.map((e) => e.id)).toEqual(['a1']);
    });

    it('flushes everything when stopped, bulk inserts or not', async () => {
      const store = new MemoryStore();
      const sink = new RecordingSink();
      const relay = new OutboxRelay([store], sink, {
        pollIntervalMs: 5,
        bulkQuietMs: 60_000,
        bulkMaxDeferMs: 60_000,
      });
      relay.start();
      signalOutboxBulkWrite('memory', OUTBOX_BULK_MIN_DOCUMENTS);
      store.push('a', entry('a1', 'a'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sink.published).toEqual([]);
      await relay.stop();
      expect(sink.published.map((e) => e.id)).toEqual(['a1']);
    });
  });
});
