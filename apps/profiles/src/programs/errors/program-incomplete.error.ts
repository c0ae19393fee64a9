import { DomainError, type FieldError } from '@medmentor/platform';

/** A program that lacks what publishing needs (or would lose it by a change once published). */
export class ProgramIncompleteError extends DomainError {
  constructor(programId: string, errors: readonly FieldError[]) {
    super({
      code: 'program-incomplete',
      status: 422,
      title: 'The program is not complete enough to be published',
      detail: `Program ${programId} lacks ${errors.map((e) => e.field).join(', ')}.`,
      errors,
    });
  }
}
