import { join } from 'node:path';
import { DEFAULT_MONGO_POOL_SIZE, DEFAULT_PORTS, loadInfraConfig, parsePort } from './infra-config';

describe('loadInfraConfig', () => {
  const root = '/repo';

  it('uses the default ports and .cache/infra under the repo root', () => {
    const config = loadInfraConfig(root, {});
    expect(config.cacheDir).toBe(join(root, '.cache', 'infra'));
    expect(config.stateFile).toBe(join(root, '.cache', 'infra', 'state.json'));
    expect(config.ports.kafka).toEqual({ port: DEFAULT_PORTS.kafka, envVar: 'INFRA_KAFKA_PORT', fromEnv: false });
    expect(config.ports.kafkaController.port).toBe(19093);
    expect(config.ports.mongo.port).toBe(27117);
    expect(config.ports.smtp.port).toBe(2525);
    expect(config.ports.smtpApi.port).toBe(8025);
  });

  it('takes ports and the cache folder from the environment', () => {
    const config = loadInfraConfig(root, {
      INFRA_KAFKA_PORT: '29092',
      INFRA_MONGO_PORT: '27999',
      INFRA_SMTP_PORT: '1025',
      INFRA_SMTP_API_PORT: '18025',
      INFRA_CACHE_DIR: 'tmp/infra-cache',
    });
    expect(config.ports.kafka).toEqual({ port: 29092, envVar: 'INFRA_KAFKA_PORT', fromEnv: true });
    expect(config.ports.kafkaController.port).toBe(29093);
    expect(config.ports.mongo.port).toBe(27999);
    expect(config.ports.smtp.port).toBe(1025);
    expect(config.ports.smtpApi.port).toBe(18025);
    expect(config.cacheDir).toBe(join(root, 'tmp', 'infra-cache'));
  });

  it('keeps an absolute cache folder as is and ignores empty values', () => {
    const config = loadInfraConfig(root, { INFRA_CACHE_DIR: '/var/cache/x', INFRA_MONGO_PORT: ' ' });
    expect(config.cacheDir).toBe('/var/cache/x');
    expect(config.ports.mongo.fromEnv).toBe(false);
  });

  it('rejects ports that are not ports', () => {
    expect(() => loadInfraConfig(root, { INFRA_MONGO_PORT: 'abc' })).toThrow(/INFRA_MONGO_PORT/);
    expect(() => parsePort('70000', 'X')).toThrow(/not a TCP port/);
    expect(() => parsePort('0', 'X')).toThrow();
    expect(() => loadInfraConfig(root, { INFRA_KAFKA_PORT: '65535' })).toThrow(/controller/);
    expect(() => loadInfraConfig(root, { INFRA_KAFKA_PORT: '9092', INFRA_KAFKA_CONTROLLER_PORT: '9092' })).toThrow(/differ/);
  });

  it('takes the database pool size from INFRA_MONGO_POOL_SIZE, within 1-64', () => {
    expect(loadInfraConfig(root, {}).mongoPoolSize).toBe(DEFAULT_MONGO_POOL_SIZE);
    expect(loadInfraConfig(root, { INFRA_MONGO_POOL_SIZE: '4' }).mongoPoolSize).toBe(4);
    expect(loadInfraConfig(root, { INFRA_MONGO_POOL_SIZE: ' ' }).mongoPoolSize).toBe(DEFAULT_MONGO_POOL_SIZE);
    for (const bad of ['0', '65', 'four', '2.5']) {
      expect(() => loadInfraConfig(root, { INFRA_MONGO_POOL_SIZE: bad })).toThrow(/INFRA_MONGO_POOL_SIZE/);
    }
  });
});
