import { DomainError } from '@medmentor/platform';

export class ProgramNotFoundError extends DomainError {
  constructor(programId: string) {
    super({
      code: 'program-not-found',
      status: 404,
      title: 'Program not found',
      detail: `No program ${programId} in this tenant.`,
    });
  }
}
