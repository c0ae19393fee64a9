import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import type { OutgoingEvent } from '@medmentor/contracts';
import type { DeclinedPair } from '@medmentor/matching-engine';
import { outboxFields, withOutbox } from '@medmentor/messaging';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { isDuplicateKey } from '../read-model/guarded-upsert';
import type { LiveLoad } from '../scoring/scoring-inputs';
import { LIVE_STATUSES, Match, type MatchStatus } from './schemas/match.schema';

export interface MatchListFilter {
  programId?: string;
  status?: MatchStatus;
  /** Either side. */
  physicianId?: string;
}

@Injectable()
export class MatchRepository {
  constructor(@InjectModel(Match.name) private readonly model: Model<Match>) {}

  /** Inserts a match with its events; false when its id or its mentee seat is already taken. */
  async insert(doc: Match, events: OutgoingEvent[]): Promise<boolean> {
    try {
      await this.model.create({ ...doc, ...outboxFields(events) });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async find(filter: TenantScoped<{ _id: string }>): Promise<Match | null> {
    return this.model.findOne(filter).lean<Match>().exec();
  }

  /**
   * Applies a change only if the match is still at `version` (and in `status`): one atomic
   * single-document update with its events. Two replicas or two clicks: one wins, the other
   * gets 'stale'.
   */
  async transition(
    filter: TenantScoped<{ _id: string; version: number; status: MatchStatus }>,
    set: Partial<Match>,
    events: OutgoingEvent[],
  ): Promise<'updated' | 'stale'> {
    const update: UpdateQuery<Match> = { $set: { ...set, version: filter.version + 1 } };
    try {
      const result = await this.model.updateOne(filter, withOutbox(update, events)).exec();
      return result.matchedCount === 1 ? 'updated' : 'stale';
    } catch (error) {
      // Reactivating a seat someone else took meanwhile.
      if (isDuplicateKey(error)) return 'stale';
      throw error;
    }
  }

  async list(filter: TenantScoped<MatchListFilter>, page: PageRequest): Promise<Match[]> {
    const { tenantId, programId, status, physicianId } = filter;
    return this.model
      .find({
        tenantId,
        ...(programId !== undefined && { programId }),
        ...(status !== undefined && { status }),
        ...(physicianId !== undefined && {
          $or: [{ menteeId: physicianId }, { mentorId: physicianId }],
        }),
        ...keysetCondition(page.after),
      })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<Match[]>()
      .exec();
  }

  /** Places taken by live matches: per mentor across the tenant, per provider enrollment in the program. */
  async liveLoad(filter: TenantScoped<{ programId: string }>): Promise<LiveLoad> {
    const live = await this.model
      .find({ tenantId: filter.tenantId, status: { $in: LIVE_STATUSES } })
      .select({ mentorId: 1, mentorEnrollmentId: 1, programId: 1 })
      .lean<Pick<Match, 'mentorId' | 'mentorEnrollmentId' | 'programId'>[]>()
      .exec();
    const byPhysician = new Map<string, number>();
    const byEnrollment = new Map<string, number>();
    for (const match of live) {
      byPhysician.set(match.mentorId, (byPhysician.get(match.mentorId) ?? 0) + 1);
      if (match.programId === filter.programId)
        byEnrollment.set(
          match.mentorEnrollmentId,
          (byEnrollment.get(match.mentorEnrollmentId) ?? 0) + 1,
        );
    }
    return { byPhysician, byEnrollment };
  }

  /** Live seats of mentees in the program: `<menteeEnrollmentId>:<role>`. */
  async liveSeats(filter: TenantScoped<{ programId: string }>): Promise<Set<string>> {
    const live = await this.model
      .find({ ...filter, status: { $in: LIVE_STATUSES } })
      .select({ menteeEnrollmentId: 1, role: 1 })
      .lean<Pick<Match, 'menteeEnrollmentId' | 'role'>[]>()
      .exec();
    return new Set(live.map((m) => `${m.menteeEnrollmentId}:${m.role}`));
  }

  /** Pairs one side declined in this program: never proposed again. */
  async declinedPairs(filter: TenantScoped<{ programId: string }>): Promise<DeclinedPair[]> {
    const declined = await this.model
      .find({ ...filter, status: 'declined' })
      .select({ menteeId: 1, mentorId: 1 })
      .lean<Pick<Match, 'menteeId' | 'mentorId'>[]>()
      .exec();
    return declined.map((m) => ({ mentee: m.menteeId, mentor: m.mentorId }));
  }

  /** Proposals whose deadline passed, any tenant (the expiry sweep). */
  async overdue(now: Date, limit: number): Promise<Match[]> {
    return this.model
      .find({ status: 'proposed', responseDeadline: { $lt: now } })
      .sort({ responseDeadline: 1 })
      .limit(limit)
      .lean<Match[]>()
      .exec();
  }

  /** Live matches a physician takes part in. */
  async liveOfPhysician(filter: TenantScoped<{ physicianId: string }>): Promise<Match[]> {
    return this.model
      .find({
        tenantId: filter.tenantId,
        status: { $in: LIVE_STATUSES },
        $or: [{ menteeId: filter.physicianId }, { mentorId: filter.physicianId }],
      })
      .lean<Match[]>()
      .exec();
  }

  /** Live matches of a program, or of one enrollment in it (on either side). */
  async liveOf(
    filter: TenantScoped<{ programId: string; enrollmentId?: string }>,
  ): Promise<Match[]> {
    const { tenantId, programId, enrollmentId } = filter;
    return this.model
      .find({
        tenantId,
        programId,
        status: { $in: LIVE_STATUSES },
        ...(enrollmentId !== undefined && {
          $or: [{ menteeEnrollmentId: enrollmentId }, { mentorEnrollmentId: enrollmentId }],
        }),
      })
      .lean<Match[]>()
      .exec();
  }

  /** Removes the score explanations that describe the physician. */
  async anonymise(filter: TenantScoped<{ physicianId: string }>): Promise<void> {
    await this.model
      .updateMany(
        {
          tenantId: filter.tenantId,
          $or: [{ menteeId: filter.physicianId }, { mentorId: filter.physicianId }],
        },
        { $set: { anonymised: true }, $unset: { factors: '', declineReason: '' } },
      )
      .exec();
  }
}
