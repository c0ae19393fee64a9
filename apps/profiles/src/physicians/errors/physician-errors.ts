import { DomainError } from '@medmentor/platform';

export class PhysicianNotFoundError extends DomainError {
  constructor(physicianId: string) {
    super({
      code: 'physician-not-found',
      status: 404,
      title: 'Physician not found',
      detail: `No physician ${physicianId} in this tenant.`,
    });
  }
}

/** The token names no physician, so `/me` has no profile to show. */
export class NoPhysicianProfileError extends DomainError {
  constructor() {
    super({
      code: 'physician-not-linked',
      status: 404,
      title: 'No physician profile',
      detail: 'The token carries no physician id.',
    });
  }
}

/** Another profile of the tenant already has this email or NPI. */
export class PhysicianConflictError extends DomainError {
  constructor(field: 'email' | 'npi') {
    super({
      code: `physician-${field}-taken`,
      status: 409,
      title: `Physician ${field === 'email' ? 'email' : 'NPI'} already registered`,
      detail: `Another physician of this tenant already has this ${field}.`,
      errors: [{ field, message: 'is already taken' }],
    });
  }
}

export class PhysicianVersionConflictError extends DomainError {
  constructor(physicianId: string, sent: number, current: number) {
    super({
      code: 'version-conflict',
      status: 409,
      title: 'The resource changed since it was read',
      detail: `Physician ${physicianId} is at version ${current}, the update was made from version ${sent}. Read it again and reapply the change.`,
      errors: [{ field: 'version', message: `must be the current version ${current}` }],
    });
  }
}

/** The caller may read the profile but not change or erase it. */
export class PhysicianForbiddenError extends DomainError {
  constructor(action: 'update' | 'erase', fields: readonly string[] = []) {
    super({
      code: 'physician-forbidden',
      status: 403,
      title: `Not allowed to ${action} this physician`,
      detail:
        fields.length > 0
          ? `Only an administrator may change ${fields.join(', ')}.`
          : `Only the physician or an administrator of the tenant may ${action} this profile.`,
      ...(fields.length > 0 && {
        errors: fields.map((field) => ({
          field,
          message: 'may be changed by an administrator only',
        })),
      }),
    });
  }
}
