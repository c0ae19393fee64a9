import { z } from 'zod';
import { formatConfigErrors, parseConfig } from '@medmentor/platform';

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** matching's own variables (the shared ones are read by @medmentor/runtime). */
export const matchingConfigSchema = z.object({
  /** How often a replica looks for queued or abandoned runs. */
  MATCH_RUN_POLL_INTERVAL_MS: int(500, 10, 60_000),
  /** A running run's lease; a replica that stops renewing it loses the run to another. */
  MATCH_RUN_LEASE_MS: int(30_000, 1_000, 600_000),
  /** Attempts before a run that keeps being abandoned (crashes) is failed. */
  MATCH_RUN_MAX_ATTEMPTS: int(3, 1, 20),
  /** Time each side has to answer a proposed match. */
  MATCH_RESPONSE_HOURS: int(168, 1, 24 * 90),
  /** How often a replica expires proposals past their deadline. */
  MATCH_EXPIRY_INTERVAL_MS: int(10_000, 10, 3_600_000),
});

export type MatchingConfig = z.output<typeof matchingConfigSchema>;

export const MATCHING_CONFIG = Symbol('MATCHING_CONFIG');

/** Validated at boot: a bad value stops the service with a message naming the variable. */
export const matchingConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): MatchingConfig => {
  const result = parseConfig(matchingConfigSchema, env);
  if (!result.ok) throw new Error(formatConfigErrors(result.errors, 'matching'));
  return result.config;
};
