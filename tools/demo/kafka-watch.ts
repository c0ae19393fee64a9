// What the demo reads from Kafka: the match and meeting events (for latencies and counts), and
// how far each service's consumer group is behind (to know when the read models caught up).
import { Kafka, logLevel } from 'kafkajs';
import { decodeEvent, Topics } from '@medmentor/contracts';
import { kafkaBrokers, KafkaReader, waitFor } from '@medmentor/testing';

export interface SeenEvent {
  type: string;
  /** The envelope's time, in ms. */
  time: number;
  id: string;
  data: Record<string, unknown>;
}

const WATCHED = [
  Topics.ProfilesEnrollment,
  Topics.MatchingMatch,
  Topics.SchedulingMeeting,
  Topics.SchedulingRelationship,
] as const;

export class EventWatch {
  private readonly reader = new KafkaReader();
  private readonly admin = new Kafka({
    clientId: 'medmentor-demo',
    brokers: kafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).admin();
  private decodedUpTo = 0;
  private readonly decoded: SeenEvent[] = [];

  async start(): Promise<this> {
    await this.admin.connect();
    await this.reader.start([...WATCHED]);
    return this;
  }

  /** Every valid event read so far on the watched topics, in arrival order. */
  events(): SeenEvent[] {
    const messages = this.reader.messages;
    for (; this.decodedUpTo < messages.length; this.decodedUpTo++) {
      const message = messages[this.decodedUpTo];
      const decoded = decodeEvent(message.topic, message.value);
      if (!decoded.ok) continue;
      const envelope = decoded.envelope as unknown as {
        id: string;
        time: string;
        data: Record<string, unknown>;
      };
      this.decoded.push({
        type: decoded.type,
        id: envelope.id,
        time: Date.parse(envelope.time),
        data: envelope.data,
      });
    }
    return this.decoded;
  }

  of(type: string): SeenEvent[] {
    return this.events().filter((event) => event.type === type);
  }

  /** Messages not yet read by a consumer group on some topics (topics it never read count whole). */
  async lag(groupId: string, topics: readonly string[]): Promise<number> {
    let lag = 0;
    const committed = await this.admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const topic of topics) {
      const ends = await this.admin.fetchTopicOffsets(topic).catch(() => []);
      const group = committed.find((entry) => entry.topic === topic);
      for (const end of ends) {
        const at = Number(
          group?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1,
        );
        lag += Number(end.high) - Math.max(at, Number(end.low));
      }
    }
    return lag;
  }

  /** Waits until the service's consumer group has read everything on those topics. */
  async caughtUp(
    service: string,
    topics: readonly string[],
    timeoutMs = 600_000,
    onLag?: (lag: number) => void,
  ): Promise<void> {
    await waitFor(
      async () => {
        const lag = await this.lag(`medmentor-${service}`, topics);
        onLag?.(lag);
        return lag === 0;
      },
      { timeoutMs, intervalMs: 500, description: `${service} to read ${topics.join(', ')}` },
    );
  }

  async stop(): Promise<void> {
    await this.reader.stop();
    await this.admin.disconnect();
  }
}
