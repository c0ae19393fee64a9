import { DomainError } from '@medmentor/platform';

/** The client changed a tenant from a version that is no longer the current one. */
export class TenantVersionConflictError extends DomainError {
  constructor(tenantId: string, sent: number, current: number) {
    super({
      code: 'version-conflict',
      status: 409,
      title: 'The resource changed since it was read',
      detail: `Tenant ${tenantId} is at version ${current}, the update was made from version ${sent}. Read it again and reapply the change.`,
      errors: [{ field: 'version', message: `must be the current version ${current}` }],
    });
  }
}
