import type { ComponentName } from './component-names';
import type { Env } from './infra-config';

/** Env vars the infra exports to child commands; the first three also select an existing server. */
export const ENV_VARS = {
  kafka: 'KAFKA_BROKERS',
  mongo: 'MONGODB_URI',
  smtp: 'SMTP_URL',
  smtpApi: 'SMTP_API_URL',
} as const;

export interface HostPort {
  host: string;
  port: number;
}

export type ComponentSource =
  | { kind: 'managed' }
  | { kind: 'external'; envVar: string; value: string };

export function parseKafkaBrokers(value: string): HostPort[] {
  const brokers = value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (brokers.length === 0) throw new Error(`${ENV_VARS.kafka} is empty`);
  return brokers.map((broker) => {
    const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(broker);
    const port = match ? Number(match[2]) : NaN;
    if (!match || port < 1 || port > 65535) {
      throw new Error(`${ENV_VARS.kafka}: "${broker}" is not host:port`);
    }
    return { host: match[1], port };
  });
}

export function parseMongoUri(value: string): string {
  if (!/^mongodb(\+srv)?:\/\/./.test(value.trim())) {
    throw new Error(`${ENV_VARS.mongo}="${value}" does not start with mongodb:// or mongodb+srv://`);
  }
  return value.trim();
}

export function parseSmtpUrl(value: string): HostPort {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${ENV_VARS.smtp}="${value}" is not a URL (expected smtp://host:port)`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`${ENV_VARS.smtp}="${value}" must use smtp:// (or smtps://)`);
  }
  const port = url.port === '' ? (url.protocol === 'smtps:' ? 465 : 25) : Number(url.port);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

/**
 * Decides, per component, whether infra starts its own server or uses one named in the environment
 * (e.g. MongoDB and Kafka from docker compose). Throws on malformed values so mistakes surface early.
 */
export function decideSources(env: Env): Record<ComponentName, ComponentSource> {
  const pick = (envVar: string, validate: (v: string) => unknown): ComponentSource => {
    const value = env[envVar];
    if (value === undefined || value.trim() === '') return { kind: 'managed' };
    validate(value);
    return { kind: 'external', envVar, value: value.trim() };
  };
  return {
    kafka: pick(ENV_VARS.kafka, parseKafkaBrokers),
    mongo: pick(ENV_VARS.mongo, parseMongoUri),
    smtp: pick(ENV_VARS.smtp, parseSmtpUrl),
  };
}
