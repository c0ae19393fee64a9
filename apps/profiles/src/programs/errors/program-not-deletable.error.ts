import { DomainError } from '@medmentor/platform';

export class ProgramNotDeletableError extends DomainError {
  constructor(programId: string, status: string) {
    super({
      code: 'program-not-deletable',
      status: 409,
      title: 'Only a draft program can be deleted',
      detail: `Program ${programId} is ${status}; close it instead.`,
    });
  }
}
