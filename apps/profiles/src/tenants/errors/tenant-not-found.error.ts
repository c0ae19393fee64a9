import { DomainError } from '@medmentor/platform';

export class TenantNotFoundError extends DomainError {
  constructor(tenantId: string) {
    super({
      code: 'tenant-not-found',
      status: 404,
      title: 'Tenant not found',
      detail: `No tenant ${tenantId}.`,
    });
  }
}
