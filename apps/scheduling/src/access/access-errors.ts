import { DomainError } from '@medmentor/platform';

/** Unknown here, in another tenant, or not the caller's to see: the same answer for all three. */
export class NotFoundError extends DomainError {
  constructor(
    what:
      | 'physician'
      | 'meeting'
      | 'match'
      | 'program'
      | 'blackout'
      | 'action-item'
      | 'resource'
      | 'agenda-template',
    id: string,
  ) {
    super({
      code: `${what}-not-found`,
      status: 404,
      title: `${what[0].toUpperCase()}${what.slice(1).replace('-', ' ')} not found`,
      detail: `No ${what.replace('-', ' ')} ${id} that you may see in this tenant.`,
    });
  }
}

/** A rule of the domain refuses the request as it stands. */
export class UnprocessableError extends DomainError {
  constructor(code: string, title: string, field: string, message: string) {
    super({
      code,
      status: 422,
      title,
      detail: `${field}: ${message}`,
      errors: [{ field, message }],
    });
  }
}

/** The resource changed since the caller read it, or is in a state that refuses the change. */
export class ConflictError extends DomainError {
  constructor(code: string, title: string, field: string, message: string) {
    super({
      code,
      status: 409,
      title,
      detail: `${field}: ${message}`,
      errors: [{ field, message }],
    });
  }
}

/** Changes that need an active mentorship. */
export const matchNotActive = (status: string): ConflictError =>
  new ConflictError(
    'match-not-active',
    'The mentorship has ended',
    'matchId',
    `the match is ${status}`,
  );
