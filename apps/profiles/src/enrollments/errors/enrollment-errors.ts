import { DomainError, type FieldError } from '@medmentor/platform';

export class EnrollmentNotFoundError extends DomainError {
  constructor(enrollmentId: string) {
    super({
      code: 'enrollment-not-found',
      status: 404,
      title: 'Enrollment not found',
      detail: `No enrollment ${enrollmentId} that the caller may see in this tenant.`,
    });
  }
}

/** A physician acts only for themself; administrators act for anyone of their tenant. */
export class EnrollmentForbiddenError extends DomainError {
  constructor(detail: string) {
    super({
      code: 'enrollment-forbidden',
      status: 403,
      title: 'Not allowed to enroll this physician',
      detail,
      errors: [{ field: 'physicianId', message: detail }],
    });
  }
}

/** The program is not open, or the enrollment window is not running. */
export class EnrollmentClosedError extends DomainError {
  constructor(programId: string, reason: string) {
    super({
      code: 'enrollment-closed',
      status: 409,
      title: 'The program does not take enrollments now',
      detail: `Program ${programId}: ${reason}.`,
      errors: [{ field: 'programId', message: reason }],
    });
  }
}

export class AlreadyEnrolledError extends DomainError {
  constructor(programId: string) {
    super({
      code: 'already-enrolled',
      status: 409,
      title: 'Already enrolled',
      detail: `The physician already has an active enrollment in program ${programId}; change or withdraw it.`,
      errors: [{ field: 'physicianId', message: 'is already enrolled in this program' }],
    });
  }
}

/** The physician does not meet the program's eligibility rules for the side taken. */
export class EnrollmentIneligibleError extends DomainError {
  constructor(errors: FieldError[]) {
    super({
      code: 'enrollment-ineligible',
      status: 422,
      title: 'The physician is not eligible for this program',
      detail: errors.map((error) => error.message).join('; '),
      errors,
    });
  }
}

/** The enrollment is well formed but its terms do not fit the program or profile. */
export class EnrollmentInvalidError extends DomainError {
  constructor(errors: FieldError[]) {
    super({
      code: 'enrollment-invalid',
      status: 422,
      title: 'The enrollment does not fit the program or profile',
      detail: errors.map((error) => `${error.field} ${error.message}`).join('; '),
      errors,
    });
  }
}

export class EnrollmentWithdrawnError extends DomainError {
  constructor(enrollmentId: string) {
    super({
      code: 'enrollment-withdrawn',
      status: 409,
      title: 'The enrollment is withdrawn',
      detail: `Enrollment ${enrollmentId} was withdrawn and no longer changes; enroll again if the program is open.`,
    });
  }
}

export class EnrollmentProgramClosedError extends DomainError {
  constructor(programId: string) {
    super({
      code: 'program-closed',
      status: 409,
      title: 'The program is closed',
      detail: `Program ${programId} is closed; its enrollments no longer change.`,
    });
  }
}

export class EnrollmentVersionConflictError extends DomainError {
  constructor(enrollmentId: string, sent: number, current: number) {
    super({
      code: 'version-conflict',
      status: 409,
      title: 'The resource changed since it was read',
      detail: `Enrollment ${enrollmentId} is at version ${current}, the change was made from version ${sent}. Read it again and reapply the change.`,
      errors: [{ field: 'version', message: `must be the current version ${current}` }],
    });
  }
}

/** Only mentees and mentors of national-ranked programs have rank lists. */
export class RankListNotApplicableError extends DomainError {
  constructor(field: 'side' | 'programId', reason: string) {
    super({
      code: 'rank-list-not-applicable',
      status: 422,
      title: 'This enrollment has no rank list',
      detail: reason,
      errors: [{ field, message: reason }],
    });
  }
}

export class RankListFrozenError extends DomainError {
  constructor(enrollmentId: string, reason: string) {
    super({
      code: 'rank-list-frozen',
      status: 409,
      title: 'The rank list can no longer change',
      detail: `Enrollment ${enrollmentId}: ${reason}.`,
      errors: [{ field: 'ranks', message: reason }],
    });
  }
}

export class RankListInvalidError extends DomainError {
  constructor(errors: FieldError[]) {
    super({
      code: 'rank-list-invalid',
      status: 422,
      title: 'The rank list names enrollments that cannot be ranked',
      detail: errors.map((error) => `${error.field} ${error.message}`).join('; '),
      errors,
    });
  }
}

/** The caller may not browse this side of the program's participants. */
export class ParticipantsForbiddenError extends DomainError {
  constructor(field: 'programId' | 'side', reason: string) {
    super({
      code: 'participants-forbidden',
      status: 403,
      title: 'Not allowed to see these participants',
      detail: reason,
      errors: [{ field, message: reason }],
    });
  }
}
