import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OutgoingEvent, TenantKind, TenantStatus } from '@medmentor/contracts';
import type { TenantContext } from '@medmentor/auth';
import { outboxFields, withOutbox } from '@medmentor/messaging';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { Tenant } from './schemas/tenant.schema';

export type TenantRecord = Tenant;

export type TenantChanges = Partial<
  Pick<Tenant, 'name' | 'slug' | 'timeZone' | 'status' | 'hospitals'>
> & {
  updatedAt: Date;
};

export type InsertResult = 'inserted' | 'duplicate-id' | 'duplicate-slug';

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

// The tenants collection is the one place where the tenant is the aggregate itself: scoped
// methods take the caller's TenantContext and address the document by it.
@Injectable()
export class TenantRepository {
  constructor(@InjectModel(Tenant.name) private readonly model: Model<Tenant>) {}

  /** Inserts the tenant with its events in one write; a taken id or slug is reported, not thrown. */
  async insert(tenant: TenantRecord, events: OutgoingEvent[]): Promise<InsertResult> {
    try {
      await this.model.create({ ...tenant, ...outboxFields(events) });
      return 'inserted';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.model.exists({ _id: tenant._id })) ? 'duplicate-id' : 'duplicate-slug';
    }
  }

  async findOne(context: TenantContext): Promise<TenantRecord | null> {
    return this.model.findOne({ _id: context.tenantId }).lean<TenantRecord>().exec();
  }

  /** True when a tenant other than `exceptTenantId` has the slug. */
  async slugTaken(slug: string, exceptTenantId: string): Promise<boolean> {
    return (await this.model.exists({ slug, _id: { $ne: exceptTenantId } })) !== null;
  }

  /** Platform administration only: lists across tenants. */
  async listAll(
    filter: { kind?: TenantKind; status?: TenantStatus },
    page: PageRequest,
  ): Promise<TenantRecord[]> {
    return this.model
      .find({ ...filter, ...keysetCondition(page.after) })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<TenantRecord[]>()
      .exec();
  }

  /**
   * Applies the changes and appends the events only if the tenant is still at
   * `expectedVersion` (one atomic single-document update). Returns 'updated', 'stale' when
   * it is not at that version (or gone), or 'duplicate-slug' when the new slug is taken.
   */
  async updateAtVersion(
    context: TenantContext,
    expectedVersion: number,
    changes: TenantChanges,
    events: OutgoingEvent[],
  ): Promise<'updated' | 'stale' | 'duplicate-slug'> {
    // updateOne rather than findOneAndUpdate: FerretDB refuses the projection mongoose adds
    // to findAndModify for the outbox's deselected field; the caller knows the new state.
    try {
      const result = await this.model
        .updateOne(
          { _id: context.tenantId, version: expectedVersion },
          withOutbox({ $set: changes, $inc: { version: 1 } }, events),
        )
        .exec();
      return result.matchedCount === 1 ? 'updated' : 'stale';
    } catch (error) {
      // MongoDB reports a slug taken meanwhile as E11000; FerretDB (SQLite) reports it as an
      // internal error, which the service's check of the slug before the update makes rare.
      if (isDuplicateKey(error)) return 'duplicate-slug';
      throw error;
    }
  }
}
