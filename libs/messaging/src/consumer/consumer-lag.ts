import { Logger } from '@nestjs/common';
import type { Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages not yet committed by the group: log end offset minus committed offset. */
  lag: number;
}

interface PartitionEnd {
  partition: number;
  /** Log end offset (high watermark). */
  high: string;
  /** Log start offset. */
  low: string;
}

/**
 * Lag per partition. A group without a committed offset on a partition starts from the
 * beginning (the consumer subscribes `fromBeginning`), so its lag is everything retained.
 */
export const partitionLags = (
  topic: string,
  ends: readonly PartitionEnd[],
  committed: ReadonlyArray<{ partition: number; offset: string }>,
): PartitionLag[] => {
  const committedBy = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return ends.map((end) => {
    const high = Number(end.high);
    const offset = committedBy.get(end.partition);
    const from = offset !== undefined && offset >= 0 ? offset : Number(end.low);
    return { topic, partition: end.partition, lag: Math.max(0, high - from) };
  });
};

export type LagSink = (group: string, lags: readonly PartitionLag[]) => void;

/**
 * Reads the group's committed offsets and the topics' end offsets through the long-lived
 * admin client every `intervalMs` (two cheap metadata requests per topic), and hands the
 * result to `sink`. A failed refresh keeps the previous figures and is logged once per
 * failure streak.
 */
export class ConsumerLagMonitor {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
    private readonly topics: readonly string[],
    private readonly sink: LagSink,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
    void this.refresh();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One refresh; concurrent calls share the one in progress. */
  refresh(): Promise<void> {
    this.running ??= this.measure().finally(() => (this.running = undefined));
    return this.running;
  }

  private async measure(): Promise<void> {
    try {
      const committed = await this.admin.fetchOffsets({
        groupId: this.groupId,
        topics: [...this.topics],
      });
      const lags: PartitionLag[] = [];
      for (const topic of this.topics) {
        const ends = await this.admin.fetchTopicOffsets(topic);
        lags.push(
          ...partitionLags(topic, ends, committed.find((c) => c.topic === topic)?.partitions ?? []),
        );
      }
      this.sink(this.groupId, lags);
      if (this.failing) this.logger.log('consumer lag readable again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`consumer lag not readable: ${(error as Error).message}`);
      this.failing = true;
    }
  }
}
