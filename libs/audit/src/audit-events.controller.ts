import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodQuery } from '@medmentor/platform';
import {
  auditEventPageSchema,
  listAuditEventsQuerySchema,
  type ListAuditEventsQuery,
} from './audit-events.dto';
import { AuditLog } from './audit-log';

@ApiTags('audit')
@ApiAuth()
@Controller('api/v1/audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Roles('org-admin', 'platform-admin')
  @ApiOperation({
    summary: "The tenant's audit log, newest first (org-admin; platform-admin with X-Tenant-Id)",
  })
  @ApiZodResponse(200, auditEventPageSchema, 'A page of audit events')
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(listAuditEventsQuerySchema) query: ListAuditEventsQuery,
  ) {
    const { limit, cursor, ...filter } = query;
    return this.audit.list(principal, filter, { limit, ...(cursor && { after: cursor }) });
  }
}
