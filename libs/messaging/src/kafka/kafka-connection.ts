import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type Admin, type KafkaConfig, type LogEntry, type Producer } from 'kafkajs';
import type { KafkaSaslSettings, KafkaTlsSettings, ResolvedMessagingOptions } from './messaging-options';

const logger = new Logger('Kafka');

/** Routes kafkajs' own logs into the service log, at warn and above. */
const logCreator = () => (entry: LogEntry) => {
  const { message, ...extra } = entry.log;
  const line = `${entry.namespace}: ${message} ${JSON.stringify(extra)}`;
  if (entry.level <= logLevel.ERROR) logger.error(line);
  else if (entry.level === logLevel.WARN) logger.warn(line);
};

/** TLS and SASL in kafkajs' terms; every client made from the connection uses them. */
export const kafkaSecurityConfig = (
  ssl: KafkaTlsSettings | false,
  sasl: KafkaSaslSettings | false,
): Pick<KafkaConfig, 'ssl' | 'sasl'> => ({
  ...(ssl ? { ssl: { ...ssl } } : {}),
  ...(sasl ? { sasl: { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as KafkaConfig['sasl'] } : {}),
});

/**
 * The one place that constructs kafkajs objects, so the client library can be swapped
 * (kafkajs is unmaintained) without touching the rest of the code.
 */
export class KafkaConnection {
  readonly kafka: Kafka;
  readonly producer: Producer;
  /** A long-lived admin client for topic creation and readiness probes. */
  readonly admin: Admin;
  private producerConnected = false;

  constructor(readonly options: ResolvedMessagingOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ...kafkaSecurityConfig(options.ssl, options.sasl),
      connectionTimeout: 3000,
      requestTimeout: 10000,
      logLevel: logLevel.WARN,
      logCreator,
      retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    });
    // One request in flight keeps per-key order across retries; acks from all replicas.
    this.producer = this.kafka.producer({
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5000 },
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.producerConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.producerConnected = false));
    this.admin = this.kafka.admin({ retry: { retries: 0 } });
  }

  get isProducerConnected(): boolean {
    return this.producerConnected;
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    await this.admin.connect();
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
