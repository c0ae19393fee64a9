import { parseConfig } from '@medmentor/platform';
import { runtimeConfigSchema } from './runtime-config.schema';

const env = {
  MONGODB_URI: 'mongodb://db:27017',
  KAFKA_BROKERS: 'kafka:9092',
  AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----',
  AUTH_ISSUER: 'medmentor-dev',
  AUTH_AUDIENCE: 'medmentor-api',
};

describe('runtimeConfigSchema', () => {
  it('gives each service its port, database and consumer group, with messaging defaults', () => {
    const result = parseConfig(runtimeConfigSchema('scheduling', 3003), env);
    expect(result).toMatchObject({
      ok: true,
      config: {
        PORT: 3003,
        MONGODB_DATABASE: 'medmentor_scheduling',
        KAFKA_GROUP_ID: 'medmentor-scheduling',
        KAFKA_CREATE_TOPICS: true,
        KAFKA_TOPIC_PARTITIONS: 3,
        OUTBOX_POLL_INTERVAL_MS: 250,
        CONSUMER_MAX_ATTEMPTS: 5,
      },
    });
  });

  it('names each bad messaging variable', () => {
    const result = parseConfig(runtimeConfigSchema('profiles', 3001), {
      ...env,
      KAFKA_CREATE_TOPICS: 'yes',
      CONSUMER_MAX_ATTEMPTS: '0',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.variable).sort()).toEqual(['CONSUMER_MAX_ATTEMPTS', 'KAFKA_CREATE_TOPICS']);
    }
  });
});
