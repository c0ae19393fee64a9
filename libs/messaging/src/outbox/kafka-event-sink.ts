import type { Producer, TopicMessages } from 'kafkajs';
import type { OutboxEntry } from './outbox-entry';
import type { EventSink } from './outbox-store';

/** Sends entries grouped by topic in one request; order within each topic is kept. */
export class KafkaEventSink implements EventSink {
  constructor(private readonly producer: Producer) {}

  async publish(entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const entry of entries) {
      const group = byTopic.get(entry.topic) ?? { topic: entry.topic, messages: [] };
      group.messages.push({ key: entry.key, value: entry.value, headers: entry.headers });
      byTopic.set(entry.topic, group);
    }
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic.values()] });
  }
}
