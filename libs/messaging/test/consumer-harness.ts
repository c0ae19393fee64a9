// Shared by the consumer suite and the child process it kills: an EventConsumer on the ping
// topic whose handler logs, per key, the order in which it applied the key's events.
import { join } from 'node:path';
import type { Db } from 'mongodb';
import { createEvent, Topics } from '@medmentor/contracts';
import { kafkaBrokers, mongoUri, uniqueName } from '@medmentor/testing';
import { KafkaDeadLetterSink } from '../src/consumer/dead-letter';
import { EventConsumer } from '../src/consumer/event-consumer';
import { MessageProcessor, type ProcessingResult } from '../src/consumer/message-processor';
import { MongoProcessedEvents, type ProcessedEventRecord } from '../src/consumer/processed-events';
import { ensureTopics } from '../src/kafka/ensure-topics';
import { KafkaConnection } from '../src/kafka/kafka-connection';
import { resolveMessagingOptions } from '../src/kafka/messaging-options';

export const TOPIC = Topics.DiagnosticsPing;

export interface KeyLog {
  _id: string;
  applied: number[];
}

export interface Applied {
  _id: string;
  applications: number;
  /** The rigs that applied it, when they were given a `member` name. */
  members?: string[];
}

/** A ping event whose message says its key and its place in the key's sequence. */
export const keyedPing = (tenantId: string, key: string, seq: number, partition = 0) => {
  const event = createEvent(
    'medmentor.diagnostics.ping.sent',
    {
      pingId: `${tenantId}-${key}-${seq}`,
      message: `${key}:${seq}`,
      sentAt: new Date().toISOString(),
    },
    { tenantId, source: 'profiles' },
  );
  return {
    id: event.envelope.id,
    message: { key: `${tenantId}-${key}`, value: JSON.stringify(event.envelope), partition },
  };
};

/** A connection of the suite's own, for producing and for admin requests. */
export const connectProducer = async (): Promise<KafkaConnection> => {
  const connection = new KafkaConnection(
    resolveMessagingOptions({
      serviceName: 'integration',
      brokers: kafkaBrokers(),
      clientId: uniqueName('it-producer'),
    }),
  );
  await connection.connect();
  return connection;
};

/** What `consumer.child.ts` takes after its database and ids (as JSON). */
export interface ChildOptions {
  /** Recorded in `Applied.members` for each event the child applies. */
  member?: string;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Connect, say "waiting", and join the group only once "go" comes on stdin. */
  waitForGo?: boolean;
}

/** Node's arguments to run `consumer.child.ts` (from the repository root). */
export const consumerChildArgs = (
  dbName: string,
  tenantId: string,
  groupId: string,
  options?: ChildOptions,
): string[] => [
  '--import',
  'tsx',
  join(__dirname, 'consumer.child.ts'),
  mongoUri(),
  dbName,
  tenantId,
  groupId,
  ...(options ? [JSON.stringify(options)] : []),
];

export interface RigOptions {
  db: Db;
  tenantId: string;
  groupId: string;
  concurrencyPerPartition: number;
  /** Longest random pause inside the handler, so completions interleave. */
  maxDelayMs: number;
  /** Shortest pause inside the handler (default 0), to make batches take a while. */
  minDelayMs?: number;
  /** A name recorded in `Applied.members` for each event this rig applies. */
  member?: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  commitIntervalMs?: number;
  /** Awaited by the handler before it applies the event at this key and place. */
  before?: (key: string, seq: number) => Promise<void>;
}

export class ConsumerRig {
  readonly connection: KafkaConnection;
  readonly results: ProcessingResult[] = [];
  readonly dispatched: string[] = [];
  consumer: EventConsumer | undefined;
  inFlight = 0;
  mostInFlight = 0;

  constructor(private readonly options: RigOptions) {
    this.connection = new KafkaConnection(
      resolveMessagingOptions({
        serviceName: 'integration',
        brokers: kafkaBrokers(),
        clientId: uniqueName('it'),
      }),
    );
  }

  async start(): Promise<this> {
    const { db, tenantId, groupId } = this.options;
    await this.connection.connect();
    await ensureTopics(this.connection.admin, [TOPIC], { partitions: 3, replicationFactor: 1 });
    const ref: { consumer?: EventConsumer } = {};
    const processor = new MessageProcessor({
      group: groupId,
      processed: new MongoProcessedEvents(db.collection<ProcessedEventRecord>('processed_events')),
      deadLetters: new KafkaDeadLetterSink(this.connection.producer),
      handles: () => true,
      // Only this test's tenant counts: other suites share the topic.
      dispatch: async (_type, envelope) => {
        if (envelope.tenantid !== tenantId) return;
        const [key, seq] = (envelope.data as { message: string }).message.split(':');
        this.inFlight += 1;
        this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
        try {
          await this.options.before?.(key, Number(seq));
          const { minDelayMs = 0, maxDelayMs, member } = this.options;
          await new Promise((resolve) =>
            setTimeout(resolve, minDelayMs + Math.random() * (maxDelayMs - minDelayMs)),
          );
          await db
            .collection<KeyLog>('key_logs')
            .updateOne(
              { _id: `${tenantId}-${key}` },
              { $push: { applied: Number(seq) } },
              { upsert: true },
            );
          await db
            .collection<Applied>('applied_events')
            .updateOne(
              { _id: envelope.id },
              { $inc: { applications: 1 }, ...(member ? { $push: { members: member } } : {}) },
              { upsert: true },
            );
          this.dispatched.push(envelope.id);
        } finally {
          this.inFlight -= 1;
        }
      },
      maxAttempts: 3,
      isStopping: () => ref.consumer?.isStopping ?? false,
      observer: {
        processed: (_topic, result) => this.results.push(result),
        retried: () => undefined,
      },
    });
    const consumer = new EventConsumer(this.connection, processor, {
      groupId,
      topics: [TOPIC],
      partitionsConsumedConcurrently: 3,
      concurrencyPerPartition: this.options.concurrencyPerPartition,
      sessionTimeoutMs: this.options.sessionTimeoutMs,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs,
      commitIntervalMs: this.options.commitIntervalMs,
    });
    ref.consumer = consumer;
    this.consumer = consumer;
    await consumer.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.connection.disconnect();
  }
}
