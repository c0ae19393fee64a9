import { z } from 'zod';
import { formatConfigErrors, loadConfig, parseConfig } from './load-config';
import { serviceConfigSchema } from './service-config.schema';

const schema = serviceConfigSchema('matching', 3002);
const valid = {
  MONGODB_URI: 'mongodb://db:27017',
  KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092',
  AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
  AUTH_ISSUER: 'https://id.example.org',
  AUTH_AUDIENCE: 'medmentor-api',
};

function errorsOf(env: Record<string, string | undefined>) {
  const result = parseConfig(schema, env);
  if (result.ok) throw new Error('expected errors');
  return Object.fromEntries(result.errors.map((e) => [e.variable, e.message]));
}

describe('serviceConfigSchema', () => {
  it('fills every default from the service name and port', () => {
    const result = parseConfig(schema, valid);
    expect(result).toEqual({
      ok: true,
      config: {
        PORT: 3002,
        HOST: '0.0.0.0',
        LOG_LEVEL: 'info',
        MONGODB_URI: 'mongodb://db:27017',
        MONGODB_DATABASE: 'medmentor_matching',
        KAFKA_BROKERS: ['kafka-0:9092', 'kafka-1:9092'],
        KAFKA_CLIENT_ID: 'matching',
        KAFKA_GROUP_ID: 'medmentor-matching',
        AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
        AUTH_ISSUER: 'https://id.example.org',
        AUTH_AUDIENCE: 'medmentor-api',
        HTTP_BODY_LIMIT_BYTES: 1_048_576,
        SHUTDOWN_TIMEOUT_MS: 25_000,
        SHUTDOWN_DRAIN_DELAY_MS: 0,
        HEALTH_CHECK_TIMEOUT_MS: 2_000,
      },
    });
  });

  it('accepts a URI without database name, a replica-set seed list and +srv', () => {
    for (const uri of [
      'mongodb://a:1,b:2/?replicaSet=rs',
      'mongodb+srv://u:p@cluster.example.org',
      'mongodb://db',
    ]) {
      expect(parseConfig(schema, { ...valid, MONGODB_URI: uri }).ok).toBe(true);
    }
  });

  it('names every missing required variable', () => {
    expect(errorsOf({})).toEqual({
      MONGODB_URI: 'is required but not set',
      KAFKA_BROKERS: 'is required but not set',
      AUTH_ISSUER: 'is required but not set',
      AUTH_AUDIENCE: 'is required but not set',
      AUTH_JWKS_URL:
        'set exactly one of AUTH_JWKS_URL (production) and AUTH_PUBLIC_KEY (development)',
    });
  });

  it('names every bad variable with the reason', () => {
    expect(
      errorsOf({
        ...valid,
        PORT: '70000',
        LOG_LEVEL: 'loud',
        MONGODB_URI: 'postgres://x',
        KAFKA_BROKERS: 'kafka-0:9092,nope',
        HTTP_BODY_LIMIT_BYTES: '1MB',
        SHUTDOWN_TIMEOUT_MS: '-1',
        HEALTH_CHECK_TIMEOUT_MS: '1.5',
        MONGODB_DATABASE: 'a/b',
      }),
    ).toEqual({
      PORT: 'must be an integer between 1 and 65535',
      LOG_LEVEL: 'must be one of fatal, error, warn, info, debug, trace, silent',
      MONGODB_URI: 'must be a mongodb:// or mongodb+srv:// connection string',
      KAFKA_BROKERS: 'must be a comma-separated list of host:port (bad entries: "nope")',
      HTTP_BODY_LIMIT_BYTES: 'must be an integer between 1 and 9007199254740991',
      SHUTDOWN_TIMEOUT_MS: 'must be an integer between 1 and 9007199254740991',
      HEALTH_CHECK_TIMEOUT_MS: 'must be an integer between 1 and 9007199254740991',
      MONGODB_DATABASE: 'must be a valid MongoDB database name',
    });
  });

  it('requires exactly one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY', () => {
    const key = '-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----';
    expect(errorsOf({ ...valid, AUTH_PUBLIC_KEY: key })).toEqual({
      AUTH_JWKS_URL: 'set only one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY, not both',
    });
    const withKey = parseConfig(schema, {
      ...valid,
      AUTH_JWKS_URL: undefined,
      AUTH_PUBLIC_KEY: key,
    });
    expect(withKey.ok && withKey.config.AUTH_PUBLIC_KEY).toBe(
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    );
    expect(errorsOf({ ...valid, AUTH_JWKS_URL: undefined, AUTH_PUBLIC_KEY: 'abc' })).toEqual({
      AUTH_PUBLIC_KEY: 'must be a PEM (-----BEGIN ...)',
    });
  });

  it('keeps the drain delay inside the shutdown budget', () => {
    expect(
      errorsOf({ ...valid, SHUTDOWN_TIMEOUT_MS: '5000', SHUTDOWN_DRAIN_DELAY_MS: '5000' }),
    ).toEqual({
      SHUTDOWN_DRAIN_DELAY_MS:
        'must be less than SHUTDOWN_TIMEOUT_MS (the timeout covers the drain delay too)',
    });
  });

  it('treats blank values as unset', () => {
    const result = parseConfig(schema, { ...valid, PORT: '' });
    expect(result.ok && result.config.PORT).toBe(3002);
    expect(errorsOf({ ...valid, AUTH_ISSUER: '  ' })).toEqual({
      AUTH_ISSUER: 'is required but not set',
    });
  });

  it('lets services extend the schema with their own variables', () => {
    const extended = schema.extend({ MATCH_BATCH_SIZE: z.coerce.number().int().positive() });
    const result = parseConfig(extended, { ...valid, MATCH_BATCH_SIZE: '50' });
    expect(result.ok && result.config.MATCH_BATCH_SIZE).toBe(50);
    const missing = parseConfig(extended, valid);
    expect(missing.ok ? [] : missing.errors).toEqual([
      { variable: 'MATCH_BATCH_SIZE', message: 'is required but not set' },
    ]);
  });
});

describe('loadConfig', () => {
  it('prints one message naming every problem, never the values, and exits 1', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() =>
        loadConfig(schema, { KAFKA_BROKERS: 'secret-host', PORT: 'x' }, 'matching'),
      ).toThrow('exit');
      expect(exit).toHaveBeenCalledWith(1);
      expect(stderr).toHaveBeenCalledTimes(1);
      const message = String(stderr.mock.calls[0]?.[0]);
      expect(message).toBe(
        [
          'Invalid configuration for matching: 6 problems in environment variables',
          '  - AUTH_AUDIENCE is required but not set',
          '  - AUTH_ISSUER is required but not set',
          '  - AUTH_JWKS_URL set exactly one of AUTH_JWKS_URL (production) and AUTH_PUBLIC_KEY (development)',
          '  - KAFKA_BROKERS must be a comma-separated list of host:port (bad entries: "secret-host")',
          '  - MONGODB_URI is required but not set',
          '  - PORT must be an integer between 1 and 65535',
          '',
        ].join('\n'),
      );
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });

  it('returns the typed config when valid', () => {
    expect(loadConfig(schema, valid).KAFKA_GROUP_ID).toBe('medmentor-matching');
  });

  it('formats a single problem', () => {
    expect(formatConfigErrors([{ variable: 'A', message: 'is required but not set' }])).toBe(
      'Invalid configuration: 1 problem in environment variables\n  - A is required but not set',
    );
  });
});
