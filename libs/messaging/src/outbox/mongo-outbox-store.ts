import { randomUUID } from 'node:crypto';
import type { Collection, Document } from 'mongodb';
import { OUTBOX_FIELDS, type OutboxEntry } from './outbox-entry';
import type { ClaimedOutbox, OutboxStore } from './outbox-store';

const { entries, pending, lockedBy, lockedUntil } = OUTBOX_FIELDS;

/**
 * Outbox entries embedded in the aggregate documents of one collection. Only operators
 * that FerretDB and MongoDB both support are used; `$pullAll` with the exact entries read
 * is the removal that works on both.
 */
export class MongoOutboxStore implements OutboxStore {
  constructor(private readonly collection: Collection<Document>) {}

  get name(): string {
    return this.collection.collectionName;
  }

  async claim(limit: number, leaseMs: number): Promise<ClaimedOutbox[]> {
    const now = new Date();
    const free = {
      [pending]: true,
      $or: [{ [lockedUntil]: { $exists: false } }, { [lockedUntil]: null }, { [lockedUntil]: { $lt: now } }],
    };
    const candidates = await this.collection.find(free, { projection: { _id: 1 }, limit }).toArray();
    if (candidates.length === 0) return [];
    const token = randomUUID();
    const ids = candidates.map((doc) => doc._id) as never[];
    await this.collection.updateMany(
      { ...free, _id: { $in: ids } },
      { $set: { [lockedBy]: token, [lockedUntil]: new Date(now.getTime() + leaseMs) } },
    );
    const held = await this.collection
      .find({ _id: { $in: ids }, [lockedBy]: token }, { projection: { [entries]: 1 } })
      .toArray();
    return held.map((doc) => ({
      documentId: doc._id,
      token,
      entries: (doc[entries] as OutboxEntry[] | undefined) ?? [],
    }));
  }

  async acknowledge(claim: ClaimedOutbox): Promise<void> {
    await this.collection.updateOne(
      { _id: claim.documentId as never, [lockedBy]: claim.token },
      { $pullAll: { [entries]: claim.entries }, $unset: { [lockedBy]: '', [lockedUntil]: '' } } as never,
    );
    // Events pushed meanwhile keep the array non-empty and the flag set.
    await this.collection.updateOne(
      { _id: claim.documentId as never, [entries]: { $size: 0 } },
      { $set: { [pending]: false } },
    );
  }

  async release(claim: ClaimedOutbox): Promise<void> {
    await this.collection.updateOne(
      { _id: claim.documentId as never, [lockedBy]: claim.token },
      { $unset: { [lockedBy]: '', [lockedUntil]: '' } },
    );
  }

  async backlog(): Promise<number> {
    return this.collection.countDocuments({ [pending]: true });
  }

  /**
   * Scans at most `scanLimit` pending documents (normally there are none or few). FerretDB
   * sorts by array paths unlike MongoDB, so the minimum is taken here, not by the server.
   */
  async oldestPendingAt(scanLimit = 1000): Promise<Date | null> {
    const docs = await this.collection
      .find({ [pending]: true }, { projection: { [`${entries}.createdAt`]: 1 }, limit: scanLimit })
      .toArray();
    let oldest: number | null = null;
    for (const doc of docs) {
      for (const entry of (doc[entries] as Array<{ createdAt?: Date }> | undefined) ?? []) {
        const time = entry.createdAt instanceof Date ? entry.createdAt.getTime() : NaN;
        if (!Number.isNaN(time) && (oldest === null || time < oldest)) oldest = time;
      }
    }
    return oldest === null ? null : new Date(oldest);
  }
}
