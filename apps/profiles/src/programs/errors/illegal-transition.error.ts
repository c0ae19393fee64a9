import { DomainError } from '@medmentor/platform';

/** A lifecycle action the program's status does not allow. */
export class IllegalTransitionError extends DomainError {
  constructor(programId: string, reason: string) {
    super({
      code: 'illegal-transition',
      status: 409,
      title: 'Not allowed in the program’s current status',
      detail: `Program ${programId}: ${reason}.`,
    });
  }
}
