import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KafkaConnection, resolveMessagingOptions } from '@medmentor/messaging';
import { parseConfig } from '@medmentor/platform';
import { kafkaSecurityOf, runtimeConfigSchema } from '@medmentor/runtime';
import { ensureHelm, helmEnv } from '../../helm/helm-binary';
import { parseManifests, podSpecOf, REQUIRED_TEST_VALUES } from '../../helm/manifests';
import { loadInfraConfig } from '../src/core/infra-config';
import { findRepoRoot } from '../src/core/repo-root';
import { startSecureKafka, type SecureKafka } from '../src/kafka/secure-kafka';

const baseEnv = {
  MONGODB_URI: 'mongodb://127.0.0.1:1',
  AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----',
  AUTH_ISSUER: 'it',
  AUTH_AUDIENCE: 'it',
};

/** A connection built the way a service builds it: from environment variables, through the runtime schema. */
const connectionFromEnv = (env: Record<string, string>): KafkaConnection => {
  const result = parseConfig(runtimeConfigSchema('notifications', 3004), { ...baseEnv, ...env });
  if (!result.ok) throw new Error(`configuration refused: ${JSON.stringify(result.errors)}`);
  const config = result.config;
  return new KafkaConnection(
    resolveMessagingOptions({
      serviceName: 'notifications',
      brokers: config.KAFKA_BROKERS,
      clientId: `security-it-${Date.now().toString(36)}`,
      ...kafkaSecurityOf(config),
    }),
  );
};

/** Connects, or returns the error message (connect only; the caller disconnects). */
const connectError = async (connection: KafkaConnection): Promise<string> => {
  try {
    await connection.admin.connect();
    await connection.admin.listTopics();
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await connection.disconnect();
  }
};

describe('Kafka TLS and SASL against a real secured broker', () => {
  let kafka: SecureKafka;
  let secrets: string;

  beforeAll(async () => {
    kafka = await startSecureKafka(loadInfraConfig(findRepoRoot(__dirname)));
    secrets = mkdtempSync(join(tmpdir(), 'kafka-secrets-'));
    writeFileSync(join(secrets, 'password'), `${kafka.password}\n`);
    writeFileSync(join(secrets, 'wrong-password'), 'not-the-password\n');
  }, 120_000);

  afterAll(async () => {
    await kafka?.stop();
  });

  const saslEnv = (mechanism: string, passwordFile = join(secrets, 'password')) => ({
    KAFKA_BROKERS: kafka.saslSslBrokers,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: kafka.tls.caCert,
    KAFKA_SASL_MECHANISM: mechanism,
    KAFKA_SASL_USERNAME: kafka.username,
    KAFKA_SASL_PASSWORD_FILE: passwordFile,
  });

  it('produces and consumes over SASL_SSL with SCRAM-SHA-512 (producer, consumer and admin of one connection)', async () => {
    const connection = connectionFromEnv(saslEnv('scram-sha-512'));
    const topic = `medmentor.it.secure.${Date.now().toString(36)}`;
    await connection.connect();
    try {
      await connection.admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
      });
      await connection.producer.send({
        topic,
        acks: -1,
        messages: [
          { key: 'a', value: 'one' },
          { key: 'b', value: 'two' },
        ],
      });
      const consumer = connection.kafka.consumer({ groupId: `${topic}-group` });
      const received: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const done = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            received.push(String(message.value));
            if (received.length === 2) resolve();
          },
        });
      });
      await done;
      await consumer.disconnect();
      expect(received.sort()).toEqual(['one', 'two']);
      const offsets = await connection.admin.fetchOffsets({
        groupId: `${topic}-group`,
        topics: [topic],
      });
      expect(offsets[0].partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0)).toBe(
        2,
      );
    } finally {
      await connection.disconnect();
    }
  });

  it('authenticates with PLAIN and SCRAM-SHA-256 too, and with an inline password', async () => {
    expect(await connectError(connectionFromEnv(saslEnv('plain')))).toBe('connected');
    expect(await connectError(connectionFromEnv(saslEnv('scram-sha-256')))).toBe('connected');
    const inline = { ...saslEnv('scram-sha-512'), KAFKA_SASL_PASSWORD: kafka.password } as Record<
      string,
      string
    >;
    delete inline['KAFKA_SASL_PASSWORD_FILE'];
    expect(await connectError(connectionFromEnv(inline))).toBe('connected');
  });

  it('fails with a clear authentication error for a wrong password or user', async () => {
    const wrong = await connectError(
      connectionFromEnv(saslEnv('scram-sha-512', join(secrets, 'wrong-password'))),
    );
    expect(wrong).toMatch(/SASL SCRAM SHA512 authentication failed/i);
    const wrongPlain = await connectError(
      connectionFromEnv({ ...saslEnv('plain'), KAFKA_SASL_USERNAME: 'nobody' }),
    );
    expect(wrongPlain).toMatch(/SASL PLAIN authentication failed/i);
  });

  it('refuses a broker whose certificate is not signed by the configured CA', async () => {
    const env = {
      ...saslEnv('scram-sha-512'),
      KAFKA_SSL_CA_FILE: join(kafka.tls.dir, 'stranger-ca.crt'),
    };
    // Verification off (KAFKA_SSL_REJECT_UNAUTHORIZED=false) connects: the switch reaches the client.
    const [refused, unverified] = await Promise.all([
      connectError(connectionFromEnv(env)),
      connectError(connectionFromEnv({ ...env, KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' })),
    ]);
    expect(refused).toMatch(/self[- ]signed certificate|unable to verify/i);
    expect(unverified).toBe('connected');
  });

  it('authenticates by client certificate (mTLS) and is refused without one or with a foreign one', async () => {
    const mtls = {
      KAFKA_BROKERS: kafka.mtlsBrokers,
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: kafka.tls.caCert,
      KAFKA_SSL_CERT_FILE: kafka.tls.clientCert,
      KAFKA_SSL_KEY_FILE: kafka.tls.clientKey,
    };
    const { KAFKA_SSL_CERT_FILE: _cert, KAFKA_SSL_KEY_FILE: _key, ...withoutCert } = mtls;
    const foreign = {
      ...mtls,
      KAFKA_SSL_CERT_FILE: kafka.tls.strangerCert,
      KAFKA_SSL_KEY_FILE: kafka.tls.strangerKey,
    };
    const [own, none, stranger] = await Promise.all(
      [mtls, withoutCert, foreign].map((env) => connectError(connectionFromEnv(env))),
    );
    expect(own).toBe('connected');
    expect(none).toMatch(/certificate|closed/i);
    expect(stranger).toMatch(/certificate unknown/i);
  });

  it("runs the chart's topic Job program over SASL_SSL with the files the chart mounts", async () => {
    const repoRoot = findRepoRoot(__dirname);
    const helm = (await ensureHelm({ repoRoot })).binary;
    const topic = `medmentor.it.job.${Date.now().toString(36)}`;
    const { stdout } = await promisify(execFile)(
      helm,
      [
        'template',
        'mm',
        join(repoRoot, 'deploy/helm/medmentor'),
        '--set',
        `config.KAFKA_BROKERS=${kafka.saslSslBrokers}`,
        '--set',
        'config.KAFKA_TOPIC_REPLICATION_FACTOR=1',
        '--set',
        'config.KAFKA_TOPIC_PARTITIONS=2',
        '--set',
        `topics.names={${topic}}`,
        '--set',
        'kafka.tls.enabled=true',
        '--set',
        'kafka.tls.caSecret.name=kafka-ca',
        '--set',
        'kafka.sasl.mechanism=scram-sha-512',
        '--set',
        `kafka.sasl.username=${kafka.username}`,
        '--set',
        'kafka.sasl.passwordSecret.name=kafka-user',
        ...REQUIRED_TEST_VALUES,
      ],
      { cwd: repoRoot, env: helmEnv(repoRoot), maxBuffer: 64 * 1024 * 1024 },
    );
    const job = parseManifests(stdout).find((o) => o.kind === 'Job');
    const [container] = podSpecOf(job!).containers;
    const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? '']));
    const script = (container['args'] as string[])[0];
    // The mounted files of the pod, here: the test CA and the password file.
    expect(env['KAFKA_SSL_CA_FILE']).toBe('/etc/medmentor/kafka/ca.crt');
    expect(env['KAFKA_SASL_PASSWORD_FILE']).toBe('/etc/medmentor/kafka/sasl-password');
    const local = {
      ...env,
      KAFKA_SSL_CA_FILE: kafka.tls.caCert,
      KAFKA_SASL_PASSWORD_FILE: join(secrets, 'password'),
    };
    // No compiled catalog in this folder: the program creates topics.names only.
    const run = await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: secrets,
      env: { PATH: process.env['PATH'], NODE_PATH: join(repoRoot, 'node_modules'), ...local },
    });
    expect(run.stdout).toContain('topics ready');
    const check = connectionFromEnv(saslEnv('scram-sha-512'));
    await check.admin.connect();
    try {
      const topics = await check.admin.listTopics();
      expect(topics).toEqual(expect.arrayContaining([topic, `${topic}.dlq`]));
    } finally {
      await check.disconnect();
    }
  });
});
