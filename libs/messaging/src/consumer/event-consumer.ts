import { Logger } from '@nestjs/common';
import type { Consumer, EachMessagePayload } from 'kafkajs';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { MessageProcessor } from './message-processor';

export type ConsumerState = 'idle' | 'starting' | 'running' | 'rejoining' | 'crashed' | 'stopped';

export interface EventConsumerOptions {
  groupId: string;
  topics: readonly string[];
  partitionsConsumedConcurrently: number;
  /** Default 30 s; the group heartbeat runs at a third of it, at most every 3 s. */
  sessionTimeoutMs?: number;
  /** How often the pacemaker heartbeats while a handler runs. */
  heartbeatIntervalMs?: number;
}

/**
 * Runs a kafkajs consumer group over the processor. Tracks its state for health: a crash
 * that kafkajs will not recover from turns liveness red so the orchestrator restarts us.
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
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachMessage: (payload) => this.handle(payload),
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

  private readonly handle = async (payload: EachMessagePayload): Promise<void> => {
    const { topic, partition, message } = payload;
    const heartbeat = () => payload.heartbeat();
    this.inFlight += 1;
    // The pacemaker keeps group membership while a long handler runs.
    const pacemaker = setInterval(() => {
      heartbeat().catch(() => undefined);
    }, this.options.heartbeatIntervalMs ?? 3_000);
    try {
      await this.processor.process(
        {
          topic,
          partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          headers: message.headers,
        },
        heartbeat,
      );
    } finally {
      clearInterval(pacemaker);
      this.inFlight -= 1;
    }
  };
}
