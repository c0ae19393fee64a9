import { isAbsolute, join, resolve } from 'node:path';

export interface PortSetting {
  port: number;
  /** Env var that overrides the default; quoted in error messages. */
  envVar: string;
  fromEnv: boolean;
}

export interface InfraConfig {
  repoRoot: string;
  cacheDir: string;
  stateFile: string;
  lockFile: string;
  envFile: string;
  ports: {
    kafka: PortSetting;
    kafkaController: PortSetting;
    mongo: PortSetting;
    smtp: PortSetting;
    smtpApi: PortSetting;
  };
  /** The `maxPoolSize` of the MONGODB_URI it exports (INFRA_MONGO_POOL_SIZE). */
  mongoPoolSize: number;
}

export const DEFAULT_PORTS = {
  kafka: 19092,
  mongo: 27117,
  smtp: 2525,
  smtpApi: 8025,
} as const;

export type Env = Readonly<Record<string, string | undefined>>;

/** Connections per client process to FerretDB unless INFRA_MONGO_POOL_SIZE says otherwise. */
export const DEFAULT_MONGO_POOL_SIZE = 4;

export function parsePoolSize(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MONGO_POOL_SIZE;
  const trimmed = value.trim();
  const size = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || size < 1 || size > 64) {
    throw new Error(`INFRA_MONGO_POOL_SIZE=${JSON.stringify(value)} is not a pool size (1-64)`);
  }
  return size;
}

export function parsePort(value: string, envVar: string): number {
  const trimmed = value.trim();
  const port = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${envVar}=${JSON.stringify(value)} is not a TCP port (1-65535)`);
  }
  return port;
}

function portSetting(env: Env, envVar: string, fallback: number): PortSetting {
  const raw = env[envVar];
  if (raw === undefined || raw.trim() === '') return { port: fallback, envVar, fromEnv: false };
  return { port: parsePort(raw, envVar), envVar, fromEnv: true };
}

/**
 * Reads ports and the cache folder from the environment.
 * The Kafka controller listens on the broker port + 1 unless INFRA_KAFKA_CONTROLLER_PORT says otherwise.
 */
export function loadInfraConfig(repoRoot: string, env: Env = process.env): InfraConfig {
  const rawCache = env['INFRA_CACHE_DIR'];
  const cacheDir =
    rawCache && rawCache.trim() !== ''
      ? isAbsolute(rawCache)
        ? rawCache
        : resolve(repoRoot, rawCache)
      : join(repoRoot, '.cache', 'infra');
  const kafka = portSetting(env, 'INFRA_KAFKA_PORT', DEFAULT_PORTS.kafka);
  const kafkaController = portSetting(env, 'INFRA_KAFKA_CONTROLLER_PORT', kafka.port + 1);
  if (kafkaController.port === kafka.port) {
    throw new Error(`the Kafka controller port must differ from the broker port (${kafka.port})`);
  }
  if (kafkaController.port > 65535) {
    throw new Error(`INFRA_KAFKA_PORT=${kafka.port} leaves no room for the controller port: set INFRA_KAFKA_CONTROLLER_PORT`);
  }
  return {
    repoRoot,
    cacheDir,
    stateFile: join(cacheDir, 'state.json'),
    lockFile: join(cacheDir, 'infra.lock'),
    envFile: join(cacheDir, 'env.sh'),
    ports: {
      kafka,
      kafkaController,
      mongo: portSetting(env, 'INFRA_MONGO_PORT', DEFAULT_PORTS.mongo),
      smtp: portSetting(env, 'INFRA_SMTP_PORT', DEFAULT_PORTS.smtp),
      smtpApi: portSetting(env, 'INFRA_SMTP_API_PORT', DEFAULT_PORTS.smtpApi),
    },
    mongoPoolSize: parsePoolSize(env['INFRA_MONGO_POOL_SIZE']),
  };
}
