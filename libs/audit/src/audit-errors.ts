/** A code path tried to change or delete an audit entry: a programming error, never allowed. */
export class AuditAppendOnlyError extends Error {
  constructor(readonly operation: string) {
    super(`The audit log is append-only: ${operation} is refused`);
    this.name = 'AuditAppendOnlyError';
  }
}
