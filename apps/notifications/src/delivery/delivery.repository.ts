import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OutgoingEvent } from '@medmentor/contracts';
import type { TenantScoped } from '@medmentor/auth';
import { outboxFields, withOutbox } from '@medmentor/messaging';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { isDuplicateKeyOnly } from './duplicate-key';
import { DeliveryDeadLetter } from './schemas/dead-letter.schema';
import { Delivery, NO_LEASE, type DeliveryStatus } from './schemas/delivery.schema';

export type NewDelivery = Omit<Delivery, 'attempts' | 'lockedBy' | 'lockedUntil'> & {
  events?: OutgoingEvent[];
};

/** Outcomes of a dispatch batch, written together by `recordOutcomes`. */
export interface DeliveryOutcomes {
  finished: {
    id: string;
    token: string;
    changes: Partial<Delivery> & { status: DeliveryStatus };
    event: OutgoingEvent;
  }[];
  rescheduled: { id: string; token: string; attempts: number; dueAt: Date; lastError: string }[];
}

/** What erasure reads and rewrites of a delivery. */
export type NamedData = Pick<Delivery, '_id' | 'data' | 'mentions'>;

export interface DeliveryLogFilter {
  status?: DeliveryStatus;
  channel?: string;
  kind?: string;
  physicianId?: string;
}

/** Deliveries and dead letters: the only code touching these collections. */
@Injectable()
export class DeliveryRepository {
  constructor(
    @InjectModel(Delivery.name) private readonly model: Model<Delivery>,
    @InjectModel(DeliveryDeadLetter.name) private readonly deadLetters: Model<DeliveryDeadLetter>,
  ) {}

  /**
   * Inserts what does not exist yet. An existing id (a redelivered event) is a duplicate-key
   * error for that document only, and is ignored: its first version stands.
   */
  async insertNew(deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const docs = deliveries.map(({ events, ...delivery }) => ({
      ...delivery,
      attempts: 0,
      lockedUntil: NO_LEASE,
      ...outboxFields(events ?? []),
    }));
    try {
      // Through mongoose (whose hook wakes the outbox relay) only when some carry events;
      // otherwise straight through the driver, so the relay does not scan for nothing.
      if (deliveries.some((delivery) => (delivery.events?.length ?? 0) > 0))
        await this.model.insertMany(docs, { ordered: false });
      else
        await this.model.collection.insertMany(
          docs.map(
            (doc) =>
              Object.fromEntries(
                Object.entries(doc).filter(([, value]) => value !== undefined),
              ) as never,
          ),
          { ordered: false },
        );
    } catch (error) {
      if (!isDuplicateKeyOnly(error)) throw error;
    }
  }

  /**
   * Leases up to `limit` due deliveries to `token` until `leaseUntil`. A lease that expired
   * (a replica died mid-send) can be taken again; two replicas never hold one at once.
   */
  async claimDue(now: Date, limit: number, token: string, leaseUntil: Date): Promise<Delivery[]> {
    const free = { status: 'pending', dueAt: { $lte: now }, lockedUntil: { $lt: now } };
    const candidates = await this.model
      .find(free)
      .sort({ dueAt: 1 })
      .limit(limit)
      .select({ _id: 1 })
      .lean()
      .exec();
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c._id);
    await this.model
      .updateMany(
        { ...free, _id: { $in: ids } },
        { $set: { lockedBy: token, lockedUntil: leaseUntil } },
      )
      .exec();
    // Read back by the candidates' ids (not by the token alone, which no index serves), so a
    // claim reads the deliveries it took and not every pending one.
    return this.model
      .find({ _id: { $in: ids }, lockedBy: token, status: 'pending' })
      .lean<Delivery[]>()
      .exec();
  }

  /**
   * Ends and reschedules a dispatch batch's leased deliveries in one bulk write, each only if
   * its lease still holds (the same conditions as `finish` and `reschedule`).
   */
  async recordOutcomes(outcomes: DeliveryOutcomes): Promise<void> {
    const ops = [
      ...outcomes.finished.map(({ id, token, changes, event }) => ({
        updateOne: {
          filter: { _id: id, lockedBy: token },
          update: withOutbox(
            { $set: { ...changes, lockedUntil: NO_LEASE }, $unset: { lockedBy: 1 } },
            [event],
          ),
        },
      })),
      ...outcomes.rescheduled.map(({ id, token, attempts, dueAt, lastError }) => ({
        updateOne: {
          filter: { _id: id, lockedBy: token },
          update: {
            $set: { attempts, dueAt, lastError, lockedUntil: NO_LEASE },
            $unset: { lockedBy: 1 },
          },
        },
      })),
    ];
    if (ops.length === 0) return;
    await this.model.bulkWrite(ops as never, { ordered: false });
  }

  async recordDeadLetter(letter: DeliveryDeadLetter): Promise<void> {
    const { _id, ...fields } = letter;
    await this.deadLetters.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true }).exec();
  }

  /** Digest-queued items whose period ended, oldest first. */
  dueDigestItems(now: Date, limit: number): Promise<Delivery[]> {
    return this.model
      .find({ status: 'digest-queued', dueAt: { $lte: now } })
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean<Delivery[]>()
      .exec();
  }

  /** Every queued item of one digest (one physician, one period). */
  digestItems(filter: TenantScoped<{ digestKey: string }>): Promise<Delivery[]> {
    return this.model
      .find({ ...filter, status: 'digest-queued' })
      .lean<Delivery[]>()
      .exec();
  }

  /** Marks digest items as taken into `digestId`, each with its `skipped` event. */
  async markDigested(
    items: { id: string; event: OutgoingEvent }[],
    digestId: string,
    now: Date,
  ): Promise<void> {
    for (const item of items) {
      await this.model
        .updateOne(
          { _id: item.id, status: 'digest-queued' },
          withOutbox(
            { $set: { status: 'skipped', reason: 'digested', digestId, finishedAt: now } },
            [item.event],
          ),
        )
        .exec();
    }
  }

  findOne(key: TenantScoped<{ _id: string }>): Promise<Delivery | null> {
    return this.model.findOne(key).lean<Delivery>().exec();
  }

  list(filter: TenantScoped<DeliveryLogFilter>, page: PageRequest): Promise<Delivery[]> {
    return this.model
      .find({ ...filter, ...keysetCondition(page.after) })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<Delivery[]>()
      .exec();
  }

  /** Pending or queued messages to an erased physician: ids for their `skipped` events. */
  openFor(
    filter: TenantScoped<{ physicianId: string }>,
  ): Promise<
    Pick<Delivery, '_id' | 'kind' | 'channel' | 'attempts' | 'sourceEventId' | 'sourceEventType'>[]
  > {
    return this.model
      .find({ ...filter, status: { $in: ['pending', 'digest-queued'] } })
      .select({ _id: 1, kind: 1, channel: 1, attempts: 1, sourceEventId: 1, sourceEventType: 1 })
      .lean<Delivery[]>()
      .exec();
  }

  async skip(
    key: TenantScoped<{ _id: string }>,
    reason: string,
    event: OutgoingEvent,
    now: Date,
  ): Promise<void> {
    await this.model
      .updateOne(
        { ...key, status: { $in: ['pending', 'digest-queued'] } },
        withOutbox({ $set: { status: 'skipped', reason, finishedAt: now } }, [event]),
      )
      .exec();
  }

  /** Deliveries whose stored text names the physician (by `mentions`): digests. */
  mentioning(filter: TenantScoped<{ physicianId: string }>): Promise<NamedData[]> {
    return this.model
      .find({ tenantId: filter.tenantId, mentions: filter.physicianId })
      .select({ _id: 1, data: 1, mentions: 1 })
      .lean<NamedData[]>()
      .exec();
  }

  /** Digests stored before `mentions` was kept whose data matches `pattern`. */
  legacyDigestsMatching(
    filter: TenantScoped<{ kind: string; pattern: RegExp }>,
  ): Promise<NamedData[]> {
    return this.model
      .find({
        tenantId: filter.tenantId,
        kind: filter.kind,
        mentions: { $exists: false },
        data: { $regex: filter.pattern },
      })
      .select({ _id: 1, data: 1 })
      .lean<NamedData[]>()
      .exec();
  }

  /** The stored data of deliveries (to tell whom a legacy message named). */
  dataOf(filter: TenantScoped<{ ids: string[] }>): Promise<NamedData[]> {
    if (filter.ids.length === 0) return Promise.resolve([]);
    return this.model
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids } })
      .select({ _id: 1, data: 1 })
      .lean<NamedData[]>()
      .exec();
  }

  /** Writes back rewritten data (and what it still names), one bulk write. */
  async rewriteData(tenantId: string, deliveries: NamedData[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.model.bulkWrite(
      deliveries.map(({ _id, data, mentions }) => ({
        updateOne: {
          filter: { _id, tenantId },
          update: {
            $set: {
              ...(data !== undefined && { data }),
              ...(mentions !== undefined && { mentions }),
            },
          },
        },
      })),
      { ordered: false },
    );
  }

  /** Removes the message data of every delivery to the physician (the log keeps ids only). */
  async forgetData(filter: TenantScoped<{ physicianId: string }>): Promise<void> {
    await this.model.updateMany(filter, { $unset: { data: 1, lastError: 1 } }).exec();
  }
}
