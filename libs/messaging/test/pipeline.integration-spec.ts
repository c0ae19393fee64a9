import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Collection, Db, MongoClient } from 'mongodb';
import { createEvent, deadLetterTopicOf, Topics } from '@medmentor/contracts';
import { infraControl, kafkaBrokers, KafkaReader, mongoUri, uniqueName, waitFor } from '@medmentor/testing';
import { KafkaDeadLetterSink, DLQ_HEADERS } from '../src/consumer/dead-letter';
import { EventConsumer } from '../src/consumer/event-consumer';
import { MessageProcessor, type ProcessingResult } from '../src/consumer/message-processor';
import { MongoProcessedEvents, type ProcessedEventRecord } from '../src/consumer/processed-events';
import { ensureTopics } from '../src/kafka/ensure-topics';
import { KafkaConnection } from '../src/kafka/kafka-connection';
import { resolveMessagingOptions } from '../src/kafka/messaging-options';
import { KafkaEventSink } from '../src/outbox/kafka-event-sink';
import { MongoOutboxStore } from '../src/outbox/mongo-outbox-store';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { connectDb, pingCollection, writePing, type PingDoc } from './outbox-harness';

const TOPIC = Topics.DiagnosticsPing;
const root = join(__dirname, '../../..');

interface Receipt {
  _id: string;
  tenantId: string;
  applications: number;
}

/** A producing side (outbox + relay) and a consuming side (processor + consumer), for real. */
class Pipeline {
  readonly connection: KafkaConnection;
  relay: OutboxRelay | undefined;
  consumer: EventConsumer | undefined;
  readonly results: ProcessingResult[] = [];

  constructor(
    readonly db: Db,
    readonly tenantId: string,
  ) {
    this.connection = new KafkaConnection(
      resolveMessagingOptions({ serviceName: 'integration', brokers: kafkaBrokers(), clientId: uniqueName('it') }),
    );
  }

  get pings(): Collection<PingDoc> {
    return pingCollection(this.db);
  }

  get receipts(): Collection<Receipt> {
    return this.db.collection<Receipt>('receipts');
  }

  async start(): Promise<this> {
    await this.connection.connect();
    await ensureTopics(this.connection.admin, [TOPIC], { partitions: 3, replicationFactor: 1 });
    this.startRelay();
    const processed = new MongoProcessedEvents(this.db.collection<ProcessedEventRecord>('processed_events'));
    const ref: { consumer?: EventConsumer } = {};
    const processor = new MessageProcessor({
      group: uniqueName('it-group'),
      processed,
      deadLetters: new KafkaDeadLetterSink(this.connection.producer),
      handles: () => true,
      // Only this test's tenant counts: other suites share the topic.
      dispatch: async (_type, envelope) => {
        if (envelope.tenantid !== this.tenantId) return;
        const data = envelope.data as { pingId: string };
        await this.receipts.updateOne(
          { _id: data.pingId },
          { $setOnInsert: { tenantId: envelope.tenantid }, $inc: { applications: 1 } },
          { upsert: true },
        );
      },
      maxAttempts: 3,
      isStopping: () => ref.consumer?.isStopping ?? false,
      observer: { processed: (_topic, result) => this.results.push(result), retried: () => undefined },
    });
    const consumer = new EventConsumer(this.connection, processor, {
      groupId: uniqueName('it-group'),
      topics: [TOPIC],
      partitionsConsumedConcurrently: 3,
    });
    ref.consumer = consumer;
    this.consumer = consumer;
    await consumer.start();
    return this;
  }

  startRelay(): void {
    this.relay = new OutboxRelay([new MongoOutboxStore(this.pings as never)], new KafkaEventSink(this.connection.producer), {
      pollIntervalMs: 50,
      leaseMs: 1500,
      maxBackoffMs: 1000,
    });
    this.relay.start();
  }

  async receiptsFor(ids: string[]): Promise<Receipt[]> {
    return this.receipts.find({ _id: { $in: ids } }).toArray();
  }

  async allReceived(ids: string[]): Promise<Receipt[] | undefined> {
    const found = await this.receiptsFor(ids);
    return found.length === ids.length ? found : undefined;
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.connection.disconnect();
  }
}

const spawnWriter = async (dbName: string, tenantId: string, mode: 'after-write' | 'mid-publish') => {
  // node itself with tsx's loader (not the tsx wrapper), so SIGKILL hits the writer.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'outbox-writer.child.ts'), mongoUri(), dbName, tenantId, mode],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const pingId = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => line.startsWith('ready ') && resolve(line.slice(6)));
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  return { child, pingId };
};

const killHard = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', (_code, signal) => {
      expect(signal).toBe('SIGKILL');
      resolve();
    });
    child.kill('SIGKILL');
  });

describe('outbox → Kafka → idempotent consumer (real broker and MongoDB-wire server)', () => {
  let client: MongoClient;
  let db: Db;
  let dbName: string;

  beforeAll(async () => {
    dbName = uniqueName('it-messaging');
    ({ client, db } = await connectDb(mongoUri(), dbName));
  });

  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('publishes events written with their aggregate and applies each exactly once', async () => {
    const pipeline = await new Pipeline(db, uniqueName('tenant')).start();
    try {
      const ids: string[] = [];
      for (let n = 0; n < 30; n += 1) ids.push(await writePing(pipeline.pings, pipeline.tenantId, n));
      const receipts = await waitFor(() => pipeline.allReceived(ids), { timeoutMs: 60_000, description: '30 receipts' });
      expect(receipts.map((r) => r.applications)).toEqual(ids.map(() => 1));
      // The relay acknowledges after the broker does, so consumers may be faster than it.
      await waitFor(
        async () => (await pipeline.pings.countDocuments({ tenantId: pipeline.tenantId, _outboxPending: true })) === 0,
        { description: 'the outbox to be emptied' },
      );
    } finally {
      await pipeline.stop();
    }
  });

  it('changes nothing when the same event is delivered again', async () => {
    const pipeline = await new Pipeline(db, uniqueName('tenant')).start();
    try {
      const event = createEvent(
        'medmentor.diagnostics.ping.sent',
        { pingId: `${pipeline.tenantId}-dup`, message: 'twice', sentAt: new Date().toISOString() },
        { tenantId: pipeline.tenantId, source: 'profiles' },
      );
      const message = { key: event.key, value: JSON.stringify(event.envelope) };
      await pipeline.connection.producer.send({ topic: TOPIC, messages: [message] });
      await waitFor(() => pipeline.allReceived([event.key]), { description: 'first delivery' });
      await pipeline.connection.producer.send({ topic: TOPIC, messages: [message] });
      await waitFor(() => pipeline.results.includes('duplicate'), { description: 'the redelivery to be seen' });
      const [receipt] = await pipeline.receiptsFor([event.key]);
      expect(receipt.applications).toBe(1);
    } finally {
      await pipeline.stop();
    }
  });

  it('dead-letters invalid messages with their reason and goes on with the next one', async () => {
    const pipeline = await new Pipeline(db, uniqueName('tenant')).start();
    const dlq = await new KafkaReader().start([deadLetterTopicOf(TOPIC)]);
    try {
      const marker = pipeline.tenantId;
      const invalidEnvelope = createEvent(
        'medmentor.diagnostics.ping.sent',
        { pingId: `${marker}-bad`, message: 'x', sentAt: new Date().toISOString() },
        { tenantId: marker, source: 'profiles' },
      ).envelope;
      await pipeline.connection.producer.send({
        topic: TOPIC,
        messages: [
          { key: marker, value: `{not json ${marker}` },
          { key: marker, value: JSON.stringify({ ...invalidEnvelope, data: { ...invalidEnvelope.data, sentAt: 'yesterday' } }) },
        ],
      });
      const goodId = await writePing(pipeline.pings, marker, 1);
      await waitFor(() => pipeline.allReceived([goodId]), { timeoutMs: 60_000, description: 'the valid event after the bad ones' });
      const letters = await waitFor(
        () => {
          const mine = dlq.on(deadLetterTopicOf(TOPIC)).filter((m) => m.key === marker);
          return mine.length >= 2 ? mine : undefined;
        },
        { description: 'two dead letters' },
      );
      expect(letters.map((l) => l.headers[DLQ_HEADERS.reason])).toEqual([
        expect.stringMatching(/not JSON/),
        expect.stringMatching(/data\.sentAt/),
      ]);
      expect(letters[0].value).toBe(`{not json ${marker}`);
      expect(letters[0].headers[DLQ_HEADERS.topic]).toBe(TOPIC);
    } finally {
      await dlq.stop();
      await pipeline.stop();
    }
  });

  it.each(['after-write', 'mid-publish'] as const)(
    'publishes the event of a process killed with SIGKILL %s, once it restarts',
    async (mode) => {
      const tenantId = uniqueName('tenant');
      const { child, pingId } = await spawnWriter(dbName, tenantId, mode);
      await killHard(child);
      const stored = await pingCollection(db).findOne({ _id: pingId });
      expect(stored).toMatchObject({ _outboxPending: true });
      const restarted = await new Pipeline(db, tenantId).start();
      try {
        const [receipt] = await waitFor(() => restarted.allReceived([pingId]), { timeoutMs: 60_000, description: 'the orphaned event' });
        expect(receipt.applications).toBe(1);
      } finally {
        await restarted.stop();
      }
    },
  );

  it('loses nothing when the broker is down for 10 s while events are written', async () => {
    const pipeline = await new Pipeline(db, uniqueName('tenant')).start();
    const ids: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n += 1) {
        ids.push(await writePing(pipeline.pings, pipeline.tenantId, n));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      await waitFor(async () => ((await pipeline.receiptsFor(ids)).length >= 10 ? true : undefined), { description: 'first receipts' });
      await infraControl('kafka', 'stop');
      const outageStart = ids.length;
      // The outage itself: a fixed span, as the scenario demands, not a wait for a condition.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      expect(ids.length).toBeGreaterThan(outageStart);
      await infraControl('kafka', 'start');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      writing = false;
      await writer;
      const receipts = await waitFor(() => pipeline.allReceived(ids), { timeoutMs: 120_000, description: `${ids.length} receipts` });
      expect(receipts).toHaveLength(ids.length);
      expect(receipts.every((r) => r.applications === 1)).toBe(true);
    } finally {
      writing = false;
      await writer;
      await pipeline.stop();
    }
  }, 240_000);
});
