import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  createEvent,
  type EventEnvelope,
  type EventPayload,
  type EventType,
} from '@medmentor/contracts';
import { kafkaBrokers, uniqueName } from './test-env';

/**
 * Produces events to Kafka as another service's outbox relay would (topic and key from the
 * catalog, key = aggregate id), to feed a service's consumers in a suite.
 */
export class EventFeed {
  private constructor(private readonly producer: Producer) {}

  static async start(): Promise<EventFeed> {
    const kafka = new Kafka({
      clientId: uniqueName('it-feed'),
      brokers: kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return new EventFeed(producer);
  }

  /** Sends one valid event from the producer the catalog names; returns its envelope. */
  async send<T extends EventType>(
    type: T,
    data: EventPayload<T>,
    tenantId: string,
  ): Promise<EventEnvelope> {
    const event = createEvent(type, data, { tenantId, source: type.split('.')[1] ?? 'test' });
    await this.sendRaw(event.topic, event.key, JSON.stringify(event.envelope));
    return event.envelope;
  }

  /** Sends any bytes (a redelivery, or a message that is not an event). */
  async sendRaw(topic: string, key: string, value: string): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages: [{ key, value }] });
  }

  stop(): Promise<void> {
    return this.producer.disconnect();
  }
}
