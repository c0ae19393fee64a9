import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { AuditRecord } from './audit-record.schema';

export interface AuditFilter {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

/**
 * The only code that touches the audit collection, and it can only add and read: there is
 * no update or delete method, and the schema refuses those operations besides.
 */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectModel(AuditRecord.name) private readonly model: Model<AuditRecord>) {}

  async append(record: AuditRecord): Promise<void> {
    await this.model.create(record);
  }

  async list(filter: TenantScoped<AuditFilter>, page: PageRequest): Promise<AuditRecord[]> {
    const { tenantId, action, resourceType, resourceId, actor, from, to } = filter;
    const at = { ...(from && { $gte: from }), ...(to && { $lt: to }) };
    return this.model
      .find({
        tenantId,
        ...(action !== undefined && { action }),
        ...(resourceType !== undefined && { 'resource.type': resourceType }),
        ...(resourceId !== undefined && { 'resource.id': resourceId }),
        ...(actor !== undefined && { 'actor.subject': actor }),
        ...(Object.keys(at).length > 0 && { createdAt: at }),
        ...keysetCondition(page.after),
      })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<AuditRecord[]>()
      .exec();
  }
}
