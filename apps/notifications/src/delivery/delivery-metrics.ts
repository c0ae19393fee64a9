import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MetricsRegistry } from '@medmentor/platform';

/** Counters the alerts use; names and the `channel` label are fixed. */
@Injectable()
export class DeliveryMetrics {
  readonly sent: Counter<'channel'>;
  readonly failed: Counter<'channel'>;
  readonly retried: Counter<'channel'>;

  constructor(registry: MetricsRegistry) {
    this.sent = registry.counter({
      name: 'medmentor_notifications_sent_total',
      help: 'Messages delivered (SMTP accepted, inbox stored, webhook answered 2xx), by channel.',
      labelNames: ['channel'],
    });
    this.failed = registry.counter({
      name: 'medmentor_notifications_failed_total',
      help: 'Messages given up after every attempt (dead-lettered), by channel.',
      labelNames: ['channel'],
    });
    this.retried = registry.counter({
      name: 'medmentor_notifications_retried_total',
      help: 'Failed attempts that will be tried again, by channel.',
      labelNames: ['channel'],
    });
  }
}
