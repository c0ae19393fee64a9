import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import type { OutgoingEvent } from '@medmentor/contracts';
import type { TenantScoped } from '@medmentor/auth';
import { outboxFields, withOutbox } from '@medmentor/messaging';
import type { PageKey } from '@medmentor/platform';
import { Meeting } from './schemas/meeting.schema';

export interface MeetingWithEvents {
  meeting: Meeting;
  events: OutgoingEvent[];
}

export interface MeetingListFilter {
  matchId?: string;
  physicianId?: string;
  from: Date;
  to: Date;
  status?: Meeting['status'];
}

/** True when every failed write of a (bulk) insert was a duplicate key; the driver gives one error or a list. */
export const allDuplicates = (error: unknown): boolean => {
  type WriteError = { code?: unknown; err?: { code?: unknown } };
  const e = error as { code?: unknown; writeErrors?: WriteError | WriteError[] };
  if (typeof e !== 'object' || e === null) return false;
  const writeErrors =
    e.writeErrors === undefined
      ? []
      : Array.isArray(e.writeErrors)
        ? e.writeErrors
        : [e.writeErrors];
  if (writeErrors.length === 0) return e.code === 11000;
  return writeErrors.every((w) => (w.code ?? w.err?.code) === 11000);
};

/** The positions in the batch of the writes that failed (0 when the error names none). */
export const failedIndexes = (error: unknown): number[] => {
  const e = error as { writeErrors?: { index?: number } | { index?: number }[] };
  const writeErrors = Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors];
  return writeErrors.map((w) => w?.index ?? 0);
};
const firstFailedIndex = (error: unknown): number => Math.min(...failedIndexes(error));

@Injectable()
export class MeetingRepository {
  constructor(@InjectModel(Meeting.name) private readonly model: Model<Meeting>) {}

  /**
   * Inserts meetings with their events; a meeting whose id exists is left as it is (its
   * events were stored with it the first time), so planning twice adds nothing.
   */
  async insertNew(items: readonly MeetingWithEvents[]): Promise<void> {
    if (items.length === 0) return;
    try {
      await this.model.insertMany(
        items.map(({ meeting, events }) => ({ ...meeting, ...outboxFields(events) })),
        { ordered: false },
      );
    } catch (error) {
      if (!allDuplicates(error)) throw error;
    }
  }

  /**
   * Inserts `first` and then `rest`, in one ordered insert. False, with nothing inserted, when
   * `first` exists (someone planned it first: what follows it is theirs to store). Duplicates
   * among `rest` (a replica storing the same meetings at once) are skipped.
   */
  async insertAfterFirst(
    first: MeetingWithEvents,
    rest: readonly MeetingWithEvents[],
  ): Promise<boolean> {
    try {
      await this.model.insertMany(
        [first, ...rest].map(({ meeting, events }) => ({ ...meeting, ...outboxFields(events) })),
        { ordered: true },
      );
      return true;
    } catch (error) {
      if (!allDuplicates(error)) throw error;
      if (firstFailedIndex(error) === 0) return false;
      await this.insertNew(rest);
      return true;
    }
  }

  /**
   * Inserts each of `firsts` that does not exist yet, in one unordered insert; returns the ids
   * that existed already (someone planned them first), for which nothing was inserted.
   */
  async insertFirsts(firsts: readonly MeetingWithEvents[]): Promise<Set<string>> {
    if (firsts.length === 0) return new Set();
    try {
      await this.model.insertMany(
        firsts.map(({ meeting, events }) => ({ ...meeting, ...outboxFields(events) })),
        { ordered: false },
      );
      return new Set();
    } catch (error) {
      if (!allDuplicates(error)) throw error;
      return new Set(failedIndexes(error).map((index) => firsts[index].meeting._id));
    }
  }

  findByIds(filter: TenantScoped<{ ids: readonly string[] }>): Promise<Meeting[]> {
    return this.model
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids } })
      .lean<Meeting[]>()
      .exec();
  }

  findById(filter: TenantScoped<{ _id: string }>): Promise<Meeting | null> {
    return this.model.findOne(filter).lean<Meeting>().exec();
  }

  /** Meetings in time order (start, id), after the cursor. */
  list(
    filter: TenantScoped<MeetingListFilter>,
    limit: number,
    after?: PageKey,
  ): Promise<Meeting[]> {
    const who = filter.physicianId
      ? { $or: [{ menteeId: filter.physicianId }, { mentorId: filter.physicianId }] }
      : {};
    const cursor = after
      ? {
          $and: [
            {
              $or: [
                { start: { $gt: after.createdAt } },
                { start: after.createdAt, _id: { $gt: after.id } },
              ],
            },
          ],
        }
      : {};
    return this.model
      .find({
        tenantId: filter.tenantId,
        ...(filter.matchId && { matchId: filter.matchId }),
        ...(filter.status && { status: filter.status }),
        start: { $gte: filter.from, $lt: filter.to },
        ...who,
        ...cursor,
      })
      .sort({ start: 1, _id: 1 })
      .limit(limit + 1)
      .lean<Meeting[]>()
      .exec();
  }

  /** Scheduled meetings of any of these physicians overlapping the window (their existing commitments). */
  scheduledOf(
    filter: TenantScoped<{ physicianIds: readonly string[]; from: Date; to: Date }>,
  ): Promise<Meeting[]> {
    const ids = [...filter.physicianIds];
    return this.model
      .find({
        tenantId: filter.tenantId,
        status: 'scheduled',
        start: { $lt: filter.to },
        end: { $gt: filter.from },
        $or: [{ menteeId: { $in: ids } }, { mentorId: { $in: ids } }],
      })
      .lean<Meeting[]>()
      .exec();
  }

  ofMatch(filter: TenantScoped<{ matchId: string }>): Promise<Meeting[]> {
    return this.model.find(filter).sort({ start: 1 }).lean<Meeting[]>().exec();
  }

  /** Changes a meeting only in the state the caller read (status and sequence). */
  async updateIf(
    filter: TenantScoped<{ _id: string; status?: Meeting['status']; sequence?: number }>,
    update: UpdateQuery<Meeting>,
    events: OutgoingEvent[],
  ): Promise<boolean> {
    const result = await this.model.updateOne(filter, withOutbox(update, events)).exec();
    return result.matchedCount === 1;
  }

  /** Meetings whose next reminder is due, across tenants. */
  dueReminders(now: Date, limit: number): Promise<Meeting[]> {
    return this.model
      .find({ reminderAt: { $lte: now } })
      .sort({ reminderAt: 1 })
      .limit(limit)
      .lean<Meeting[]>()
      .exec();
  }

  /** Scheduled meetings of a physician that have not started, in any of their matches. */
  futureOfPhysician(
    filter: TenantScoped<{ physicianId: string; after: Date }>,
  ): Promise<Meeting[]> {
    return this.model
      .find({
        tenantId: filter.tenantId,
        status: 'scheduled',
        start: { $gt: filter.after },
        $or: [{ menteeId: filter.physicianId }, { mentorId: filter.physicianId }],
      })
      .lean<Meeting[]>()
      .exec();
  }

  forProgram(filter: TenantScoped<{ programId: string }>): Promise<Meeting[]> {
    return this.model
      .find({ ...filter, status: 'completed' })
      .lean<Meeting[]>()
      .exec();
  }
}
