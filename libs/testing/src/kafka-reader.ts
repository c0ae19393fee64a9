import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { kafkaBrokers, uniqueName } from './test-env';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

const toRead = (topic: string, partition: number, message: KafkaMessage): ReadMessage => ({
  topic,
  partition,
  offset: message.offset,
  key: message.key?.toString() ?? null,
  value: message.value?.toString() ?? null,
  headers: Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value?.toString() ?? '')]),
  ),
});

/** Collects every message on some topics from the beginning, for assertions. */
export class KafkaReader {
  readonly messages: ReadMessage[] = [];
  private readonly kafka = new Kafka({ clientId: 'test-reader', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  private readonly consumer = this.kafka.consumer({ groupId: uniqueName('test-reader') });

  async start(topics: string[]): Promise<this> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push(toRead(topic, partition, message));
      },
    });
    return this;
  }

  on(topic: string): ReadMessage[] {
    return this.messages.filter((message) => message.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
