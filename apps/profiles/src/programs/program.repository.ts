import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { MatchingMode, OutgoingEvent, ProgramKind, ProgramStatus } from '@medmentor/contracts';
import type { TenantScoped } from '@medmentor/auth';
import { outboxFields, withOutbox } from '@medmentor/messaging';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { Program } from './schemas/program.schema';

export type ProgramRecord = Program;

export type ProgramChanges = Partial<
  Omit<Program, '_id' | 'tenantId' | 'version' | 'createdBy' | 'createdAt'>
>;

type StatusFilter = ProgramStatus | { $in: readonly ProgramStatus[] };

export interface ProgramListFilter {
  status?: StatusFilter;
  kind?: ProgramKind;
  matchingMode?: MatchingMode;
}

@Injectable()
export class ProgramRepository {
  constructor(@InjectModel(Program.name) private readonly model: Model<Program>) {}

  /** Inserts the program with its events (none for a draft) in one write. */
  async insert(program: TenantScoped<ProgramRecord>, events: OutgoingEvent[] = []): Promise<void> {
    await this.model.create({ ...program, ...outboxFields(events) });
  }

  async findOne(
    filter: TenantScoped<{ _id: string; status?: StatusFilter }>,
  ): Promise<ProgramRecord | null> {
    return this.model.findOne(filter).lean<ProgramRecord>().exec();
  }

  async list(filter: TenantScoped<ProgramListFilter>, page: PageRequest): Promise<ProgramRecord[]> {
    return this.model
      .find({ ...filter, ...keysetCondition(page.after) })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<ProgramRecord[]>()
      .exec();
  }

  /**
   * Applies the changes and appends the events only if the program still is at
   * `expectedVersion` (and in `filter.status` when given): one atomic single-document
   * update. 'stale' when it is not, or no longer exists.
   */
  async updateAtVersion(
    filter: TenantScoped<{ _id: string; status?: ProgramStatus }>,
    expectedVersion: number,
    changes: ProgramChanges,
    events: OutgoingEvent[],
  ): Promise<'updated' | 'stale'> {
    // updateOne rather than findOneAndUpdate: FerretDB refuses the projection mongoose adds
    // to findAndModify for the outbox's deselected field; the service knows the new state.
    const result = await this.model
      .updateOne(
        { ...filter, version: expectedVersion },
        withOutbox({ $set: changes, $inc: { version: 1 } }, events),
      )
      .exec();
    return result.matchedCount === 1 ? 'updated' : 'stale';
  }

  /** Deletes the program if it is still a draft: drafts announced nothing, so nothing is owed. */
  async deleteDraft(filter: TenantScoped<{ _id: string }>): Promise<boolean> {
    const result = await this.model.deleteOne({ ...filter, status: 'draft' }).exec();
    return result.deletedCount === 1;
  }
}
