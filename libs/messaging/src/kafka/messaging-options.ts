/** TLS towards the brokers; PEM contents, not paths. Without `ca`, Node's default CAs. */
export interface KafkaTlsSettings {
  ca?: string;
  /** Client certificate and key, for brokers that authenticate clients by TLS (mTLS). */
  cert?: string;
  key?: string;
  rejectUnauthorized: boolean;
}

export interface KafkaSaslSettings {
  mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

export interface MessagingOptions {
  /** Service name: event `source`, client id and default group id derive from it. */
  serviceName: string;
  brokers: string[];
  clientId?: string;
  /** Consumer group; defaults to `medmentor-<service>`. Used verbatim (no suffix added). */
  groupId?: string;
  /** Create the catalog's topics and their dead-letter topics at start. */
  createTopics?: boolean;
  topicPartitions?: number;
  topicReplicationFactor?: number;
  /** Idle poll interval of the outbox relay; writes through the plugin also wake it. */
  outboxPollIntervalMs?: number;
  /** Attempts for an unexpected handler error before the message is dead-lettered. */
  maxHandlerAttempts?: number;
  /** Partitions of this consumer processed concurrently (order still holds per partition). */
  partitionsConsumedConcurrently?: number;
  /** Messages of one partition processed at once, each with another key (a key stays in order). */
  concurrencyPerPartition?: number;
  /** Broker round trip timeout used by readiness. */
  healthTimeoutMs?: number;
  /** TLS to the brokers; `false` for plaintext. */
  ssl?: KafkaTlsSettings | false;
  /** SASL authentication; `false` for none. */
  sasl?: KafkaSaslSettings | false;
  /** Consumer session time-out: how long a replica that died silently keeps its partitions. */
  sessionTimeoutMs?: number;
  /** How often the consumer lag metric is refreshed from the broker. */
  lagIntervalMs?: number;
}

export type ResolvedMessagingOptions = Required<MessagingOptions>;

export const resolveMessagingOptions = (options: MessagingOptions): ResolvedMessagingOptions => ({
  clientId: options.serviceName,
  groupId: `medmentor-${options.serviceName}`,
  createTopics: true,
  topicPartitions: 3,
  topicReplicationFactor: 1,
  outboxPollIntervalMs: 250,
  maxHandlerAttempts: 5,
  partitionsConsumedConcurrently: 3,
  concurrencyPerPartition: 16,
  healthTimeoutMs: 2000,
  ssl: false,
  sasl: false,
  lagIntervalMs: 15_000,
  sessionTimeoutMs: 30_000,
  ...stripUndefined(options),
});

const stripUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
