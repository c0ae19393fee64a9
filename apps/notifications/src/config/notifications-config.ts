import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { envInt, loadConfig } from '@medmentor/platform';

/** The notifications service's own variables (the shared ones are the runtime's). */
export const notificationsConfigSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().min(3).default('MedMentor <no-reply@medmentor.local>'),
  /** Base of links in messages (unsubscribe). */
  PUBLIC_BASE_URL: z.url().default('http://localhost:3004'),
  /** Signs unsubscribe links; at least 32 characters. Without it each process makes one (links then die with it). */
  NOTIFICATIONS_UNSUBSCRIBE_SECRET: z.string().min(32).optional(),
  /**
   * Encrypts webhook signing secrets at rest (AES-256-GCM): 32 bytes in base64
   * (`openssl rand -base64 32`). Without it each process makes one, and secrets stored by
   * another process (or before a restart) cannot be read: set it wherever data outlives a process.
   */
  NOTIFICATIONS_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  SMTP_POOL_SIZE: envInt(5, { min: 1, max: 100 }),
  DISPATCH_INTERVAL_MS: envInt(500, { min: 10, max: 60_000 }),
  DISPATCH_BATCH_SIZE: envInt(200, { min: 1, max: 2000 }),
  DISPATCH_CONCURRENCY: envInt(20, { min: 1, max: 200 }),
  DELIVERY_LEASE_MS: envInt(60_000, { min: 1000, max: 3_600_000 }),
  DELIVERY_MAX_ATTEMPTS: envInt(8, { min: 1, max: 50 }),
  DELIVERY_RETRY_INITIAL_MS: envInt(5000, { min: 10, max: 3_600_000 }),
  DELIVERY_RETRY_MAX_MS: envInt(900_000, { min: 10, max: 86_400_000 }),
  /** Non-critical emails per recipient per day before the rest waits for the daily digest. */
  DAILY_EMAIL_CAP: envInt(20, { min: 1, max: 1000 }),
  WEBHOOK_TIMEOUT_MS: envInt(10_000, { min: 100, max: 60_000 }),
  /**
   * Development and tests only: webhooks may use http and point at loopback and private
   * networks, and names are not required to resolve when the webhook is added.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
});

export type NotificationsConfig = z.output<typeof notificationsConfigSchema> & {
  unsubscribeSecret: string;
  /** The AES-256 key of secrets at rest; `secretKeyEphemeral` when made by this process. */
  secretKey: Buffer;
  secretKeyEphemeral: boolean;
};

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

/** Reads and validates the variables at boot (exit 1 naming each bad one). */
export const loadNotificationsConfig = (
  env: NodeJS.ProcessEnv = process.env,
): NotificationsConfig => {
  const config = loadConfig(notificationsConfigSchema, env, 'notifications');
  return {
    ...config,
    unsubscribeSecret:
      config.NOTIFICATIONS_UNSUBSCRIBE_SECRET ?? randomBytes(32).toString('base64url'),
    secretKey:
      config.NOTIFICATIONS_SECRET_KEY === undefined
        ? randomBytes(32)
        : Buffer.from(
            config.NOTIFICATIONS_SECRET_KEY.replace(/-/g, '+').replace(/_/g, '/'),
            'base64',
          ),
    secretKeyEphemeral: config.NOTIFICATIONS_SECRET_KEY === undefined,
  };
};
