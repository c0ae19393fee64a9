import { Kafka, logLevel } from 'kafkajs';

export const PROBE_TOPIC = 'medmentor.infra.probe';

export interface KafkaProbeOptions {
  /** Also create, list and delete a throwaway topic: proves the controller accepts writes. */
  roundTrip: boolean;
}

/** Throws unless the brokers answer describeCluster and listTopics. */
export async function probeKafka(brokers: string[], options: KafkaProbeOptions): Promise<void> {
  const kafka = new Kafka({
    clientId: 'medmentor-infra',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_500,
    requestTimeout: 10_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no broker registered yet');
    if (cluster.controller === null || cluster.controller < 0) throw new Error('no active controller yet');
    if (!options.roundTrip) {
      await admin.listTopics();
      return;
    }
    await admin.createTopics({
      topics: [{ topic: PROBE_TOPIC, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
      timeout: 10_000,
    });
    const topics = await admin.listTopics();
    if (!topics.includes(PROBE_TOPIC)) throw new Error(`created ${PROBE_TOPIC} but listTopics does not show it`);
    await admin.deleteTopics({ topics: [PROBE_TOPIC], timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}
