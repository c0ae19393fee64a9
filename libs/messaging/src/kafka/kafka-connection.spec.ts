import { KafkaConnection, kafkaSecurityConfig } from './kafka-connection';
import { resolveMessagingOptions } from './messaging-options';

describe('kafkaSecurityConfig', () => {
  it('adds nothing for a plaintext broker without authentication', () => {
    expect(kafkaSecurityConfig(false, false)).toEqual({});
  });

  it('passes TLS material and SASL credentials in kafkajs terms', () => {
    expect(
      kafkaSecurityConfig(
        { ca: 'CA', cert: 'CERT', key: 'KEY', rejectUnauthorized: false },
        { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
      ),
    ).toEqual({
      ssl: { ca: 'CA', cert: 'CERT', key: 'KEY', rejectUnauthorized: false },
      sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
    });
  });
});

describe('KafkaConnection', () => {
  it('defaults to plaintext', () => {
    const options = resolveMessagingOptions({ serviceName: 'profiles', brokers: ['k:9092'] });
    expect(options).toMatchObject({ ssl: false, sasl: false, lagIntervalMs: 15_000 });
    expect(new KafkaConnection(options).options).toBe(options);
  });
});
