import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentDriver, DriverContext, Provisioned } from '../core/component-driver';
import { ENV_VARS, parseKafkaBrokers } from '../core/env-overrides';
import { freshDir } from '../core/fresh-dir';
import type { InfraConfig } from '../core/infra-config';
import { runChecked } from '../core/run-command';
import { newKafkaClusterId } from './cluster-id';
import { ensureKafkaLibs, kafkaLibsDir } from './kafka-libs';
import { probeKafka } from './kafka-probe';
import { renderKafkaLog4jProperties, renderKafkaServerProperties } from './server-properties';

export function javaBinary(env: NodeJS.ProcessEnv = process.env): string {
  const home = env['JAVA_HOME'];
  return home && home.trim() !== '' ? join(home, 'bin', 'java') : 'java';
}

/** JVM flags for a small test broker: bounded heap, quick to start on two cores. */
export const KAFKA_JVM_OPTIONS = [
  '-Xmx512m',
  '-Xms128m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Djava.awt.headless=true',
  '-Djava.net.preferIPv4Stack=true',
];

export const kafkaDriver: ComponentDriver = {
  name: 'kafka',
  title: 'Kafka',
  portEnvVars: { broker: 'INFRA_KAFKA_PORT', controller: 'INFRA_KAFKA_CONTROLLER_PORT' },
  readyTimeoutMs: 90_000,
  stopTimeoutMs: 30_000,

  prepare: ensureKafkaLibs,

  portSettings(config: InfraConfig) {
    return [config.ports.kafka, config.ports.kafkaController];
  },

  async provision(ctx: DriverContext): Promise<Provisioned> {
    const { config } = ctx;
    const dataDir = freshDir(join(config.cacheDir, 'kafka', 'data'));
    const serverProperties = join(dataDir, 'server.properties');
    const log4jProperties = join(dataDir, 'log4j.properties');
    const serverLog = join(dataDir, 'server.log');
    const outLog = join(dataDir, 'kafka.out');
    writeFileSync(
      serverProperties,
      renderKafkaServerProperties({
        brokerPort: config.ports.kafka.port,
        controllerPort: config.ports.kafkaController.port,
        logDir: join(dataDir, 'kraft-logs'),
      }),
    );
    writeFileSync(log4jProperties, renderKafkaLog4jProperties(serverLog));
    const classpath = `${kafkaLibsDir(config.cacheDir)}/*`;
    const java = javaBinary();
    const log4j = `-Dlog4j.configuration=file:${log4jProperties}`;

    const started = Date.now();
    await runChecked(
      java,
      ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', log4j, '-cp', classpath, 'kafka.tools.StorageTool',
        'format', '-t', newKafkaClusterId(), '-c', serverProperties, '--ignore-formatted'],
      { cwd: dataDir, signal: ctx.signal, timeoutMs: 120_000 },
    );
    const setupMs = Date.now() - started;

    const brokers = `127.0.0.1:${config.ports.kafka.port}`;
    return {
      spec: {
        command: java,
        args: [...KAFKA_JVM_OPTIONS, log4j, `-Dkafka.logs.dir=${dataDir}`, '-cp', classpath, 'kafka.Kafka', serverProperties],
        cwd: dataDir,
        logFile: outLog,
      },
      marker: serverProperties,
      env: { [ENV_VARS.kafka]: brokers },
      ports: { broker: config.ports.kafka.port, controller: config.ports.kafkaController.port },
      dataDir,
      logFiles: [serverLog, outLog],
      setupMs,
    };
  },

  async probe(env, options) {
    const brokers = parseKafkaBrokers(env[ENV_VARS.kafka] ?? '').map((b) => `${b.host}:${b.port}`);
    await probeKafka(brokers, { roundTrip: options.deep });
  },

  externalEnv(value) {
    return { [ENV_VARS.kafka]: value };
  },

  describe(env) {
    return `${ENV_VARS.kafka}=${env[ENV_VARS.kafka] ?? '?'}`;
  },
};
