import { randomUUID } from 'node:crypto';
import type { Collection, Db, Document } from 'mongodb';
import { OUTBOX_FIELDS, type OutboxEntry } from './outbox-entry';
import type { ClaimedOutbox, OutboxStore } from './outbox-store';

const { entries, pending, lockedBy, lockedUntil } = OUTBOX_FIELDS;

/** Collection holding one lease document per outbox collection: which relay publishes it. */
export const OUTBOX_LEASES_COLLECTION = 'outbox_leases';

interface LeaseDoc {
  _id: string;
  owner: string;
  until: Date;
}

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/**
 * Per-document leases (`_outboxLockedBy`/`_outboxLockedUntil`) are no longer written, but a
 * live one taken by an older relay (during a rolling deploy) is still respected.
 */
const noLiveDocumentLease = (now: Date) => ({
  $or: [{ [lockedBy]: { $exists: false } }, { [lockedBy]: null }, { [lockedUntil]: { $lt: now } }],
});

/**
 * Outbox entries embedded in the aggregate documents of one collection. Only operators
 * that FerretDB and MongoDB both support are used.
 *
 * One relay at a time publishes a collection: it holds the collection's lease (a document in
 * `outbox_leases`, renewed by every claim, taken over by another relay once it expires). So a
 * claim writes nothing to the aggregates, and an acknowledgement is one write per document,
 * fenced by content rather than by a lock: entries are only appended, and removed only from the
 * front by an acknowledgement, so a document that still holds as many entries as were claimed,
 * the first of them the claimed first entry, holds exactly the claimed ones. Another relay that
 * took over an expired lease and published the same entries again (at least once) can therefore
 * never empty entries it did not publish.
 */
export class MongoOutboxStore implements OutboxStore {
  private readonly owner = randomUUID();
  private leaseHeld = false;

  constructor(private readonly collection: Collection<Document>) {}

  /** The leases collection in the same database (a mongoose collection reaches it through its connection). */
  private get leases(): Collection<LeaseDoc> {
    const { db, conn } = this.collection as Collection<Document> & { conn?: { db?: Db } };
    const database = db ?? conn?.db;
    if (!database) throw new Error(`no database for the outbox leases of ${this.name}`);
    return database.collection<LeaseDoc>(OUTBOX_LEASES_COLLECTION);
  }

  get name(): string {
    return this.collection.collectionName;
  }

  async claim(limit: number, leaseMs: number): Promise<ClaimedOutbox[]> {
    const now = new Date();
    const docs = await this.collection
      .find(
        { [pending]: true, ...noLiveDocumentLease(now) },
        { projection: { [entries]: 1 }, limit, batchSize: limit },
      )
      .toArray();
    // Nothing pending (the usual poll): no write at all.
    if (docs.length === 0 || !(await this.holdLease(leaseMs))) return [];
    return docs.map((doc) => ({
      documentId: doc._id,
      token: this.owner,
      entries: (doc[entries] as OutboxEntry[] | undefined) ?? [],
    }));
  }

  /** Takes or renews this collection's lease; false while another relay holds it. */
  private async holdLease(leaseMs: number): Promise<boolean> {
    const now = new Date();
    const until = new Date(now.getTime() + leaseMs);
    const renewed = await this.leases.updateOne(
      { _id: this.name, $or: [{ owner: this.owner }, { until: { $lt: now } }] },
      { $set: { owner: this.owner, until } },
    );
    if (renewed.matchedCount === 0) {
      try {
        await this.leases.insertOne({ _id: this.name, owner: this.owner, until });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        this.leaseHeld = false;
        return false;
      }
    }
    this.leaseHeld = true;
    return true;
  }

  /** Removes exactly the claimed entries (events pushed meanwhile stay, and keep the flag set). */
  async acknowledge(claim: ClaimedOutbox): Promise<void> {
    const now = new Date();
    await this.collection.updateOne(
      { _id: claim.documentId as never, ...noLiveDocumentLease(now) },
      {
        $pullAll: { [entries]: claim.entries },
        $unset: { [lockedBy]: '', [lockedUntil]: '' },
      } as never,
    );
    await this.collection.updateOne(
      { _id: claim.documentId as never, [entries]: { $size: 0 } },
      { $set: { [pending]: false } },
    );
  }

  /**
   * One update per distinct entry count instead of one per document (on FerretDB every update
   * whose filter is more than `_id` reads the documents it names). A document that received
   * entries meanwhile (or was acknowledged by another relay) is not matched; only then are the
   * claimed documents read again, and those still holding claimed entries get the exact
   * `$pullAll` of `acknowledge`.
   */
  async acknowledgeAll(claims: readonly ClaimedOutbox[]): Promise<void> {
    const now = new Date();
    const byCount = new Map<number, ClaimedOutbox[]>();
    for (const claim of claims) {
      byCount.set(claim.entries.length, [...(byCount.get(claim.entries.length) ?? []), claim]);
    }
    let emptied = 0;
    for (const [count, group] of byCount) {
      const result = await this.collection.updateMany(
        {
          _id: { $in: group.map((claim) => claim.documentId) as never[] },
          [entries]: { $size: count },
          ...(count > 0 && {
            [`${entries}.0.id`]: { $in: group.map((claim) => claim.entries[0].id) },
          }),
          ...noLiveDocumentLease(now),
        },
        {
          $set: { [entries]: [], [pending]: false },
          $unset: { [lockedBy]: '', [lockedUntil]: '' },
        },
      );
      emptied += result.matchedCount;
    }
    if (emptied === claims.length) return;
    const left = await this.collection
      .find(
        { _id: { $in: claims.map((claim) => claim.documentId) as never[] }, [pending]: true },
        { projection: { [entries]: 1 }, batchSize: claims.length },
      )
      .toArray();
    for (const doc of left) {
      const ids = new Set(
        ((doc[entries] as { id: string }[] | undefined) ?? []).map((entry) => entry.id),
      );
      const claim = claims.find((c) => String(c.documentId) === String(doc._id));
      if (claim && claim.entries.some((entry) => ids.has(entry.id))) await this.acknowledge(claim);
    }
  }

  /**
   * Gives the collection's lease back so another relay may publish at once; the entries stay
   * and are claimed again. Idempotent: the relay releases every claim of a failed batch.
   */
  async release(_claim: ClaimedOutbox): Promise<void> {
    if (!this.leaseHeld) return;
    this.leaseHeld = false;
    await this.leases.updateOne(
      { _id: this.name, owner: this.owner },
      { $set: { until: new Date(0) } },
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
