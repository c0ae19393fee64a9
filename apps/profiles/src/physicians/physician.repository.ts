import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OutgoingEvent } from '@medmentor/contracts';
import type { TenantScoped } from '@medmentor/auth';
import { outboxFields, withOutbox } from '@medmentor/messaging';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { erasureUpdate } from './physician-erasure';
import { Physician } from './schemas/physician.schema';

export type InsertResult = 'inserted' | 'duplicate-email' | 'duplicate-npi';

export interface PhysicianListFilter {
  /** Only these profiles (e.g. the physicians enrolled in a program). */
  _id?: { $in: string[] };
  specialty?: string;
  subspecialty?: string;
  'careerStage.stage'?: string;
  interests?: string;
  languages?: string;
  timeZone?: string;
  'location.country'?: string;
  takingBreak?: boolean;
}

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/** The positions a bulk insert refused, when every refusal is a duplicate key; else null. */
const duplicatePositions = (error: unknown): Set<number> | null => {
  const raw = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const writeErrors = (Array.isArray(raw) ? raw : raw ? [raw] : []) as {
    index?: number;
    code?: number;
    err?: { index?: number; code?: number };
  }[];
  if (writeErrors.length === 0) return null;
  const positions = new Set<number>();
  for (const writeError of writeErrors) {
    const code = writeError.code ?? writeError.err?.code;
    const index = writeError.index ?? writeError.err?.index;
    if (code !== 11000 || index === undefined) return null;
    positions.add(index);
  }
  return positions;
};

@Injectable()
export class PhysicianRepository {
  constructor(@InjectModel(Physician.name) private readonly model: Model<Physician>) {}

  /** Inserts the profile with its events in one write; a taken email or NPI is reported, not thrown. */
  async insert(doc: Physician, events: OutgoingEvent[]): Promise<InsertResult> {
    try {
      await this.model.create({ ...doc, ...outboxFields(events) });
      return 'inserted';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const taken = await this.takenKey({
        tenantId: doc.tenantId,
        email: doc.email,
        npiKey: doc.npiKey,
        exceptId: doc._id,
      });
      return taken === 'npi' ? 'duplicate-npi' : 'duplicate-email';
    }
  }

  /**
   * Inserts many new profiles, each with its events in the same document, without stopping
   * at a refused one. Returns the positions refused because another profile holds the email
   * or NPI; every other position is stored.
   */
  async insertMany(
    items: readonly { doc: Physician; events: OutgoingEvent[] }[],
  ): Promise<Set<number>> {
    if (items.length === 0) return new Set();
    try {
      await this.model.insertMany(
        items.map(({ doc, events }) => ({ ...doc, ...outboxFields(events) })),
        { ordered: false, lean: true },
      );
      return new Set();
    } catch (error) {
      const duplicates = duplicatePositions(error);
      if (duplicates === null) throw error;
      return duplicates;
    }
  }

  /** Every active profile of the tenant, one pass, without the outbox. */
  streamActive(filter: TenantScoped): AsyncIterable<Physician> {
    return this.model
      .find({ tenantId: filter.tenantId, status: 'active' })
      .lean<Physician>()
      .cursor({ batchSize: 1000 });
  }

  /** Which natural key another profile of the tenant already holds, if any. */
  async takenKey(
    filter: TenantScoped<{ email: string; npiKey: string; exceptId: string }>,
  ): Promise<'email' | 'npi' | null> {
    const others = { tenantId: filter.tenantId, _id: { $ne: filter.exceptId } };
    if (await this.model.exists({ ...others, email: filter.email })) return 'email';
    if (await this.model.exists({ ...others, npiKey: filter.npiKey })) return 'npi';
    return null;
  }

  /** The active profile holding a natural key: the NPI when there is one, else the email. */
  async findByNaturalKey(
    filter: TenantScoped<{ npiKey?: string; email: string }>,
  ): Promise<Physician | null> {
    const { tenantId, npiKey, email } = filter;
    const byNpi = npiKey
      ? await this.model.findOne({ tenantId, npiKey, status: 'active' }).lean<Physician>().exec()
      : null;
    return (
      byNpi ?? this.model.findOne({ tenantId, email, status: 'active' }).lean<Physician>().exec()
    );
  }

  /**
   * An active profile of the tenant; erased ones are gone for every reader. The query names the
   * id alone and the tenant and status are checked here: FerretDB answers a filter that is
   * exactly `{ _id }` from its storage and scans the whole collection for any other filter
   * (MongoDB uses the `_id` index either way).
   */
  async findActive(filter: TenantScoped<{ _id: string }>): Promise<Physician | null> {
    const doc = await this.model.findOne({ _id: filter._id }).lean<Physician>().exec();
    return doc !== null && doc.tenantId === filter.tenantId && doc.status === 'active' ? doc : null;
  }

  /** The tenant's active profiles among `ids`, by id (unknown and erased ones are left out). */
  async findActiveMany(
    filter: TenantScoped<{ ids: readonly string[] }>,
  ): Promise<Map<string, Physician>> {
    if (filter.ids.length === 0) return new Map();
    const docs = await this.model
      .find({ tenantId: filter.tenantId, _id: { $in: [...new Set(filter.ids)] }, status: 'active' })
      .lean<Physician[]>()
      .exec();
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  async list(filter: TenantScoped<PhysicianListFilter>, page: PageRequest): Promise<Physician[]> {
    return this.model
      .find({ ...filter, status: 'active', ...keysetCondition(page.after) })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<Physician[]>()
      .exec();
  }

  /**
   * Replaces the profile's fields and appends the events only if it is still at
   * `expectedVersion` (one atomic single-document update). 'stale' when it is not (or gone).
   */
  async updateAtVersion(
    filter: TenantScoped<{ _id: string }>,
    expectedVersion: number,
    set: Partial<Physician>,
    unset: readonly string[],
    events: OutgoingEvent[],
  ): Promise<'updated' | 'stale' | 'duplicate'> {
    // updateOne rather than findOneAndUpdate: FerretDB refuses mongoose's projection of the
    // outbox field in findAndModify; the caller knows the new state.
    const update = {
      $set: set,
      $inc: { version: 1 },
      ...(unset.length > 0 && { $unset: Object.fromEntries(unset.map((field) => [field, ''])) }),
    };
    try {
      const result = await this.model
        .updateOne(
          { ...filter, status: 'active', version: expectedVersion },
          withOutbox(update, events),
        )
        .exec();
      return result.matchedCount === 1 ? 'updated' : 'stale';
    } catch (error) {
      if (isDuplicateKey(error)) return 'duplicate';
      throw error;
    }
  }

  /** Anonymises an active profile and appends its erased event in one update; false when there was none. */
  async erase(
    filter: TenantScoped<{ _id: string }>,
    erasedAt: Date,
    events: OutgoingEvent[],
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { ...filter, status: 'active' },
        withOutbox(erasureUpdate(filter._id, erasedAt), events),
      )
      .exec();
    return result.matchedCount === 1;
  }
}
