import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Db, MongoClient } from 'mongodb';
import { deadLetterTopicOf } from '@medmentor/contracts';
import { KafkaReader, mongoUri, uniqueName, waitFor } from '@medmentor/testing';
import { DLQ_HEADERS } from '../src/consumer/dead-letter';
import { MongoProcessedEvents, type ProcessedEventRecord } from '../src/consumer/processed-events';
import type { KafkaConnection } from '../src/kafka/kafka-connection';
import {
  ConsumerRig,
  connectProducer,
  consumerChildArgs,
  keyedPing,
  TOPIC,
  type Applied,
  type KeyLog,
} from './consumer-harness';
import { connectDb } from './outbox-harness';

const root = join(__dirname, '../../..');

/** Messages for `keys` keys with `perKey` events each, interleaved as a busy topic would hold them. */
const interleaved = (tenantId: string, keys: number, perKey: number) => {
  const events: ReturnType<typeof keyedPing>[] = [];
  for (let seq = 0; seq < perKey; seq += 1)
    for (let k = 0; k < keys; k += 1) events.push(keyedPing(tenantId, `k${k}`, seq));
  return events;
};

describe("EventConsumer: a partition's batch processed concurrently by key (real broker and MongoDB-wire server)", () => {
  let client: MongoClient;
  let db: Db;
  let dbName: string;
  let producer: KafkaConnection;

  beforeAll(async () => {
    dbName = uniqueName('it-consumer');
    ({ client, db } = await connectDb(mongoUri(), dbName));
    producer = await connectProducer();
  });

  afterAll(async () => {
    await producer.disconnect();
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  const send = async (messages: { key: string; value: string; partition: number }[]) => {
    const [meta] = await producer.producer.send({ topic: TOPIC, messages });
    return BigInt(meta.baseOffset!);
  };

  const keyLogs = (tenantId: string) =>
    db
      .collection<KeyLog>('key_logs')
      .find({ _id: { $regex: `^${tenantId}-` } })
      .toArray();

  const allApplied = async (ids: string[]) => {
    const found = await db
      .collection<Applied>('applied_events')
      .find({ _id: { $in: ids } })
      .toArray();
    return found.length === ids.length ? found : undefined;
  };

  const committed = async (groupId: string): Promise<bigint> => {
    const [topic] = await producer.admin.fetchOffsets({ groupId, topics: [TOPIC] });
    const offset = topic.partitions.find((p) => p.partition === 0)?.offset ?? '-1';
    return BigInt(offset);
  };

  /** Sends a marker and waits for it, so the batches that follow hold only what a test sends. */
  const caughtUp = async (tenantId: string) => {
    const marker = keyedPing(tenantId, 'marker', 0);
    await send([marker.message]);
    await waitFor(() => allApplied([marker.id]), {
      timeoutMs: 60_000,
      description: 'the consumer to catch up',
    });
  };

  it('stores concurrent processed-event records together, a record already there counting as stored', async () => {
    const store = new MongoProcessedEvents(db.collection<ProcessedEventRecord>('processed_events'));
    const group = uniqueName('it-group');
    const record = (eventId: string) => ({
      group,
      eventId,
      type: 't',
      topic: TOPIC,
      partition: 0,
      offset: '1',
    });
    await store.record(record('a'));
    await Promise.all(['a', 'b', 'c', 'b'].map((id) => store.record(record(id))));
    expect([...(await store.processedAmong(group, ['a', 'b', 'c', 'd']))].sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(await store.has(group, 'c')).toBe(true);
  });

  it('applies different keys concurrently and each key strictly in order; a bad message goes to the dead-letter topic alone', async () => {
    const tenantId = uniqueName('tenant');
    const rig = await new ConsumerRig({
      db,
      tenantId,
      groupId: uniqueName('it-group'),
      concurrencyPerPartition: 8,
      maxDelayMs: 15,
    }).start();
    const dlq = await new KafkaReader().start([deadLetterTopicOf(TOPIC)]);
    try {
      await caughtUp(tenantId);
      const events = interleaved(tenantId, 10, 20);
      const bad = { key: `${tenantId}-k3`, value: `{not json ${tenantId}`, partition: 0 };
      await send([
        ...events.slice(0, 100).map((e) => e.message),
        bad,
        ...events.slice(100).map((e) => e.message),
      ]);
      const applied = await waitFor(() => allApplied(events.map((e) => e.id)), {
        timeoutMs: 90_000,
        description: '200 events',
      });
      expect(applied.every((a) => a.applications === 1)).toBe(true);
      const logs = await keyLogs(tenantId);
      for (let k = 0; k < 10; k += 1) {
        expect(logs.find((log) => log._id === `${tenantId}-k${k}`)?.applied).toEqual(
          Array.from({ length: 20 }, (_, n) => n),
        );
      }
      // All 200 sit in one partition: several ran at once, never more than the limit.
      expect(rig.mostInFlight).toBeGreaterThan(1);
      expect(rig.mostInFlight).toBeLessThanOrEqual(8);
      const [letter] = await waitFor(
        () => {
          const mine = dlq.on(deadLetterTopicOf(TOPIC)).filter((m) => m.key === bad.key);
          return mine.length > 0 ? mine : undefined;
        },
        { description: 'the dead letter' },
      );
      expect(letter.headers[DLQ_HEADERS.reason]).toMatch(/not JSON/);
      expect(letter.value).toBe(bad.value);
    } finally {
      await dlq.stop();
      await rig.stop();
    }
  }, 180_000);

  it('commits no offset past a message still running, however many after it have finished', async () => {
    const tenantId = uniqueName('tenant');
    const groupId = uniqueName('it-group');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const rig = await new ConsumerRig({
      db,
      tenantId,
      groupId,
      concurrencyPerPartition: 8,
      maxDelayMs: 5,
      heartbeatIntervalMs: 200,
      commitIntervalMs: 300,
      before: (key) => (key === 'slow' ? gate : Promise.resolve()),
    }).start();
    try {
      await caughtUp(tenantId);
      const head = interleaved(tenantId, 4, 2);
      const slow = keyedPing(tenantId, 'slow', 0);
      const rest = interleaved(tenantId, 6, 5);
      const base = await send([
        ...head.map((e) => e.message),
        slow.message,
        ...rest.map((e) => e.message),
      ]);
      const slowOffset = base + BigInt(head.length);
      await waitFor(() => allApplied([...head, ...rest].map((e) => e.id)), {
        timeoutMs: 60_000,
        description: 'all but the slow one',
      });
      // The messages before the slow one are committed; those after it, though finished, are not.
      await waitFor(async () => ((await committed(groupId)) === slowOffset ? true : undefined), {
        timeoutMs: 30_000,
        description: 'the offset of the slow message to be committed as the next to read',
      });
      // It stays there over several commit intervals while the slow message runs.
      for (let n = 0; n < 5; n += 1) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await committed(groupId)).toBe(slowOffset);
      }
      expect(rig.results.filter((r) => r === 'applied').length).toBeGreaterThanOrEqual(
        head.length + rest.length,
      );
      release();
      await waitFor(
        async () =>
          (await committed(groupId)) === base + BigInt(head.length + 1 + rest.length)
            ? true
            : undefined,
        {
          timeoutMs: 30_000,
          description: 'the whole batch to be committed once the slow message finished',
        },
      );
      expect((await allApplied([slow.id]))?.[0].applications).toBe(1);
    } finally {
      release();
      await rig.stop();
    }
  }, 180_000);

  it('applies each event once, in order per key, after a consumer is killed with SIGKILL mid-batch', async () => {
    const tenantId = uniqueName('tenant');
    const groupId = uniqueName('it-group');
    const events = interleaved(tenantId, 10, 30);
    const ids = events.map((e) => e.id);
    const child: ChildProcess = spawn(
      process.execPath,
      consumerChildArgs(dbName, tenantId, groupId),
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
      child.once('exit', (code) => reject(new Error(`consumer exited early with ${code}`)));
    });
    await send(events.map((e) => e.message));
    await waitFor(
      async () =>
        (await db.collection<Applied>('applied_events').countDocuments({ _id: { $in: ids } })) >= 60
          ? true
          : undefined,
      { timeoutMs: 90_000, description: 'the killed consumer to apply some events' },
    );
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const recorded = new Set(
      (
        await db
          .collection<ProcessedEventRecord>('processed_events')
          .find({ group: groupId, eventId: { $in: ids } })
          .toArray()
      ).map((record) => record.eventId),
    );
    const appliedBefore = await db
      .collection<Applied>('applied_events')
      .countDocuments({ _id: { $in: ids } });
    expect(appliedBefore).toBeLessThan(ids.length);

    const rig = await new ConsumerRig({
      db,
      tenantId,
      groupId,
      concurrencyPerPartition: 8,
      maxDelayMs: 10,
      sessionTimeoutMs: 6_000,
    }).start();
    try {
      const applied = await waitFor(() => allApplied(ids), {
        timeoutMs: 120_000,
        description: 'all 300 events',
      });
      // Recorded events are not dispatched again; only one the kill caught between its effect
      // and its record may be applied a second time (handlers are idempotent on natural keys).
      expect(rig.dispatched.filter((id) => recorded.has(id))).toEqual([]);
      expect(rig.results).toContain('duplicate');
      const twice = applied.filter((a) => a.applications !== 1);
      expect(twice.every((a) => a.applications === 2 && !recorded.has(a._id))).toBe(true);
      expect(twice.length).toBeLessThanOrEqual(8);
      // Per key: every event, in order; a repeat can only be the key's event in flight at the kill.
      const logs = await keyLogs(tenantId);
      for (let k = 0; k < 10; k += 1) {
        const log = logs.find((l) => l._id === `${tenantId}-k${k}`)!.applied;
        expect([...new Set(log)]).toEqual(Array.from({ length: 30 }, (_, n) => n));
        expect(log).toEqual([...log].sort((a, b) => a - b));
      }
    } finally {
      await rig.stop();
    }
  }, 240_000);
});
