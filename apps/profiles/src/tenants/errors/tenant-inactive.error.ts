import { DomainError } from '@medmentor/platform';

/** The caller's tenant is not registered, or it is suspended: nothing new may be created in it. */
export class TenantInactiveError extends DomainError {
  constructor(tenantId: string, reason: 'not-registered' | 'suspended') {
    super({
      code: reason === 'not-registered' ? 'tenant-not-registered' : 'tenant-suspended',
      status: 409,
      title: reason === 'not-registered' ? 'Tenant not registered' : 'Tenant suspended',
      detail:
        reason === 'not-registered'
          ? `Tenant ${tenantId} is not registered; a platform admin registers it first.`
          : `Tenant ${tenantId} is suspended.`,
    });
  }
}
