import { z } from 'zod';
import type { ServiceName } from '@medmentor/contracts';
import { serviceConfigSchema } from '@medmentor/platform';
import { kafkaSecurityFields, kafkaSecurityIssues } from './kafka-security.schema';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

/** Every variable a MedMentor service reads, with this service's defaults. */
export const runtimeConfigSchema = (name: ServiceName, defaultPort: number) =>
  serviceConfigSchema(name, defaultPort).extend({
    KAFKA_CREATE_TOPICS: flag(true),
    KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
    KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(10).default(1),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    CONSUMER_PARTITIONS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
    CONSUMER_KEYS_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    CONSUMER_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300_000).default(30_000),
    CONSUMER_LAG_INTERVAL_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
    ...kafkaSecurityFields,
  })
  // Checked even when other fields are invalid, so one run reports every problem.
  .superRefine(
    (config, ctx) => {
      for (const issue of kafkaSecurityIssues(config)) {
        ctx.addIssue({ code: 'custom', path: [issue.variable], message: issue.message });
      }
    },
    { when: () => true },
  );

export type RuntimeConfig = z.output<ReturnType<typeof runtimeConfigSchema>>;
