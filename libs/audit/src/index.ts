export {
  AUDIT_ACTION_PATTERN,
  auditSummarySchema,
  type AuditActor,
  type AuditEntry,
  type AuditInput,
  type AuditOrigin,
  type AuditSummary,
} from './audit-entry';
export { AuditAppendOnlyError } from './audit-errors';
export { AuditEventsController } from './audit-events.controller';
export {
  auditEventPageSchema,
  auditEventViewSchema,
  listAuditEventsQuerySchema,
} from './audit-events.dto';
export { AUDIT_SERVICE_NAME, AuditLog } from './audit-log';
export { AuditLogRepository, type AuditFilter } from './audit-log.repository';
export {
  AuditOriginInterceptor,
  auditOriginOfRequest,
  currentAuditOrigin,
  runWithAuditOrigin,
} from './audit-origin';
export {
  AUDIT_COLLECTION,
  AuditRecord,
  AuditRecordSchema,
  appendOnly,
} from './audit-record.schema';
export { AuditModule } from './audit.module';
