import { Injectable, type OnModuleInit } from '@nestjs/common';
import { allTopics } from '@medmentor/contracts';
import { HealthRegistry } from '@medmentor/platform';
import { MessagingLifecycle } from './messaging-lifecycle.service';

/**
 * Readiness: a real round trip to the broker through the long-lived admin client, and a
 * consumer that is in its group. Liveness: a consumer that crashed for good turns it red.
 */
@Injectable()
export class MessagingHealth implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    private readonly messaging: MessagingLifecycle,
  ) {}

  onModuleInit(): void {
    this.health.addReadinessCheck('kafka', () => this.readiness());
    this.health.addLivenessCheck('kafka-consumer', async () => {
      const consumer = this.messaging.consumerState;
      if (consumer?.state === 'crashed') throw new Error(`consumer crashed: ${String(consumer.details.crashReason)}`);
      return consumer ? consumer.details : { consumer: 'none' };
    });
  }

  private async readiness(): Promise<Record<string, unknown>> {
    await this.messaging.connection.admin.fetchTopicMetadata({ topics: [allTopics()[0]] });
    const consumer = this.messaging.consumerState;
    if (consumer && consumer.state !== 'running') {
      throw new Error(`consumer is ${consumer.state}`);
    }
    return {
      consumer: consumer ? consumer.details : 'none',
      outbox: this.messaging.relayHealth ?? 'none',
    };
  }
}
