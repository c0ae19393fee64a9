import { DomainError } from '@medmentor/platform';

/** A tenant id or slug that another tenant already has. */
export class TenantConflictError extends DomainError {
  constructor(field: 'id' | 'slug', value: string) {
    super({
      code: field === 'id' ? 'tenant-id-taken' : 'tenant-slug-taken',
      status: 409,
      title: field === 'id' ? 'Tenant id already registered' : 'Tenant slug already taken',
      detail: `Another tenant already has the ${field} ${value}.`,
      errors: [{ field, message: 'is already taken' }],
    });
  }
}
