import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import type { OutgoingEvent } from '@medmentor/contracts';
import type { TenantScoped } from '@medmentor/auth';
import { withOutbox } from '@medmentor/messaging';
import { isDuplicateKey } from '../directory/directory.repository';
import { allDuplicates, failedIndexes } from './meeting.repository';
import { Match, type KickoffState, type MatchResource } from './schemas/match.schema';

@Injectable()
export class MatchRepository {
  constructor(@InjectModel(Match.name) private readonly model: Model<Match>) {}

  /**
   * Records an activated match once and returns it as stored: a redelivery, or a replica
   * handling the same activation, gets the first one's document. An insert, not an upsert:
   * FerretDB leaves the empty arrays of an upsert's `$setOnInsert` out of the stored document.
   */
  async record(doc: Match): Promise<Match | null> {
    try {
      await this.model.create(doc);
      return doc;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return this.find({ _id: doc._id, tenantId: doc.tenantId });
  }

  /**
   * `record` for several matches: one unordered insert; those that existed are read back as
   * stored. Answers in the order given (null for one that vanished meanwhile).
   */
  async recordMany(docs: readonly Match[]): Promise<(Match | null)[]> {
    if (docs.length === 0) return [];
    let existed: Match[] = [];
    try {
      await this.model.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!allDuplicates(error)) throw error;
      existed = failedIndexes(error).map((index) => docs[index]);
    }
    const stored = new Map<string, Match>();
    for (const tenantId of new Set(existed.map((doc) => doc.tenantId))) {
      const ids = existed.filter((doc) => doc.tenantId === tenantId).map((doc) => doc._id);
      const found = await this.model
        .find({ tenantId, _id: { $in: ids } })
        .lean<Match[]>()
        .exec();
      for (const match of found) stored.set(match._id, match);
    }
    const inserted = new Set(docs.filter((doc) => !existed.includes(doc)));
    return docs.map((doc) => (inserted.has(doc) ? doc : (stored.get(doc._id) ?? null)));
  }

  find(filter: TenantScoped<{ _id: string }>): Promise<Match | null> {
    return this.model.findOne(filter).lean<Match>().exec();
  }

  /**
   * Sets the planning outcome once, with its events: while none is set, or (a kickoff chosen
   * after `no-common-slot`) only while the outcome is still `from`.
   */
  async settlePlanning(
    filter: TenantScoped<{ _id: string }>,
    set: Partial<Match>,
    events: OutgoingEvent[],
    from?: KickoffState,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { ...filter, status: 'active', kickoff: from ?? { $exists: false } },
        withOutbox({ $set: set }, events),
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** `settlePlanning` without events for several matches, in one bulk write. */
  async settleMany(
    outcomes: readonly { filter: TenantScoped<{ _id: string }>; set: Partial<Match> }[],
  ): Promise<void> {
    if (outcomes.length === 0) return;
    await this.model.bulkWrite(
      outcomes.map(({ filter, set }) => ({
        updateOne: {
          filter: { ...filter, status: 'active', kickoff: { $exists: false } },
          update: { $set: set },
        },
      })),
      { ordered: false },
    );
  }

  /** Ends an active match; false when it was not active (already ended, or unknown). */
  async end(filter: TenantScoped<{ _id: string }>, endedAt: Date): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { ...filter, status: 'active' },
        { $set: { status: 'ended', endedAt }, $unset: { reviewAt: '' } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** Applies a review only if nobody reviewed the match since it was read (`rev`). */
  async review(
    filter: TenantScoped<{ _id: string }>,
    rev: number,
    update: UpdateQuery<Match>,
    events: OutgoingEvent[],
  ): Promise<boolean> {
    const result = await this.model
      .updateOne({ ...filter, rev }, withOutbox({ ...update, $inc: { rev: 1 } }, events))
      .exec();
    return result.modifiedCount === 1;
  }

  async requestReview(filter: TenantScoped<{ _id: string }>, at: Date): Promise<void> {
    await this.model.updateOne({ ...filter, status: 'active' }, { $set: { reviewAt: at } }).exec();
  }

  /** Active matches due for review, across tenants (the time-driven work). */
  dueForReview(now: Date, limit: number): Promise<Match[]> {
    return this.model
      .find({ status: 'active', reviewAt: { $lte: now } })
      .sort({ reviewAt: 1 })
      .limit(limit)
      .lean<Match[]>()
      .exec();
  }

  /** Active matches whose planning has not happened yet (profiles data was missing). */
  unplanned(before: Date, limit: number): Promise<Match[]> {
    return this.model
      .find({ status: 'active', kickoff: { $exists: false }, createdAt: { $lte: before } })
      .limit(limit)
      .lean<Match[]>()
      .exec();
  }

  forProgram(filter: TenantScoped<{ programId: string }>): Promise<Match[]> {
    return this.model.find(filter).lean<Match[]>().exec();
  }

  /** Active planned matches whose stored check-ins end before `before`, across tenants. */
  seriesDue(before: Date, limit: number): Promise<Match[]> {
    return this.model
      .find({ status: 'active', 'series.horizon': { $lt: before } })
      .sort({ 'series.horizon': 1 })
      .limit(limit)
      .lean<Match[]>()
      .exec();
  }

  /** Moves the series' horizon on, only from the value the caller extended from. */
  async advanceHorizon(
    filter: TenantScoped<{ _id: string }>,
    from: Date,
    to: Date,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne({ ...filter, 'series.horizon': from }, { $set: { 'series.horizon': to } })
      .exec();
    return result.modifiedCount === 1;
  }

  async addResource(
    filter: TenantScoped<{ _id: string }>,
    resource: Match['resources'][number],
  ): Promise<boolean> {
    const result = await this.model.updateOne(filter, { $push: { resources: resource } }).exec();
    return result.matchedCount === 1;
  }

  /** Removes one resource, pulled as the whole element read (FerretDB pulls by equality only). */
  async removeResource(
    filter: TenantScoped<{ _id: string }>,
    resource: MatchResource,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne({ ...filter, 'resources.id': resource.id }, { $pull: { resources: resource } })
      .exec();
    return result.modifiedCount === 1;
  }
}
