import type { Db, MongoClient } from 'mongodb';
import { MetricsRegistry } from '@medmentor/platform';
import { kafkaBrokers, mongoUri, uniqueName } from '@medmentor/testing';
import { ConsumerLagMonitor } from '../src/consumer/consumer-lag';
import { KafkaConnection } from '../src/kafka/kafka-connection';
import { resolveMessagingOptions } from '../src/kafka/messaging-options';
import { consumerLagMetrics, outboxMetrics } from '../src/nest/messaging-metrics';
import { OUTBOX_FIELDS } from '../src/outbox/outbox-entry';
import { MongoOutboxStore } from '../src/outbox/mongo-outbox-store';
import { connectDb } from './outbox-harness';

/** The value of one sample in the Prometheus text, or undefined when absent. */
const sample = (text: string, name: string, labels: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(' ').pop());
};

describe('messaging metrics on the real broker and database', () => {
  const connection = new KafkaConnection(
    resolveMessagingOptions({
      serviceName: 'integration',
      brokers: kafkaBrokers(),
      clientId: uniqueName('metrics'),
    }),
  );

  beforeAll(async () => {
    await connection.connect();
  });

  afterAll(async () => {
    await connection.disconnect();
  });

  it('reports consumer lag per group, topic and partition from committed and end offsets', async () => {
    const topic = uniqueName('it.lag');
    const group = uniqueName('it-lag-group');
    await connection.admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    });
    // 5, 3 and 2 messages on partitions 0, 1 and 2.
    await connection.producer.send({
      topic,
      acks: -1,
      messages: [0, 0, 0, 0, 0, 1, 1, 1, 2, 2].map((partition, i) => ({
        partition,
        value: `m${i}`,
      })),
    });
    // The group has processed 4 of partition 0 and all of partition 1; never committed on 2.
    await connection.admin.setOffsets({
      groupId: group,
      topic,
      partitions: [
        { partition: 0, offset: '4' },
        { partition: 1, offset: '3' },
      ],
    });

    const metrics = new MetricsRegistry();
    const monitor = new ConsumerLagMonitor(
      connection.admin,
      group,
      [topic],
      consumerLagMetrics(metrics),
    );
    await monitor.refresh();
    let text = await metrics.metrics();
    const labels = (partition: number) =>
      `group="${group}",topic="${topic}",partition="${partition}"`;
    expect([0, 1, 2].map((p) => sample(text, 'medmentor_consumer_lag', labels(p)))).toEqual([
      1, 0, 2,
    ]);

    // More messages raise the lag; a commit lowers it.
    await connection.producer.send({
      topic,
      acks: -1,
      messages: [{ partition: 1, value: 'late' }],
    });
    await connection.admin.setOffsets({
      groupId: group,
      topic,
      partitions: [{ partition: 0, offset: '5' }],
    });
    await monitor.refresh();
    text = await metrics.metrics();
    expect([0, 1, 2].map((p) => sample(text, 'medmentor_consumer_lag', labels(p)))).toEqual([
      0, 1, 2,
    ]);
    await monitor.stop();
    await connection.admin.deleteTopics({ topics: [topic] });
  });

  describe('outbox backlog and age', () => {
    let client: MongoClient;
    let db: Db;

    beforeAll(async () => {
      ({ client, db } = await connectDb(
        mongoUri(),
        uniqueName('it_outbox_age').replace(/-/g, '_'),
      ));
    });

    afterAll(async () => {
      await db.dropDatabase();
      await client.close();
    });

    it('reports the pending documents and the age of the oldest pending entry', async () => {
      const collection = db.collection('aggregates');
      const store = new MongoOutboxStore(collection);
      const metrics = new MetricsRegistry();
      outboxMetrics(metrics, [store]);
      const entry = (id: string, ageSeconds: number) => ({
        id,
        createdAt: new Date(Date.now() - ageSeconds * 1000),
      });

      let text = await metrics.metrics();
      expect(sample(text, 'medmentor_outbox_pending_documents', 'collection="aggregates"')).toBe(0);
      expect(
        sample(text, 'medmentor_outbox_oldest_pending_age_seconds', 'collection="aggregates"'),
      ).toBe(0);

      await collection.insertMany([
        {
          _id: 'a' as never,
          [OUTBOX_FIELDS.entries]: [entry('a1', 30), entry('a2', 5)],
          [OUTBOX_FIELDS.pending]: true,
        },
        {
          _id: 'b' as never,
          [OUTBOX_FIELDS.entries]: [entry('b1', 600)],
          [OUTBOX_FIELDS.pending]: true,
        },
        { _id: 'c' as never, [OUTBOX_FIELDS.entries]: [], [OUTBOX_FIELDS.pending]: false },
      ]);
      text = await metrics.metrics();
      expect(sample(text, 'medmentor_outbox_pending_documents', 'collection="aggregates"')).toBe(2);
      const age = sample(
        text,
        'medmentor_outbox_oldest_pending_age_seconds',
        'collection="aggregates"',
      )!;
      expect(age).toBeGreaterThanOrEqual(600);
      expect(age).toBeLessThan(660);
    });
  });
});
