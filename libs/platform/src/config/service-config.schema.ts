import { z } from 'zod';
import { envEnum, envHostPortList, envInt, envMongoUri, envString, envUrl } from './env-fields';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The variables every service reads that do not depend on which service it is.
 * Use `serviceConfigSchema(name, port)`, which adds the per-service ones.
 */
export const baseServiceConfigSchema = z
  .object({
    HOST: envString('0.0.0.0'),
    LOG_LEVEL: envEnum(LOG_LEVELS, 'info'),
    /** Without a database name is normal: MONGODB_DATABASE chooses it. */
    MONGODB_URI: envMongoUri(),
    KAFKA_BROKERS: envHostPortList(),
    AUTH_JWKS_URL: envUrl(['https:', 'http:']).optional(),
    /** A PEM; env files often carry it on one line with literal `\n`. */
    AUTH_PUBLIC_KEY: z
      .string()
      .transform((value) => value.replace(/\\n/g, '\n').trim())
      .refine((value) => value.startsWith('-----BEGIN '), {
        message: 'must be a PEM (-----BEGIN ...)',
      })
      .optional(),
    /** Expected `iss` of access tokens. */
    AUTH_ISSUER: z.string().trim().min(1),
    /** Expected `aud`; a comma-separated list is accepted. */
    AUTH_AUDIENCE: z.string().trim().min(1),
    HTTP_BODY_LIMIT_BYTES: envInt(1024 * 1024, { min: 1 }),
    SHUTDOWN_TIMEOUT_MS: envInt(25_000, { min: 1 }),
    /** How long readiness reports 503 before the server closes (endpoint propagation). */
    SHUTDOWN_DRAIN_DELAY_MS: envInt(0, { min: 0 }),
    HEALTH_CHECK_TIMEOUT_MS: envInt(2_000, { min: 1 }),
  })
  // Checked even when other fields are invalid, so one run reports every problem.
  .superRefine(
    (config, ctx) => {
      const hasJwks = config.AUTH_JWKS_URL !== undefined;
      const hasKey = config.AUTH_PUBLIC_KEY !== undefined;
      if (hasJwks === hasKey) {
        ctx.addIssue({
          code: 'custom',
          path: ['AUTH_JWKS_URL'],
          message: hasJwks
            ? 'set only one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY, not both'
            : 'set exactly one of AUTH_JWKS_URL (production) and AUTH_PUBLIC_KEY (development)',
        });
      }
      const drain = config.SHUTDOWN_DRAIN_DELAY_MS;
      const timeout = config.SHUTDOWN_TIMEOUT_MS;
      // Only compare values that passed their own checks (this runs even when they did not).
      const bothValid =
        Number.isInteger(drain) && Number.isInteger(timeout) && drain >= 0 && timeout >= 1;
      if (bothValid && drain >= timeout) {
        ctx.addIssue({
          code: 'custom',
          path: ['SHUTDOWN_DRAIN_DELAY_MS'],
          message: 'must be less than SHUTDOWN_TIMEOUT_MS (the timeout covers the drain delay too)',
        });
      }
    },
    { when: () => true },
  );

/**
 * The full schema for one service: the base variables plus PORT, MONGODB_DATABASE,
 * KAFKA_CLIENT_ID and KAFKA_GROUP_ID with this service's defaults. Add the service's own
 * variables with `.extend({...})` (new keys only: zod refuses to overwrite keys of a
 * schema with refinements).
 */
export function serviceConfigSchema(serviceName: string, defaultPort: number) {
  return baseServiceConfigSchema.extend({
    PORT: envInt(defaultPort, { min: 1, max: 65_535 }),
    MONGODB_DATABASE: z
      .string()
      .trim()
      // MongoDB forbids these in database names.
      .regex(/^[^/\\. "$*<>:|?]{1,63}$/, { message: 'must be a valid MongoDB database name' })
      .default(`medmentor_${serviceName}`),
    KAFKA_CLIENT_ID: envString(serviceName),
    KAFKA_GROUP_ID: envString(`medmentor-${serviceName}`),
  });
}

/** The validated configuration every service has (services add their own keys). */
export type ServiceConfig = z.output<ReturnType<typeof serviceConfigSchema>>;
