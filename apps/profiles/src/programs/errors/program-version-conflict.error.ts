import { DomainError } from '@medmentor/platform';

/** The client changed a program from a version that is no longer the current one. */
export class ProgramVersionConflictError extends DomainError {
  constructor(programId: string, sent: number, current: number) {
    super({
      code: 'version-conflict',
      status: 409,
      title: 'The resource changed since it was read',
      detail: `Program ${programId} is at version ${current}, the change was made from version ${sent}. Read it again and reapply the change.`,
      errors: [{ field: 'version', message: `must be the current version ${current}` }],
    });
  }
}
