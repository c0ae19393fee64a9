import { z } from 'zod';
import { envInt, formatConfigErrors, parseConfig } from '@medmentor/platform';

/** The enrollment feature's own variables (the shared ones are read by @medmentor/runtime). */
export const enrollmentsConfigSchema = z.object({
  /** How often each replica looks for programs whose rank lists are due and freezes them. */
  RANK_LIST_FREEZE_INTERVAL_MS: envInt(30_000, { min: 1_000, max: 3_600_000 }),
});

export type EnrollmentsConfig = z.output<typeof enrollmentsConfigSchema>;

export const ENROLLMENTS_CONFIG = Symbol('ENROLLMENTS_CONFIG');

/** The values used when nothing is set. */
export const DEFAULT_ENROLLMENTS_CONFIG: EnrollmentsConfig = enrollmentsConfigSchema.parse({});

/** Validated at boot: a bad value stops the service with a message naming the variable. */
export const loadEnrollmentsConfig = (env: NodeJS.ProcessEnv = process.env): EnrollmentsConfig => {
  const result = parseConfig(enrollmentsConfigSchema, env);
  if (!result.ok) throw new Error(formatConfigErrors(result.errors, 'profiles'));
  return result.config;
};
