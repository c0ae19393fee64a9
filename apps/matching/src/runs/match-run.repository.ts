import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import type { OutgoingEvent } from '@medmentor/contracts';
import { outboxFields, withOutbox } from '@medmentor/messaging';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { MatchRun } from './schemas/match-run.schema';

const leaseFree = (now: Date) => ({
  $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: null }, { leaseUntil: { $lt: now } }],
});

@Injectable()
export class MatchRunRepository {
  constructor(@InjectModel(MatchRun.name) private readonly model: Model<MatchRun>) {}

  async insert(run: MatchRun, events: OutgoingEvent[] = []): Promise<void> {
    await this.model.create({ ...run, ...outboxFields(events) });
  }

  async find(filter: TenantScoped<{ _id: string }>): Promise<MatchRun | null> {
    return this.model.findOne(filter).lean<MatchRun>().exec();
  }

  async list(filter: TenantScoped<{ programId: string }>, page: PageRequest): Promise<MatchRun[]> {
    return this.model
      .find({ ...filter, ...keysetCondition(page.after) })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<MatchRun[]>()
      .exec();
  }

  /** The oldest run that is queued, or running under a lease nobody renewed (its replica died). */
  async nextClaimable(now: Date): Promise<MatchRun | null> {
    return this.model
      .findOne({ status: { $in: ['queued', 'running'] }, ...leaseFree(now) })
      .sort({ createdAt: 1, _id: 1 })
      .lean<MatchRun>()
      .exec();
  }

  /**
   * Takes the run if nobody else did since it was read (same attempt count, lease still free):
   * only one replica wins, and the winner's events are written with the claim.
   */
  async claim(
    run: Pick<MatchRun, '_id' | 'tenantId' | 'attempts'>,
    now: Date,
    token: string,
    leaseUntil: Date,
    set: Partial<MatchRun>,
    events: OutgoingEvent[],
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        {
          _id: run._id,
          tenantId: run.tenantId,
          attempts: run.attempts,
          status: { $in: ['queued', 'running'] },
          ...leaseFree(now),
        },
        withOutbox(
          { $set: { ...set, lockedBy: token, leaseUntil }, $inc: { attempts: 1 } },
          events,
        ),
      )
      .exec();
    return result.matchedCount === 1;
  }

  /** Updates a run this replica holds (and renews its lease); false if it lost the run. */
  async updateHeld(
    run: Pick<MatchRun, '_id' | 'tenantId'>,
    token: string,
    set: Partial<MatchRun>,
    unset: readonly string[],
    events: OutgoingEvent[],
  ): Promise<boolean> {
    const update = {
      $set: set,
      ...(unset.length > 0 && { $unset: Object.fromEntries(unset.map((f) => [f, ''])) }),
    };
    const result = await this.model
      .updateOne(
        { _id: run._id, tenantId: run.tenantId, lockedBy: token },
        withOutbox(update, events),
      )
      .exec();
    return result.matchedCount === 1;
  }

  /** Fails a run abandoned too often, if it is still in the state it was read in. */
  async failAbandoned(
    run: Pick<MatchRun, '_id' | 'tenantId' | 'attempts'>,
    now: Date,
    set: Partial<MatchRun>,
    events: OutgoingEvent[],
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: run._id, tenantId: run.tenantId, attempts: run.attempts, ...leaseFree(now) },
        withOutbox({ $set: set, $unset: { lockedBy: '', leaseUntil: '' } }, events),
      )
      .exec();
    return result.matchedCount === 1;
  }

  /** The first earlier completed run of the program on the same input. */
  async earlierOnSameInput(
    filter: TenantScoped<{ programId: string; inputHash: string; exceptId: string }>,
  ): Promise<MatchRun[]> {
    return this.model
      .find({
        tenantId: filter.tenantId,
        programId: filter.programId,
        inputHash: filter.inputHash,
        status: 'completed',
        _id: { $ne: filter.exceptId },
      })
      .sort({ createdAt: 1, _id: 1 })
      .lean<MatchRun[]>()
      .exec();
  }

  /** Marks a completed run published, once. */
  async markPublished(
    filter: TenantScoped<{ _id: string }>,
    by: string,
    at: Date,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { ...filter, status: 'completed', publishedAt: { $exists: false } },
        { $set: { publishedAt: at, publishedBy: by } },
      )
      .exec();
    return result.matchedCount === 1;
  }
}
