import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@medmentor/platform';
import { kafkaSecurityOf } from './kafka-security.schema';
import { runtimeConfigSchema } from './runtime-config.schema';

const env = {
  MONGODB_URI: 'mongodb://db:27017',
  KAFKA_BROKERS: 'kafka:9093',
  AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----',
  AUTH_ISSUER: 'medmentor-dev',
  AUTH_AUDIENCE: 'medmentor-api',
};

const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ca = file('ca.crt', '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n');
const cert = file('user.crt', '-----BEGIN CERTIFICATE-----\nUSER\n-----END CERTIFICATE-----\n');
const key = file('user.key', '-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n');
const password = file('password', 's3cret\n');
const empty = file('empty', '\n');

const parse = (extra: Record<string, string>) =>
  parseConfig(runtimeConfigSchema('notifications', 3004), { ...env, ...extra });

const errorsOf = (extra: Record<string, string>): Record<string, string> => {
  const result = parse(extra);
  if (result.ok) throw new Error('expected configuration errors');
  return Object.fromEntries(result.errors.map((e) => [e.variable, e.message]));
};

describe('Kafka TLS and SASL configuration', () => {
  it('is plaintext without authentication by default', () => {
    const result = parse({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      KAFKA_SSL: false,
      KAFKA_SSL_REJECT_UNAUTHORIZED: true,
      CONSUMER_LAG_INTERVAL_MS: 15_000,
    });
    expect(kafkaSecurityOf(result.config)).toEqual({ ssl: false, sasl: false });
  });

  it('reads the CA, client certificate, key and password file (Strimzi TLS + SCRAM)', () => {
    const result = parse({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: ca,
      KAFKA_SSL_CERT_FILE: cert,
      KAFKA_SSL_KEY_FILE: key,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'medmentor',
      KAFKA_SASL_PASSWORD_FILE: password,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(kafkaSecurityOf(result.config)).toEqual({
      ssl: {
        rejectUnauthorized: true,
        ca: '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n',
        cert: '-----BEGIN CERTIFICATE-----\nUSER\n-----END CERTIFICATE-----\n',
        key: '-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n',
      },
      sasl: { mechanism: 'scram-sha-512', username: 'medmentor', password: 's3cret' },
    });
  });

  it('accepts TLS with the system CAs and an inline password', () => {
    const result = parse({
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'svc',
      KAFKA_SASL_PASSWORD: 'pw',
    });
    expect(result.ok && kafkaSecurityOf(result.config)).toEqual({
      ssl: { rejectUnauthorized: true },
      sasl: { mechanism: 'plain', username: 'svc', password: 'pw' },
    });
  });

  it('names each bad variable with the reason', () => {
    expect(
      errorsOf({
        KAFKA_SSL: 'yes',
        KAFKA_SSL_CA_FILE: join(dir, 'missing.crt'),
        KAFKA_SSL_CERT_FILE: key,
        KAFKA_SSL_REJECT_UNAUTHORIZED: '0',
        KAFKA_SASL_MECHANISM: 'gssapi',
        KAFKA_SASL_PASSWORD_FILE: empty,
        CONSUMER_LAG_INTERVAL_MS: '10',
      }),
    ).toEqual({
      KAFKA_SSL: 'must be true or false',
      KAFKA_SSL_CA_FILE: 'cannot read the file (ENOENT)',
      KAFKA_SSL_CERT_FILE: 'must be a PEM file with a certificate',
      KAFKA_SSL_KEY_FILE: 'must be set together with the other (client certificate and its key)',
      KAFKA_SSL_REJECT_UNAUTHORIZED: 'must be true or false',
      KAFKA_SASL_MECHANISM: 'must be one of plain, scram-sha-256, scram-sha-512',
      KAFKA_SASL_USERNAME: 'is required with KAFKA_SASL_MECHANISM',
      KAFKA_SASL_PASSWORD_FILE: 'the file is empty',
      CONSUMER_LAG_INTERVAL_MS: expect.stringContaining('1000') as string,
    });
  });

  it('refuses settings that would be silently ignored or leak the password', () => {
    expect(
      errorsOf({ KAFKA_SSL_CA_FILE: ca, KAFKA_SASL_USERNAME: 'svc', KAFKA_SASL_PASSWORD: 'pw' }),
    ).toEqual({
      KAFKA_SSL_CA_FILE: 'needs KAFKA_SSL=true',
      KAFKA_SASL_USERNAME: 'needs KAFKA_SASL_MECHANISM',
      KAFKA_SASL_PASSWORD: 'needs KAFKA_SASL_MECHANISM',
    });
    expect(
      errorsOf({
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: 'pw',
      }),
    ).toEqual({
      KAFKA_SASL_MECHANISM: 'plain sends the password in clear: it needs KAFKA_SSL=true',
    });
    expect(
      errorsOf({
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-256',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: 'pw',
        KAFKA_SASL_PASSWORD_FILE: password,
      }),
    ).toEqual({
      KAFKA_SASL_PASSWORD: 'set only one of KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE',
    });
  });
});
