import { DomainError } from '@medmentor/platform';

export class ProgramNotFoundError extends DomainError {
  constructor(programId: string) {
    super({
      code: 'program-not-found',
      status: 404,
      title: 'Program not found',
      detail: `No program ${programId} in this tenant is known to matching.`,
    });
  }
}

export class ProgramClosedError extends DomainError {
  constructor(programId: string) {
    super({
      code: 'program-closed',
      status: 409,
      title: 'Program closed',
      detail: `Program ${programId} is closed: it takes no more runs or matches.`,
    });
  }
}

export class RunNotFoundError extends DomainError {
  constructor(runId: string) {
    super({
      code: 'run-not-found',
      status: 404,
      title: 'Match run not found',
      detail: `No match run ${runId} in this tenant.`,
    });
  }
}

export class RunInProgressError extends DomainError {
  constructor(programId: string, runId: string) {
    super({
      code: 'run-in-progress',
      status: 409,
      title: 'A run of this program is in progress',
      detail: `Run ${runId} of program ${programId} has not finished yet.`,
    });
  }
}

/** The request is well formed but does not fit the program (mode, options). */
export class RunNotApplicableError extends DomainError {
  constructor(field: string, message: string) {
    super({
      code: 'run-not-applicable',
      status: 422,
      title: 'This run does not fit the program',
      detail: `${field} ${message}`,
      errors: [{ field, message }],
    });
  }
}
