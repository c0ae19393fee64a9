import type { MetricsRegistry } from '@medmentor/platform';
import type { LagSink } from '../consumer/consumer-lag';
import type { ProcessorObserver } from '../consumer/message-processor';
import type { OutboxStore } from '../outbox/outbox-store';

/** Consumer metrics: outcome counts, processing time and retries per topic. */
export const consumerMetrics = (metrics: MetricsRegistry): ProcessorObserver => {
  const processed = metrics.counter({
    name: 'medmentor_events_processed_total',
    help: 'Consumed messages by topic and result (applied, duplicate, skipped, dead-lettered).',
    labelNames: ['topic', 'result'],
  });
  const duration = metrics.histogram({
    name: 'medmentor_event_processing_seconds',
    help: 'Time from receiving a message to committing its outcome, retries included.',
    labelNames: ['topic'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  const retries = metrics.counter({
    name: 'medmentor_event_retries_total',
    help: 'Handler retries by topic and error class (transient, failed).',
    labelNames: ['topic', 'error_class'],
  });
  return {
    processed: (topic, result, durationMs) => {
      processed.inc({ topic, result });
      duration.observe({ topic }, durationMs / 1000);
    },
    retried: (topic, errorClass) => retries.inc({ topic, error_class: errorClass }),
  };
};

/** Outbox backlog and the age of its oldest entry per collection, read when Prometheus scrapes. */
export const outboxMetrics = (metrics: MetricsRegistry, stores: readonly OutboxStore[]): void => {
  metrics.gauge({
    name: 'medmentor_outbox_pending_documents',
    help: 'Aggregate documents whose events are not yet published, per collection.',
    labelNames: ['collection'],
    async collect() {
      for (const store of stores) {
        this.set({ collection: store.name }, await store.backlog().catch(() => -1));
      }
    },
  });
  metrics.gauge({
    name: 'medmentor_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest event not yet published, per collection (0 when none is pending, -1 when unreadable).',
    labelNames: ['collection'],
    async collect() {
      for (const store of stores) {
        const oldest = await store.oldestPendingAt().catch(() => undefined);
        const age = oldest === undefined ? -1 : oldest === null ? 0 : Math.max(0, (Date.now() - oldest.getTime()) / 1000);
        this.set({ collection: store.name }, age);
      }
    },
  });
};

/** Consumer lag per group, topic and partition, as last measured by the lag monitor. */
export const consumerLagMetrics = (metrics: MetricsRegistry): LagSink => {
  const lag = metrics.gauge({
    name: 'medmentor_consumer_lag',
    help: 'Messages not yet processed by the consumer group: log end offset minus committed offset.',
    labelNames: ['group', 'topic', 'partition'],
  });
  return (group, lags) => {
    for (const entry of lags) lag.set({ group, topic: entry.topic, partition: String(entry.partition) }, entry.lag);
  };
};
