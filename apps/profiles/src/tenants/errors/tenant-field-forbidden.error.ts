import { DomainError } from '@medmentor/platform';

/** An org admin tried to change what only a platform admin may change. */
export class TenantFieldForbiddenError extends DomainError {
  constructor(fields: readonly string[]) {
    super({
      code: 'tenant-field-forbidden',
      status: 403,
      title: 'Only a platform admin may change these fields',
      detail: `Only a platform admin may change ${fields.join(', ')}.`,
      errors: fields.map((field) => ({
        field,
        message: 'may be changed by a platform admin only',
      })),
    });
  }
}
