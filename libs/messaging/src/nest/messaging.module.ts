import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { KafkaConnection } from '../kafka/kafka-connection';
import { resolveMessagingOptions, type MessagingOptions, type ResolvedMessagingOptions } from '../kafka/messaging-options';
import { EventHandlerRegistry } from './event-handler-registry';
import { MessagingHealth } from './messaging-health.service';
import { MessagingLifecycle } from './messaging-lifecycle.service';
import { MESSAGING_OPTIONS } from './messaging.tokens';

/**
 * Kafka for a service: the outbox relay for every schema using `outboxPlugin`, and a
 * consumer for every `@EventHandler`. Needs the platform's MongoDB connection and health
 * registry.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const resolved = resolveMessagingOptions(options);
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: resolved },
        {
          provide: KafkaConnection,
          useFactory: (opts: ResolvedMessagingOptions) => new KafkaConnection(opts),
          inject: [MESSAGING_OPTIONS],
        },
        EventHandlerRegistry,
        MessagingLifecycle,
        MessagingHealth,
      ],
      exports: [KafkaConnection, MESSAGING_OPTIONS],
    };
  }
}
