import { MongoBulkWriteError, type Collection, type WriteError } from 'mongodb';
import { GroupCommitQueue } from '../group-commit/group-commit-queue';

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
  /** Which of these event ids the group has processed. */
  processedAmong(group: string, eventIds: readonly string[]): Promise<Set<string>>;
  record(record: Omit<ProcessedEventRecord, '_id' | 'processedAt'>): Promise<void>;
}

const DUPLICATE_KEY = 11000;

type NewRecord = Omit<ProcessedEventRecord, '_id' | 'processedAt'>;

/**
 * Processed-event ids per consumer group (`_id` = group:eventId, unique by construction).
 * Records made while an insert runs (the consumer's partitions and keys finish concurrently)
 * are inserted together in the next one. Cleaned by `prune`, since FerretDB has no TTL indexes.
 */
export class MongoProcessedEvents implements ProcessedEvents {
  private readonly inserts = new GroupCommitQueue<NewRecord>((records) => this.insertAll(records), {
    maxItems: 500,
  });

  constructor(private readonly collection: Collection<ProcessedEventRecord>) {}

  static key(group: string, eventId: string): string {
    return `${group}:${eventId}`;
  }

  async has(group: string, eventId: string): Promise<boolean> {
    const found = await this.collection.findOne(
      { _id: MongoProcessedEvents.key(group, eventId) },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }

  async processedAmong(group: string, eventIds: readonly string[]): Promise<Set<string>> {
    const keys = [...new Set(eventIds)].map((id) => MongoProcessedEvents.key(group, id));
    const found = await this.collection
      .find({ _id: { $in: keys } }, { projection: { _id: 1 } })
      .toArray();
    const prefix = `${group}:`.length;
    return new Set(found.map((record) => record._id.slice(prefix)));
  }

  /** Resolves once the record is stored; a record already there counts as stored. */
  record(record: NewRecord): Promise<void> {
    return this.inserts.submit(record);
  }

  /** One unordered insert; answers an error only for the records that failed other than as duplicates. */
  private async insertAll(records: NewRecord[]): Promise<unknown[]> {
    const processedAt = new Date();
    const docs = records.map((record) => ({
      ...record,
      _id: MongoProcessedEvents.key(record.group, record.eventId),
      processedAt,
    }));
    try {
      await this.collection.insertMany(docs, { ordered: false });
      return records.map(() => undefined);
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const errors: unknown[] = records.map(() => undefined);
      const writeErrors: WriteError[] = ([] as WriteError[]).concat(error.writeErrors);
      // A bulk error without per-document errors (a write concern failure) fails them all.
      if (writeErrors.length === 0) throw error;
      for (const writeError of writeErrors) {
        if (writeError.code !== DUPLICATE_KEY)
          errors[writeError.index] = Object.assign(
            new Error(writeError.errmsg ?? 'insert failed'),
            { code: writeError.code },
          );
      }
      return errors;
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
