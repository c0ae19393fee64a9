import { parseProperties, renderProperties } from './server-properties';
import { secureKafkaPorts, secureKafkaServerProperties } from './secure-kafka';

describe('secure test broker', () => {
  it('takes its ports from INFRA_KAFKA_SECURE_PORT, the others following it', () => {
    expect(secureKafkaPorts({})).toMatchObject({
      saslSsl: { port: 19192 },
      controller: { port: 19193 },
      mtls: { port: 19194 },
    });
    expect(
      secureKafkaPorts({ INFRA_KAFKA_SECURE_PORT: '39192', INFRA_KAFKA_MTLS_PORT: '39300' }),
    ).toMatchObject({
      saslSsl: { port: 39192, fromEnv: true },
      controller: { port: 39193, fromEnv: false },
      mtls: { port: 39300, fromEnv: true },
    });
    expect(() => secureKafkaPorts({ INFRA_KAFKA_SECURE_PORT: 'x' })).toThrow(
      'INFRA_KAFKA_SECURE_PORT',
    );
    expect(() =>
      secureKafkaPorts({ INFRA_KAFKA_SECURE_PORT: '100', INFRA_KAFKA_MTLS_PORT: '100' }),
    ).toThrow('three different');
  });

  it('exposes only secured client listeners on loopback', () => {
    const props = parseProperties(
      renderProperties(
        secureKafkaServerProperties(
          { saslSsl: 1, controller: 2, mtls: 3 },
          '/d',
          { caCert: '/t/ca.crt', serverKeystore: '/t/server.p12', keystorePassword: 'pw' },
          { username: 'u', password: 'p' },
        ),
      ),
    );
    expect(props.get('listeners')).toBe(
      'SASL_SSL://127.0.0.1:1,SSL://127.0.0.1:3,CONTROLLER://127.0.0.1:2',
    );
    expect(props.get('advertised.listeners')).toBe('SASL_SSL://127.0.0.1:1,SSL://127.0.0.1:3');
    expect(props.get('listener.name.ssl.ssl.client.auth')).toBe('required');
    expect(props.get('sasl.enabled.mechanisms')).toBe('PLAIN,SCRAM-SHA-256,SCRAM-SHA-512');
    expect(props.get('listener.name.sasl_ssl.plain.sasl.jaas.config')).toContain('user_u="p"');
    expect(props.get('auto.create.topics.enable')).toBe('false');
  });
});
