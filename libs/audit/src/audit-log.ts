import { Inject, Injectable, Logger } from '@nestjs/common';
import { newId } from '@medmentor/domain';
import { tenantFilter, type TenantContext } from '@medmentor/auth';
import { getCorrelationId, toPage, type Page, type PageRequest } from '@medmentor/platform';
import {
  AUDIT_ACTION_PATTERN,
  auditSummarySchema,
  type AuditActor,
  type AuditEntry,
  type AuditInput,
} from './audit-entry';
import { AuditLogRepository, type AuditFilter } from './audit-log.repository';
import { currentAuditOrigin } from './audit-origin';
import type { AuditRecord } from './audit-record.schema';

export const AUDIT_SERVICE_NAME = Symbol('AUDIT_SERVICE_NAME');

const toEntry = (record: AuditRecord): AuditEntry => ({
  id: record._id,
  tenantId: record.tenantId,
  service: record.service,
  at: record.createdAt,
  actor: record.actor,
  action: record.action,
  resource: record.resource,
  summary: record.summary as AuditEntry['summary'],
  origin: record.origin,
});

/**
 * Records who did what to which resource, when and from where, and reads it back per
 * tenant. Call `record` right after the change succeeded.
 */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);

  constructor(
    private readonly repository: AuditLogRepository,
    @Inject(AUDIT_SERVICE_NAME) private readonly serviceName: string,
  ) {}

  /**
   * Appends one entry. A malformed input is a programming error and throws. A database
   * failure does not undo the change already made, so it does not fail the request either:
   * the entry goes to the error log in full (it holds ids only) for an operator to restore.
   */
  async record(actor: AuditActor, input: AuditInput): Promise<AuditEntry> {
    if (!AUDIT_ACTION_PATTERN.test(input.action)) {
      throw new Error(`audit action "${input.action}" is not <resource>.<verb>`);
    }
    const correlationId = getCorrelationId();
    const record: AuditRecord = {
      _id: newId(),
      tenantId: input.tenantId,
      service: this.serviceName,
      createdAt: new Date(),
      actor: {
        subject: actor.subject,
        roles: [...actor.roles],
        ...(actor.physicianId !== undefined && { physicianId: actor.physicianId }),
      },
      action: input.action,
      resource: { type: input.resource.type, id: input.resource.id },
      summary: auditSummarySchema.parse(input.summary ?? {}),
      origin: { ...currentAuditOrigin(), ...(correlationId !== undefined && { correlationId }) },
    };
    try {
      await this.repository.append(record);
    } catch (error) {
      this.logger.error({ err: error, auditEntry: record }, 'Audit entry not stored');
    }
    return toEntry(record);
  }

  async list(
    context: TenantContext,
    filter: AuditFilter,
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    const records = await this.repository.list(tenantFilter(context, filter), page);
    return toPage(records, page.limit, toEntry);
  }
}
