import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { allTopics } from '@medmentor/contracts';
import { MetricsRegistry } from '@medmentor/platform';
import { ConsumerLagMonitor } from '../consumer/consumer-lag';
import { EventConsumer } from '../consumer/event-consumer';
import { KafkaDeadLetterSink } from '../consumer/dead-letter';
import { MessageProcessor } from '../consumer/message-processor';
import { MongoProcessedEvents, type ProcessedEventRecord } from '../consumer/processed-events';
import { ensureTopics } from '../kafka/ensure-topics';
import { KafkaConnection } from '../kafka/kafka-connection';
import type { ResolvedMessagingOptions } from '../kafka/messaging-options';
import { KafkaEventSink } from '../outbox/kafka-event-sink';
import { MongoOutboxStore } from '../outbox/mongo-outbox-store';
import { hasOutbox } from '../outbox/outbox.plugin';
import { OutboxRelay } from '../outbox/outbox-relay';
import { EventHandlerRegistry } from './event-handler-registry';
import { consumerLagMetrics, consumerMetrics, outboxMetrics } from './messaging-metrics';
import { MESSAGING_OPTIONS } from './messaging.tokens';

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';
const PROCESSED_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * Starts and stops the service's messaging in the order that loses nothing:
 * start: connect → topics → outbox relay → consumer;
 * stop: consumer (finish in-flight, commit) → relay (flush) → broker connections.
 */
@Injectable()
export class MessagingLifecycle
  implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(MessagingLifecycle.name);
  private relay: OutboxRelay | undefined;
  private consumer: EventConsumer | undefined;
  private processed: MongoProcessedEvents | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private lagMonitor: ConsumerLagMonitor | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    readonly connection: KafkaConnection,
    private readonly handlers: EventHandlerRegistry,
    @InjectConnection() private readonly mongo: Connection,
    private readonly metrics: MetricsRegistry,
  ) {}

  get consumerState(): EventConsumer | undefined {
    return this.consumer;
  }

  get relayHealth(): OutboxRelay['health'] | undefined {
    return this.relay?.health;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.connect();
    if (this.options.createTopics) {
      const created = await ensureTopics(this.connection.admin, allTopics(), {
        partitions: this.options.topicPartitions,
        replicationFactor: this.options.topicReplicationFactor,
      });
      if (created.length > 0) this.logger.log(`created topics: ${created.join(', ')}`);
    }
    this.startRelay();
    await this.startConsumer();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.lagMonitor?.stop();
    await this.consumer?.stop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.disconnect();
  }

  private startRelay(): void {
    const stores = Object.values(this.mongo.models)
      .filter((model) => hasOutbox(model.schema))
      .map((model) => new MongoOutboxStore(model.collection as never));
    if (stores.length === 0) return;
    outboxMetrics(this.metrics, stores);
    this.relay = new OutboxRelay(stores, new KafkaEventSink(this.connection.producer), {
      pollIntervalMs: this.options.outboxPollIntervalMs,
    });
    this.relay.start();
    this.logger.log(`outbox relay started for ${stores.map((store) => store.name).join(', ')}`);
  }

  private async startConsumer(): Promise<void> {
    const topics = this.handlers.topics();
    if (topics.length === 0) return;
    const collection = this.mongo.db!.collection<ProcessedEventRecord>(PROCESSED_EVENTS_COLLECTION);
    const processed = new MongoProcessedEvents(collection);
    this.processed = processed;
    await processed.ensureIndexes();
    const ref: { consumer?: EventConsumer } = {};
    const processor = new MessageProcessor({
      group: this.options.groupId,
      processed,
      deadLetters: new KafkaDeadLetterSink(this.connection.producer),
      handles: (type) => this.handlers.handles(type),
      dispatch: (type, envelope, context) => this.handlers.dispatch(type, envelope, context),
      maxAttempts: this.options.maxHandlerAttempts,
      isStopping: () => ref.consumer?.isStopping ?? false,
      observer: consumerMetrics(this.metrics),
    });
    const consumer = new EventConsumer(this.connection, processor, {
      groupId: this.options.groupId,
      topics,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      concurrencyPerPartition: this.options.concurrencyPerPartition,
      sessionTimeoutMs: this.options.sessionTimeoutMs,
    });
    ref.consumer = consumer;
    this.consumer = consumer;
    await consumer.start();
    this.logger.log(`consuming ${topics.join(', ')} as group ${this.options.groupId}`);
    this.lagMonitor = new ConsumerLagMonitor(
      this.connection.admin,
      this.options.groupId,
      topics,
      consumerLagMetrics(this.metrics),
    );
    this.lagMonitor.start(this.options.lagIntervalMs);
    this.pruneTimer = setInterval(() => {
      this.processed
        ?.prune(new Date(Date.now() - PROCESSED_RETENTION_MS))
        .catch((error: Error) => this.logger.warn(`processed-events prune failed: ${error.message}`));
    }, 3600_000);
    this.pruneTimer.unref();
  }
}
