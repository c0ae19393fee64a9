import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EnrollmentStatus, OutgoingEvent } from '@medmentor/contracts';
import type { EnrollmentRole, MentorshipRole } from '@medmentor/domain';
import type { TenantScoped } from '@medmentor/auth';
import { outboxFields, withOutbox } from '@medmentor/messaging';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { Enrollment, type ProfileFacts } from './schemas/enrollment.schema';

export type EnrollmentRecord = Enrollment;

export interface EnrollmentListFilter {
  programId?: string;
  physicianId?: string;
  side?: EnrollmentRole;
  roles?: MentorshipRole;
  status?: EnrollmentStatus;
  $or?: ({ 'profile.specialty': string } | { 'profile.subspecialty': string })[];
  'profile.careerStage'?: string;
  'profile.interests'?: string;
  'profile.languages'?: string;
  'profile.country'?: string;
  'profile.region'?: string;
}

/** A conditional single-document update: `$set`/`$unset` plus the events, version +1. */
export interface EnrollmentUpdate {
  set: Partial<Enrollment> & Record<string, unknown>;
  unset?: readonly string[];
  /** Extra conditions the document must still meet (besides id, tenant and version). */
  where?: Record<string, unknown>;
}

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/** Conditions of an enrollment whose rank list the freeze has not reached yet. */
const UNFROZEN = {
  status: 'active',
  side: { $in: ['mentee', 'mentor'] },
  rankList: { $exists: true },
  'rankList.frozenAt': { $exists: false },
};

@Injectable()
export class EnrollmentRepository {
  constructor(@InjectModel(Enrollment.name) private readonly model: Model<Enrollment>) {}

  /** Inserts the enrollment with its events in one write; 'duplicate' when already enrolled. */
  async insert(
    doc: TenantScoped<EnrollmentRecord>,
    events: OutgoingEvent[],
  ): Promise<'inserted' | 'duplicate'> {
    try {
      await this.model.create({ ...doc, ...outboxFields(events) });
      return 'inserted';
    } catch (error) {
      if (isDuplicateKey(error)) return 'duplicate';
      throw error;
    }
  }

  async findOne(
    filter: TenantScoped<{ _id: string; physicianId?: string }>,
  ): Promise<EnrollmentRecord | null> {
    return this.model.findOne(filter).lean<EnrollmentRecord>().exec();
  }

  async list(
    filter: TenantScoped<EnrollmentListFilter>,
    page: PageRequest,
  ): Promise<EnrollmentRecord[]> {
    const { $or, ...rest } = filter;
    const keyset = keysetCondition(page.after);
    // Two alternatives ($or of the specialty and of the keyset) must both hold: combine with $and.
    const conditions: Record<string, unknown>[] = [];
    if ($or !== undefined) conditions.push({ $or });
    if (page.after !== undefined) conditions.push(keyset);
    return this.model
      .find({ ...rest, ...(conditions.length > 0 && { $and: conditions }) })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<EnrollmentRecord[]>()
      .exec();
  }

  /** The physician's active enrollment in the program, if any (at most one). */
  async findActiveOf(
    filter: TenantScoped<{ programId: string; physicianId: string }>,
  ): Promise<EnrollmentRecord | null> {
    return this.model
      .findOne({ ...filter, status: 'active' })
      .lean<EnrollmentRecord>()
      .exec();
  }

  /** The physicians holding an active enrollment that meets the filter, each once. */
  async activePhysicianIds(
    filter: TenantScoped<{ programId?: string; side?: EnrollmentRole; roles?: MentorshipRole }>,
  ): Promise<string[]> {
    const docs = await this.model
      .find({ ...filter, status: 'active' })
      .select({ _id: 0, physicianId: 1 })
      .lean<Pick<EnrollmentRecord, 'physicianId'>[]>()
      .exec();
    return [...new Set(docs.map((doc) => doc.physicianId))];
  }

  /** The tenant's enrollments among `ids` (unknown ids are left out). */
  async findMany(filter: TenantScoped<{ ids: readonly string[] }>): Promise<EnrollmentRecord[]> {
    if (filter.ids.length === 0) return [];
    return this.model
      .find({ tenantId: filter.tenantId, _id: { $in: [...filter.ids] } })
      .select({ _id: 1, programId: 1, physicianId: 1, side: 1, status: 1 })
      .lean<EnrollmentRecord[]>()
      .exec();
  }

  /** A physician's enrollments, active ones only when `status` says so. */
  async ofPhysician(
    filter: TenantScoped<{ physicianId: string; status?: EnrollmentStatus }>,
  ): Promise<EnrollmentRecord[]> {
    return this.model.find(filter).lean<EnrollmentRecord[]>().exec();
  }

  /**
   * Applies the update and appends the events only if the enrollment is still at
   * `expectedVersion` and meets `where`: one atomic single-document update. 'stale' otherwise.
   */
  async updateAtVersion(
    filter: TenantScoped<{ _id: string }>,
    expectedVersion: number,
    update: EnrollmentUpdate,
    events: OutgoingEvent[],
  ): Promise<'updated' | 'stale' | 'duplicate'> {
    const unset = update.unset ?? [];
    try {
      // updateOne rather than findOneAndUpdate: FerretDB refuses mongoose's projection of the
      // outbox field in findAndModify; the caller knows the new state.
      const result = await this.model
        .updateOne(
          { ...update.where, ...filter, version: expectedVersion },
          withOutbox(
            {
              $set: update.set,
              $inc: { version: 1 },
              ...(unset.length > 0 && { $unset: Object.fromEntries(unset.map((f) => [f, ''])) }),
            },
            events,
          ),
        )
        .exec();
      return result.matchedCount === 1 ? 'updated' : 'stale';
    } catch (error) {
      // Re-activating a key that another enrollment took meanwhile.
      if (isDuplicateKey(error)) return 'duplicate';
      throw error;
    }
  }

  /** Active enrollments of a program whose rank list has not been frozen, oldest first. */
  async unfrozen(
    filter: TenantScoped<{ programId: string }>,
    limit: number,
  ): Promise<EnrollmentRecord[]> {
    return this.model
      .find({ ...filter, ...UNFROZEN })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean<EnrollmentRecord[]>()
      .exec();
  }

  /** The conditions `updateAtVersion` needs to freeze a list at most once. */
  static readonly UNFROZEN = UNFROZEN;

  /** Sets the profile facts of a physician's enrollments unless they come from a newer version. */
  async refreshProfile(
    filter: TenantScoped<{ physicianId: string }>,
    facts: ProfileFacts,
  ): Promise<number> {
    const result = await this.model
      .updateMany(
        { ...filter, 'profile.version': { $lt: facts.version } },
        { $set: { profile: facts } },
      )
      .exec();
    return result.modifiedCount;
  }

  /** Removes what an erased physician's enrollments say about them (after their withdrawal). */
  async stripErased(filter: TenantScoped<{ physicianId: string }>): Promise<void> {
    await this.model
      .updateMany(
        { ...filter, status: 'withdrawn' },
        {
          $set: {
            topics: [],
            preferences: {
              externalMentorOnly: false,
              preferred: { specialties: [], languages: [], practiceSetting: {} },
              exclusions: [],
            },
          },
          $unset: { profile: '', rankList: '' },
        },
      )
      .exec();
  }
}
