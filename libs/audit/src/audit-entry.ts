import { z } from 'zod';

/**
 * What an audit entry may say about a change, besides ids: names of changed fields, counts,
 * states and ids. Values are short scalars so no free text (a name, an email, a note) can
 * slip in; callers name fields, they never copy values of personal fields.
 */
export const auditSummarySchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
    z.union([
      z.string().max(200),
      z.number().finite(),
      z.boolean(),
      z.null(),
      z.array(z.string().max(200)).max(50),
    ]),
  )
  .refine((summary) => Object.keys(summary).length <= 20, { message: 'at most 20 keys' });

export type AuditSummary = z.output<typeof auditSummarySchema>;

/** Who acted: the verified identity (an @medmentor/auth Identity fits), or a system actor. */
export interface AuditActor {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly physicianId?: string;
}

/** Where the request came from; absent for work that did not start with a request. */
export interface AuditOrigin {
  readonly ip?: string;
  readonly userAgent?: string;
  readonly correlationId?: string;
}

/** What a service asks to record. */
export interface AuditInput {
  /** The tenant the action concerns (for platform administration: the tenant acted on). */
  readonly tenantId: string;
  /** `<resource>.<verb>` in the past tense, e.g. `program.published`, `physician.erased`. */
  readonly action: string;
  readonly resource: { readonly type: string; readonly id: string };
  readonly summary?: AuditSummary;
}

/** One stored entry, as read back. */
export interface AuditEntry {
  readonly id: string;
  readonly tenantId: string;
  readonly service: string;
  readonly at: Date;
  readonly actor: AuditActor;
  readonly action: string;
  readonly resource: { readonly type: string; readonly id: string };
  readonly summary: AuditSummary;
  readonly origin: AuditOrigin;
}

export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
