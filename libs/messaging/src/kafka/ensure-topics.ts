import type { Admin } from 'kafkajs';
import { deadLetterTopicOf } from '@medmentor/contracts';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

/** Creates each topic and its dead-letter topic if missing. Existing topics are left alone. */
export const ensureTopics = async (
  admin: Admin,
  topics: readonly string[],
  settings: TopicSettings,
): Promise<string[]> => {
  const wanted = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]))];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor,
      })),
    });
  }
  return missing;
};
