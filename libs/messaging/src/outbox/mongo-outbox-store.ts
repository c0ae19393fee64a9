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

  /**
   * One update per distinct entry count instead of two per document (on FerretDB every update
   * whose filter is more than `{ _id }` scans the whole collection). A document this relay still
   * leases that holds as many entries as were claimed holds exactly the claimed ones: entries
   * are only appended, and only the lease holder removes them. So those documents are emptied at
   * once; a document that received entries meanwhile still holds the lease afterwards and gets
   * the exact `$pullAll` of `acknowledge`.
   */
  async acknowledgeAll(claims: readonly ClaimedOutbox[]): Promise<void> {
    const byCount = new Map<number, ClaimedOutbox[]>();
    for (const claim of claims) {
      byCount.set(claim.entries.length, [...(byCount.get(claim.entries.length) ?? []), claim]);
    }
    for (const [count, group] of byCount) {
      for (const token of new Set(group.map((claim) => claim.token))) {
        const ids = group.filter((claim) => claim.token === token).map((claim) => claim.documentId);
        await this.collection.updateMany(
          { _id: { $in: ids as never[] }, [lockedBy]: token, [entries]: { $size: count } },
          { $set: { [entries]: [], [pending]: false }, $unset: { [lockedBy]: '', [lockedUntil]: '' } },
        );
      }
    }
    const left = await this.collection
      .find(
        { _id: { $in: claims.map((claim) => claim.documentId) as never[] }, [lockedBy]: { $in: [...new Set(claims.map((c) => c.token))] } },
        { projection: { _id: 1, [lockedBy]: 1 } },
      )
      .toArray();
    for (const doc of left) {
      const claim = claims.find((c) => String(c.documentId) === String(doc._id) && c.token === doc[lockedBy]);
      if (claim) await this.acknowledge(claim);
    }
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
