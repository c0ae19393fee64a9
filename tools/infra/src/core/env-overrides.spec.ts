import { decideSources, parseKafkaBrokers, parseMongoUri, parseSmtpUrl } from './env-overrides';

describe('decideSources', () => {
  it('starts everything when no server is named', () => {
    expect(decideSources({})).toEqual({ kafka: { kind: 'managed' }, mongo: { kind: 'managed' }, smtp: { kind: 'managed' } });
  });

  it('uses servers named by KAFKA_BROKERS, MONGODB_URI and SMTP_URL', () => {
    const sources = decideSources({
      KAFKA_BROKERS: 'localhost:9092,localhost:9093',
      MONGODB_URI: 'mongodb://localhost:27017/?replicaSet=rs0',
      SMTP_URL: 'smtp://localhost:1025',
    });
    expect(sources.kafka).toEqual({ kind: 'external', envVar: 'KAFKA_BROKERS', value: 'localhost:9092,localhost:9093' });
    expect(sources.mongo).toEqual({ kind: 'external', envVar: 'MONGODB_URI', value: 'mongodb://localhost:27017/?replicaSet=rs0' });
    expect(sources.smtp).toEqual({ kind: 'external', envVar: 'SMTP_URL', value: 'smtp://localhost:1025' });
  });

  it('mixes: only the named ones are borrowed; blank counts as unset', () => {
    const sources = decideSources({ MONGODB_URI: 'mongodb://db:27017', KAFKA_BROKERS: '  ' });
    expect(sources.kafka.kind).toBe('managed');
    expect(sources.mongo.kind).toBe('external');
    expect(sources.smtp.kind).toBe('managed');
  });

  it('fails early on malformed values', () => {
    expect(() => decideSources({ KAFKA_BROKERS: 'localhost' })).toThrow(/host:port/);
    expect(() => decideSources({ MONGODB_URI: 'postgres://x' })).toThrow(/mongodb:\/\//);
    expect(() => decideSources({ SMTP_URL: 'http://x:25' })).toThrow(/smtp:\/\//);
  });
});

describe('parsers', () => {
  it('parses broker lists, IPv6 included', () => {
    expect(parseKafkaBrokers('a:1, b:2')).toEqual([
      { host: 'a', port: 1 },
      { host: 'b', port: 2 },
    ]);
    expect(parseKafkaBrokers('[::1]:9092')).toEqual([{ host: '[::1]', port: 9092 }]);
    expect(() => parseKafkaBrokers('a:99999')).toThrow();
    expect(() => parseKafkaBrokers(',')).toThrow(/empty/);
  });

  it('parses SMTP URLs with default ports', () => {
    expect(parseSmtpUrl('smtp://127.0.0.1:2525')).toEqual({ host: '127.0.0.1', port: 2525 });
    expect(parseSmtpUrl('smtp://mail')).toEqual({ host: 'mail', port: 25 });
    expect(parseSmtpUrl('smtps://mail')).toEqual({ host: 'mail', port: 465 });
    expect(() => parseSmtpUrl('not a url')).toThrow(/not a URL/);
  });

  it('accepts mongodb and mongodb+srv URIs', () => {
    expect(parseMongoUri(' mongodb+srv://cluster.example ')).toBe('mongodb+srv://cluster.example');
  });
});
