import { DomainError } from '@medmentor/platform';

/** A change the program's status forbids: anything once closed, some fields once published. */
export class ProgramNotEditableError extends DomainError {
  constructor(programId: string, status: string, fields?: readonly string[]) {
    super(
      fields === undefined
        ? {
            code: 'program-closed',
            status: 409,
            title: 'The program is closed',
            detail: `Program ${programId} is closed and can no longer change.`,
          }
        : {
            code: 'program-field-locked',
            status: 409,
            title: 'These fields are fixed once a program is published',
            detail: `Program ${programId} is ${status}: ${fields.join(', ')} can no longer change.`,
            errors: fields.map((field) => ({
              field,
              message: 'is fixed once the program is published',
            })),
          },
    );
  }
}
