/** One invalid input field: `field` is a path like `a.b[0].c`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface DomainErrorParams {
  /** Stable, documented identifier clients can branch on, e.g. `enrollment-not-found`. */
  readonly code: string;
  /** HTTP status the error maps to. */
  readonly status: number;
  /** Short summary that is the same for every occurrence of this code. */
  readonly title: string;
  /** This occurrence, in words a client may show. Never include secrets or internals. */
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly cause?: unknown;
}

/**
 * A failure the domain expects and names (not found, conflict, rule violated). Extend it
 * per case; the HTTP filter turns it into problem+json with its code and status.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldError[] | undefined;

  constructor(params: DomainErrorParams) {
    super(
      params.detail ?? params.title,
      params.cause === undefined ? undefined : { cause: params.cause },
    );
    this.name = new.target.name;
    this.code = params.code;
    this.status = params.status;
    this.title = params.title;
    this.detail = params.detail;
    this.errors = params.errors;
  }
}

export const VALIDATION_FAILED = 'validation-failed';

/** Request input (body, query or params) that does not match its schema. */
export class RequestValidationError extends DomainError {
  constructor(errors: readonly FieldError[], detail?: string) {
    super({
      code: VALIDATION_FAILED,
      status: 400,
      title: 'Invalid request',
      detail:
        detail ??
        `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
      errors,
    });
  }
}
