import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import type { DriverContext } from '../core/component-driver';
import { freshDir } from '../core/fresh-dir';
import { parsePort, type Env, type InfraConfig, type PortSetting } from '../core/infra-config';
import { withLogTail } from '../core/log-tail';
import { assertPortsFree } from '../core/port-check';
import { runChecked } from '../core/run-command';
import { waitUntil } from '../core/wait-until';
import { newKafkaClusterId } from './cluster-id';
import { javaBinary, KAFKA_JVM_OPTIONS } from './kafka-driver';
import { ensureKafkaLibs, kafkaLibsDir } from './kafka-libs';
import {
  kafkaServerProperties,
  renderKafkaLog4jProperties,
  renderProperties,
} from './server-properties';
import { generateTlsMaterial, type TlsMaterial } from './tls-material';

export const SECURE_KAFKA_DEFAULT_PORT = 19192;

export interface SecureKafkaPorts {
  /** SASL_SSL listener: TLS without client certificates, SASL PLAIN and SCRAM-SHA-256/512. */
  saslSsl: PortSetting;
  controller: PortSetting;
  /** SSL listener that requires a client certificate signed by the test CA (mTLS). */
  mtls: PortSetting;
}

const setting = (env: Env, envVar: string, fallback: number): PortSetting => {
  const raw = env[envVar];
  return raw === undefined || raw.trim() === ''
    ? { port: fallback, envVar, fromEnv: false }
    : { port: parsePort(raw, envVar), envVar, fromEnv: true };
};

/** INFRA_KAFKA_SECURE_PORT (default 19192); controller and mTLS ports follow (+1, +2) unless set. */
export function secureKafkaPorts(env: Env = process.env): SecureKafkaPorts {
  const saslSsl = setting(env, 'INFRA_KAFKA_SECURE_PORT', SECURE_KAFKA_DEFAULT_PORT);
  const ports = {
    saslSsl,
    controller: setting(env, 'INFRA_KAFKA_SECURE_CONTROLLER_PORT', saslSsl.port + 1),
    mtls: setting(env, 'INFRA_KAFKA_MTLS_PORT', saslSsl.port + 2),
  };
  const numbers = [ports.saslSsl.port, ports.controller.port, ports.mtls.port];
  if (new Set(numbers).size !== 3 || numbers.some((p) => p > 65535)) {
    throw new Error(
      `the secure Kafka ports must be three different TCP ports (got ${numbers.join(', ')})`,
    );
  }
  return ports;
}

/** What a client needs to reach the secure broker. */
export interface SecureKafkaEndpoints {
  saslSslBrokers: string;
  mtlsBrokers: string;
  tls: TlsMaterial;
  /** One user known to PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
  username: string;
  password: string;
}

export interface SecureKafka extends SecureKafkaEndpoints {
  startupMs: number;
  /** Where the start-up time went: PKI generation, storage format, broker start until it answers. */
  timings: { tlsMs: number; formatMs: number; startMs: number };
  /** SIGTERM, SIGKILL after 30 s; removes the data dir. */
  stop(): Promise<void>;
}

const jaas = (module: string, options = ''): string =>
  `org.apache.kafka.common.security.${module} required${options};`;

/** server.properties of the secure broker: the test broker's settings with secured listeners. */
export function secureKafkaServerProperties(
  ports: { saslSsl: number; controller: number; mtls: number },
  logDir: string,
  tls: Pick<TlsMaterial, 'caCert' | 'serverKeystore' | 'keystorePassword'>,
  user: { username: string; password: string },
): Array<[string, string]> {
  const host = '127.0.0.1';
  const overrides = new Map<string, string>([
    [
      'listeners',
      `SASL_SSL://${host}:${ports.saslSsl},SSL://${host}:${ports.mtls},CONTROLLER://${host}:${ports.controller}`,
    ],
    ['advertised.listeners', `SASL_SSL://${host}:${ports.saslSsl},SSL://${host}:${ports.mtls}`],
    ['inter.broker.listener.name', 'SSL'],
    ['listener.security.protocol.map', 'CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL,SSL:SSL'],
  ]);
  const base = kafkaServerProperties({
    brokerPort: ports.saslSsl,
    controllerPort: ports.controller,
    logDir,
  }).map(([key, value]): [string, string] => [key, overrides.get(key) ?? value]);
  return [
    ...base,
    ['ssl.keystore.type', 'PKCS12'],
    ['ssl.keystore.location', tls.serverKeystore],
    ['ssl.keystore.password', tls.keystorePassword],
    ['ssl.key.password', tls.keystorePassword],
    ['ssl.truststore.type', 'PEM'],
    ['ssl.truststore.location', tls.caCert],
    ['listener.name.ssl.ssl.client.auth', 'required'],
    ['listener.name.sasl_ssl.ssl.client.auth', 'none'],
    ['sasl.enabled.mechanisms', 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512'],
    [
      'listener.name.sasl_ssl.plain.sasl.jaas.config',
      jaas('plain.PlainLoginModule', ` user_${user.username}="${user.password}"`),
    ],
    ['listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config', jaas('scram.ScramLoginModule')],
    ['listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config', jaas('scram.ScramLoginModule')],
  ];
}

/** kafkajs settings for the SASL_SSL listener with the given mechanism. */
export function saslSslClientConfig(
  endpoints: SecureKafkaEndpoints,
  mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512' = 'scram-sha-512',
): Pick<KafkaConfig, 'brokers' | 'ssl' | 'sasl'> {
  return {
    brokers: [endpoints.saslSslBrokers],
    ssl: { ca: readFileSync(endpoints.tls.caCert, 'utf8') },
    sasl: {
      mechanism,
      username: endpoints.username,
      password: endpoints.password,
    } as KafkaConfig['sasl'],
  };
}

async function probeSecure(endpoints: SecureKafkaEndpoints): Promise<void> {
  const kafka = new Kafka({
    clientId: 'medmentor-infra',
    ...saslSslClientConfig(endpoints),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_500,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    if (cluster.controller === null || cluster.controller < 0)
      throw new Error('no active controller yet');
  } finally {
    await admin.disconnect();
  }
}

function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a second, single-node broker whose client listeners are secured: SASL_SSL (PLAIN,
 * SCRAM-SHA-256, SCRAM-SHA-512 over TLS) and SSL with required client certificates. The PKI
 * is generated with openssl and the SCRAM credentials are written at storage format time, so
 * nothing needs the running broker before it answers. It runs as a child of the caller and
 * is meant for the tests that need it, not for the default infrastructure.
 */
export async function startSecureKafka(
  config: InfraConfig,
  options: { env?: Env; log?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<SecureKafka> {
  const log = options.log ?? (() => undefined);
  const ports = secureKafkaPorts(options.env ?? process.env);
  await assertPortsFree('secure Kafka', [ports.saslSsl, ports.controller, ports.mtls]);
  const ctx: DriverContext = { config, log, signal: options.signal };
  await ensureKafkaLibs(ctx);

  const started = Date.now();
  const dataDir = freshDir(join(config.cacheDir, 'kafka-secure', `${ports.saslSsl.port}`));
  const tls = await generateTlsMaterial(join(dataDir, 'tls'), options.signal);
  const tlsDone = Date.now();
  const user = {
    username: 'medmentor',
    password: newKafkaClusterId().replace(/[^A-Za-z0-9]/g, 'x'),
  };
  const serverProperties = join(dataDir, 'server.properties');
  const log4jProperties = join(dataDir, 'log4j.properties');
  const outLog = join(dataDir, 'kafka.out');
  writeFileSync(
    serverProperties,
    renderProperties(
      secureKafkaServerProperties(
        { saslSsl: ports.saslSsl.port, controller: ports.controller.port, mtls: ports.mtls.port },
        join(dataDir, 'kraft-logs'),
        tls,
        user,
      ),
      'Generated by tools/infra for the secure test broker.',
    ),
  );
  writeFileSync(log4jProperties, renderKafkaLog4jProperties(join(dataDir, 'server.log')));
  const classpath = `${kafkaLibsDir(config.cacheDir)}/*`;
  const log4j = `-Dlog4j.configuration=file:${log4jProperties}`;
  const scram = (mechanism: string) =>
    `${mechanism}=[name=${user.username},password=${user.password}]`;
  await runChecked(
    javaBinary(),
    [
      '-Xmx256m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      log4j,
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      newKafkaClusterId(),
      '-c',
      serverProperties,
      '--ignore-formatted',
      '--add-scram',
      scram('SCRAM-SHA-256'),
      '--add-scram',
      scram('SCRAM-SHA-512'),
    ],
    { cwd: dataDir, signal: options.signal, timeoutMs: 120_000 },
  );

  const formatDone = Date.now();
  const out = openSync(outLog, 'a');
  const child = spawn(
    javaBinary(),
    [
      ...KAFKA_JVM_OPTIONS,
      '-Xmx384m',
      log4j,
      `-Dkafka.logs.dir=${dataDir}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      serverProperties,
    ],
    { cwd: dataDir, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  let exit: string | null = null;
  child.once(
    'exit',
    (code, signal) =>
      (exit = signal ? `exited on signal ${signal}` : `exited with code ${String(code)}`),
  );

  const endpoints: SecureKafkaEndpoints = {
    saslSslBrokers: `127.0.0.1:${ports.saslSsl.port}`,
    mtlsBrokers: `127.0.0.1:${ports.mtls.port}`,
    tls,
    ...user,
  };
  const stop = async () => {
    await stopChild(child, 30_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntil('secure Kafka', () => probeSecure(endpoints), {
      timeoutMs: 90_000,
      intervalMs: 300,
      abortReason: () => exit,
      signal: options.signal,
    });
  } catch (error) {
    const message = withLogTail((error as Error).message, [join(dataDir, 'server.log'), outLog]);
    await stop();
    throw new Error(message);
  }
  const now = Date.now();
  return {
    ...endpoints,
    startupMs: now - started,
    timings: {
      tlsMs: tlsDone - started,
      formatMs: formatDone - tlsDone,
      startMs: now - formatDone,
    },
    stop,
  };
}
