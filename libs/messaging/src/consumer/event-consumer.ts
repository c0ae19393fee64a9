import { Logger } from '@nestjs/common';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { FailedMessage } from './dead-letter';
import { ProcessingAbortedError, type MessageProcessor } from './message-processor';
import { runPartitionBatch } from './partition-batch';

export type ConsumerState = 'idle' | 'starting' | 'running' | 'rejoining' | 'crashed' | 'stopped';

export interface EventConsumerOptions {
  groupId: string;
  topics: readonly string[];
  partitionsConsumedConcurrently: number;
  /**
   * Messages of one partition processed at once, each with a different key (one key's
   * messages stay strictly in order). Default 16; 1 processes a partition one message at a time.
   */
  concurrencyPerPartition?: number;
  /** Default 30 s; the group heartbeat runs at a third of it, at most every 3 s. */
  sessionTimeoutMs?: number;
  /** How often the pacemaker heartbeats while a batch runs. */
  heartbeatIntervalMs?: number;
  /**
   * During a long batch, the pacemaker commits the offsets resolved so far once this long has
   * passed since the last commit (default 5 s); a batch's end always commits.
   */
  commitIntervalMs?: number;
}

/** Heartbeat answers meaning this member must rejoin: its partitions may move. */
const REJOIN_ERRORS = new Set([
  'REBALANCE_IN_PROGRESS',
  'NOT_COORDINATOR_FOR_GROUP',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
]);

const isRebalance = (error: unknown): boolean =>
  REJOIN_ERRORS.has((error as { type?: string } | undefined)?.type ?? '');

/**
 * Runs a kafkajs consumer group over the processor, a fetched batch at a time per partition:
 * the batch's processed-event lookups in one query, its messages with different keys processed
 * concurrently (same key in order), offsets resolved only up to the last message before which
 * all have finished. Tracks its state for health: a crash that kafkajs will not recover from
 * turns liveness red so the orchestrator restarts us.
 */
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  private consumer: Consumer | undefined;
  private stateValue: ConsumerState = 'idle';
  private stopping = false;
  private crashReason: string | undefined;
  private inFlight = 0;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly processor: MessageProcessor,
    private readonly options: EventConsumerOptions,
  ) {}

  get state(): ConsumerState {
    return this.stateValue;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  get details(): Record<string, unknown> {
    return {
      state: this.stateValue,
      groupId: this.options.groupId,
      inFlight: this.inFlight,
      ...(this.crashReason ? { crashReason: this.crashReason } : {}),
    };
  }

  async start(): Promise<void> {
    if (this.options.topics.length === 0) return;
    this.stateValue = 'starting';
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30_000;
    const consumer = this.connection.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.stateValue = 'running';
      this.crashReason = undefined;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashReason = payload.error.message;
      if (payload.restart) {
        this.stateValue = 'rejoining';
        this.logger.warn(`consumer restarting after: ${payload.error.message}`);
      } else if (!this.stopping) {
        this.stateValue = 'crashed';
        this.logger.error(`consumer crashed and will not restart: ${payload.error.message}`);
      }
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: this.options.commitIntervalMs ?? 5_000,
      // Offsets are resolved as messages finish, never past an unfinished one.
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /** Stops fetching, waits for in-flight messages to finish, commits and leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.consumer) {
      await this.consumer.disconnect();
    }
    this.stateValue = 'stopped';
  }

  private readonly handleBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    let rebalancing = false;
    // The pacemaker keeps group membership while long handlers run, notices a rebalance, and
    // commits the progress of a long batch.
    const pacemaker = setInterval(() => {
      heartbeat()
        .then(() => payload.commitOffsetsIfNecessary())
        .catch((error: unknown) => {
          if (isRebalance(error)) rebalancing = true;
        });
    }, this.options.heartbeatIntervalMs ?? 3_000);
    const messages = batch.messages.map((message) =>
      toFailedMessage(batch.topic, batch.partition, message),
    );
    try {
      const known = await this.processor.processedAmong(messages, heartbeat);
      const result = await runPartitionBatch(
        messages,
        async (message) => {
          this.inFlight += 1;
          try {
            await this.processor.process(message, heartbeat, known);
          } finally {
            this.inFlight -= 1;
          }
        },
        {
          concurrency: this.options.concurrencyPerPartition ?? 16,
          shouldContinue: () =>
            !this.stopping && !rebalancing && payload.isRunning() && !payload.isStale(),
          resolve: (offset) => payload.resolveOffset(offset),
        },
      );
      // kafkajs commits what was resolved once this returns (or throws); what was not resolved
      // is fetched again, here or by the partition's next owner.
      const failure = result.failure?.error;
      if (failure !== undefined && !(failure instanceof ProcessingAbortedError)) {
        throw failure instanceof Error
          ? failure
          : new Error('message processing failed', { cause: failure });
      }
    } catch (error) {
      if (error instanceof ProcessingAbortedError) return;
      throw error;
    } finally {
      clearInterval(pacemaker);
    }
  };
}

const toFailedMessage = (
  topic: string,
  partition: number,
  message: KafkaMessage,
): FailedMessage => ({
  topic,
  partition,
  offset: message.offset,
  key: message.key,
  value: message.value,
  headers: message.headers,
});
