import type { Collection } from 'mongodb';

export interface ProcessedEventRecord {
  _id: string;
  group: string;
  eventId: string;
  type: string;
  topic: string;
  partition: number;
  offset: string;
  processedAt: Date;
}

export interface ProcessedEvents {
  has(group: string, eventId: string): Promise<boolean>;
  record(record: Omit<ProcessedEventRecord, '_id' | 'processedAt'>): Promise<void>;
}

const DUPLICATE_KEY = 11000;

/**
 * Processed-event ids per consumer group (`_id` = group:eventId, unique by construction).
 * Cleaned by `prune`, since FerretDB has no TTL indexes.
 */
export class MongoProcessedEvents implements ProcessedEvents {
  constructor(private readonly collection: Collection<ProcessedEventRecord>) {}

  static key(group: string, eventId: string): string {
    return `${group}:${eventId}`;
  }

  async has(group: string, eventId: string): Promise<boolean> {
    const found = await this.collection.findOne({ _id: MongoProcessedEvents.key(group, eventId) }, { projection: { _id: 1 } });
    return found !== null;
  }

  async record(record: Omit<ProcessedEventRecord, '_id' | 'processedAt'>): Promise<void> {
    try {
      await this.collection.insertOne({
        ...record,
        _id: MongoProcessedEvents.key(record.group, record.eventId),
        processedAt: new Date(),
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /** Deletes records older than the retention; redeliveries come within minutes, not weeks. */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.collection.deleteMany({ processedAt: { $lt: olderThan } });
    return result.deletedCount;
  }

  async ensureIndexes(): Promise<void> {
    // Serves prune's range delete.
    await this.collection.createIndex({ processedAt: 1 });
  }
}
