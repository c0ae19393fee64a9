import { z } from 'zod';
import type { ServiceName } from '@medmentor/contracts';
import { serviceConfigSchema } from '@medmentor/platform';

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
  });

export type RuntimeConfig = z.output<ReturnType<typeof runtimeConfigSchema>>;
