import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { ServiceName } from '@medmentor/contracts';
import { AuthModule, type ResolvedAuthOptions } from '@medmentor/auth';
import { MessagingModule } from '@medmentor/messaging';
import { PlatformModule } from '@medmentor/platform';
import { kafkaSecurityOf } from './kafka-security.schema';
import type { RuntimeConfig } from './runtime-config.schema';

/** The composition every service shares: platform, auth and messaging, then its features. */
@Module({})
export class ServiceModule {
  static register(
    name: ServiceName,
    config: RuntimeConfig,
    auth: ResolvedAuthOptions,
    features: Type[],
  ): DynamicModule {
    return {
      module: ServiceModule,
      imports: [
        PlatformModule.forRoot({ serviceName: name, config }),
        AuthModule.forRoot(auth),
        MessagingModule.forRoot({
          serviceName: name,
          brokers: config.KAFKA_BROKERS,
          clientId: config.KAFKA_CLIENT_ID,
          groupId: config.KAFKA_GROUP_ID,
          createTopics: config.KAFKA_CREATE_TOPICS,
          topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
          topicReplicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
          outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
          maxHandlerAttempts: config.CONSUMER_MAX_ATTEMPTS,
          partitionsConsumedConcurrently: config.CONSUMER_PARTITIONS_CONCURRENCY,
          concurrencyPerPartition: config.CONSUMER_KEYS_CONCURRENCY,
          healthTimeoutMs: config.HEALTH_CHECK_TIMEOUT_MS,
          lagIntervalMs: config.CONSUMER_LAG_INTERVAL_MS,
          sessionTimeoutMs: config.CONSUMER_SESSION_TIMEOUT_MS,
          ...kafkaSecurityOf(config),
        }),
        ...features,
      ],
    };
  }
}
