import { deadLetterTopicOf } from '@medmentor/contracts';
import type { IHeaders, Message, Producer } from 'kafkajs';

export interface FailedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders | undefined;
}

export interface DeadLetterSink {
  send(message: FailedMessage, reason: string, group: string): Promise<void>;
}

export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  group: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** The original key, value and headers, plus why and where it failed. */
export const toDeadLetter = (message: FailedMessage, reason: string, group: string, now = new Date()): Message => ({
  key: message.key,
  value: message.value,
  headers: {
    ...(message.headers ?? {}),
    [DLQ_HEADERS.reason]: reason.slice(0, 2000),
    [DLQ_HEADERS.topic]: message.topic,
    [DLQ_HEADERS.partition]: String(message.partition),
    [DLQ_HEADERS.offset]: message.offset,
    [DLQ_HEADERS.group]: group,
    [DLQ_HEADERS.failedAt]: now.toISOString(),
  },
});

export class KafkaDeadLetterSink implements DeadLetterSink {
  constructor(private readonly producer: Producer) {}

  async send(message: FailedMessage, reason: string, group: string): Promise<void> {
    await this.producer.send({
      topic: deadLetterTopicOf(message.topic),
      acks: -1,
      messages: [toDeadLetter(message, reason, group)],
    });
  }
}
