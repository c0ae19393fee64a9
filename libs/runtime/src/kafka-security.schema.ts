import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { KafkaSaslSettings, KafkaTlsSettings } from '@medmentor/messaging';

const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

const optionalFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

const readable = (path: string): { ok: true; text: string } | { ok: false; reason: string } => {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
};

/** A path to a PEM file that must exist, be readable and hold the expected block. */
const pemFile = (block: RegExp, what: string) =>
  z
    .string()
    .trim()
    .superRefine((path, ctx) => {
      const file = readable(path);
      if (!file.ok)
        ctx.addIssue({ code: 'custom', message: `cannot read the file (${file.reason})` });
      else if (!block.test(file.text))
        ctx.addIssue({ code: 'custom', message: `must be a PEM file with ${what}` });
    })
    .optional();

/** Kafka TLS and SASL variables; all optional, so a plaintext broker needs none. */
export const kafkaSecurityFields = {
  KAFKA_SSL: optionalFlag(false),
  KAFKA_SSL_CA_FILE: pemFile(/-----BEGIN CERTIFICATE-----/, 'one or more certificates'),
  KAFKA_SSL_CERT_FILE: pemFile(/-----BEGIN CERTIFICATE-----/, 'a certificate'),
  KAFKA_SSL_KEY_FILE: pemFile(/-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/, 'a private key'),
  KAFKA_SSL_REJECT_UNAUTHORIZED: optionalFlag(true),
  KAFKA_SASL_MECHANISM: z
    .enum(SASL_MECHANISMS, { error: `must be one of ${SASL_MECHANISMS.join(', ')}` })
    .optional(),
  KAFKA_SASL_USERNAME: z.string().trim().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  KAFKA_SASL_PASSWORD_FILE: z
    .string()
    .trim()
    .superRefine((path, ctx) => {
      const file = readable(path);
      if (!file.ok)
        ctx.addIssue({ code: 'custom', message: `cannot read the file (${file.reason})` });
      else if (trimNewline(file.text) === '')
        ctx.addIssue({ code: 'custom', message: 'the file is empty' });
    })
    .optional(),
};

type KafkaSecurityConfig = {
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string | undefined;
  KAFKA_SSL_CERT_FILE?: string | undefined;
  KAFKA_SSL_KEY_FILE?: string | undefined;
  KAFKA_SSL_REJECT_UNAUTHORIZED: boolean;
  KAFKA_SASL_MECHANISM?: (typeof SASL_MECHANISMS)[number] | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  KAFKA_SASL_PASSWORD_FILE?: string | undefined;
};

type Issue = { variable: keyof KafkaSecurityConfig; message: string };

/**
 * Rules between the variables. Runs on raw values too (when other variables are invalid),
 * so it only looks at whether each one is set.
 */
export const kafkaSecurityIssues = (
  config: Partial<Record<keyof KafkaSecurityConfig, unknown>>,
): Issue[] => {
  const set = (name: keyof KafkaSecurityConfig) => config[name] !== undefined;
  const issues: Issue[] = [];
  // An invalid KAFKA_SSL is reported on its own; do not add consequences of a guess.
  const sslOff =
    config.KAFKA_SSL === undefined || config.KAFKA_SSL === false || config.KAFKA_SSL === 'false';
  for (const name of ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'] as const) {
    if (set(name) && sslOff) issues.push({ variable: name, message: 'needs KAFKA_SSL=true' });
  }
  if (set('KAFKA_SSL_CERT_FILE') !== set('KAFKA_SSL_KEY_FILE')) {
    const missing = set('KAFKA_SSL_CERT_FILE') ? 'KAFKA_SSL_KEY_FILE' : 'KAFKA_SSL_CERT_FILE';
    issues.push({
      variable: missing,
      message: 'must be set together with the other (client certificate and its key)',
    });
  }
  if (set('KAFKA_SASL_MECHANISM')) {
    if (!set('KAFKA_SASL_USERNAME'))
      issues.push({
        variable: 'KAFKA_SASL_USERNAME',
        message: 'is required with KAFKA_SASL_MECHANISM',
      });
    if (set('KAFKA_SASL_PASSWORD') === set('KAFKA_SASL_PASSWORD_FILE')) {
      issues.push({
        variable: 'KAFKA_SASL_PASSWORD',
        message: set('KAFKA_SASL_PASSWORD')
          ? 'set only one of KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE'
          : 'set one of KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE (required with KAFKA_SASL_MECHANISM)',
      });
    }
    if (config.KAFKA_SASL_MECHANISM === 'plain' && sslOff) {
      issues.push({
        variable: 'KAFKA_SASL_MECHANISM',
        message: 'plain sends the password in clear: it needs KAFKA_SSL=true',
      });
    }
  } else {
    for (const name of [
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD',
      'KAFKA_SASL_PASSWORD_FILE',
    ] as const) {
      if (set(name)) issues.push({ variable: name, message: 'needs KAFKA_SASL_MECHANISM' });
    }
  }
  return issues;
};

const trimNewline = (text: string): string => text.replace(/\r?\n$/, '');

/** The TLS and SASL settings for the Kafka client, with the files read. */
export const kafkaSecurityOf = (
  config: KafkaSecurityConfig,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): { ssl: KafkaTlsSettings | false; sasl: KafkaSaslSettings | false } => {
  const ssl: KafkaTlsSettings | false = config.KAFKA_SSL
    ? {
        rejectUnauthorized: config.KAFKA_SSL_REJECT_UNAUTHORIZED,
        ...(config.KAFKA_SSL_CA_FILE ? { ca: read(config.KAFKA_SSL_CA_FILE) } : {}),
        ...(config.KAFKA_SSL_CERT_FILE ? { cert: read(config.KAFKA_SSL_CERT_FILE) } : {}),
        ...(config.KAFKA_SSL_KEY_FILE ? { key: read(config.KAFKA_SSL_KEY_FILE) } : {}),
      }
    : false;
  const mechanism = config.KAFKA_SASL_MECHANISM;
  const sasl: KafkaSaslSettings | false =
    mechanism && config.KAFKA_SASL_USERNAME
      ? {
          mechanism,
          username: config.KAFKA_SASL_USERNAME,
          password: config.KAFKA_SASL_PASSWORD_FILE
            ? trimNewline(read(config.KAFKA_SASL_PASSWORD_FILE))
            : (config.KAFKA_SASL_PASSWORD ?? ''),
        }
      : false;
  return { ssl, sasl };
};
