import {
  kafkaServerProperties,
  parseProperties,
  renderKafkaLog4jProperties,
  renderKafkaServerProperties,
} from './server-properties';

describe('Kafka server.properties', () => {
  const props = parseProperties(
    renderKafkaServerProperties({ brokerPort: 19092, controllerPort: 19093, logDir: '/cache/kafka/data/kraft-logs' }),
  );

  it('describes a single combined KRaft node on loopback', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('node.id')).toBe('1');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
    expect(props.get('listener.security.protocol.map')).toBe('CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT');
    expect(props.get('log.dirs')).toBe('/cache/kafka/data/kraft-logs');
  });

  it('uses one replica and fast-test settings', () => {
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.min.isr')).toBe('1');
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(props.get('offsets.topic.num.partitions')).toBe('1');
    expect(props.get('transaction.state.log.num.partitions')).toBe('1');
    expect(props.get('auto.create.topics.enable')).toBe('false');
    expect(props.get('num.partitions')).toBe('3');
  });

  it('never binds beyond loopback and has no duplicate keys', () => {
    const entries = kafkaServerProperties({ brokerPort: 1, controllerPort: 2, logDir: '/d' });
    const keys = entries.map(([k]) => k);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [key, value] of entries) {
      if (key.includes('listeners') || key === 'controller.quorum.voters') expect(value).not.toMatch(/0\.0\.0\.0|localhost/);
    }
  });

  it('honours a custom partition count', () => {
    const custom = kafkaServerProperties({ brokerPort: 1, controllerPort: 2, logDir: '/d', numPartitions: 1 });
    expect(new Map(custom).get('num.partitions')).toBe('1');
  });

  it('logs warnings to a file with log4j 1 syntax', () => {
    const log4j = parseProperties(renderKafkaLog4jProperties('/cache/kafka/data/server.log'));
    expect(log4j.get('log4j.rootLogger')).toBe('WARN, file');
    expect(log4j.get('log4j.appender.file.File')).toBe('/cache/kafka/data/server.log');
  });
});
