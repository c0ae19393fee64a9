import { z } from 'zod';
import { MATCH_END_REASONS, MATCH_ORIGINS, MATCH_SIDES } from '@medmentor/contracts';
import { MENTORSHIP_ROLES, mentorshipRoleSchema } from '@medmentor/domain';
import { pageQueryFields, pageSchema } from '@medmentor/platform';
import { MATCH_STATUSES } from '../schemas/match.schema';

const id = z.string().min(1).max(128);

export const matchParamsSchema = z.strictObject({ matchId: z.uuid() });
export type MatchParams = z.output<typeof matchParamsSchema>;

export const declineSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500).optional(),
});
export type DeclineDto = z.output<typeof declineSchema>;

export const manualMatchSchema = z.strictObject({
  menteeEnrollmentId: id,
  mentorEnrollmentId: id,
  role: mentorshipRoleSchema,
});
export type ManualMatchDto = z.output<typeof manualMatchSchema>;

export const listMatchesQuerySchema = z.strictObject({
  ...pageQueryFields,
  programId: id.optional(),
  status: z.enum(MATCH_STATUSES).optional(),
  physicianId: id.optional(),
});
export type ListMatchesQuery = z.output<typeof listMatchesQuerySchema>;

export const matchViewSchema = z.object({
  matchId: z.uuid(),
  tenantId: z.string(),
  programId: z.string(),
  role: z.enum(MENTORSHIP_ROLES),
  menteeId: z.string(),
  mentorId: z.string(),
  menteeEnrollmentId: z.string(),
  mentorEnrollmentId: z.string(),
  origin: z.enum(MATCH_ORIGINS),
  runId: z.string().optional(),
  status: z.enum(MATCH_STATUSES),
  responseDeadline: z.string(),
  menteeAcceptedAt: z.string().optional(),
  mentorAcceptedAt: z.string().optional(),
  score: z.number().optional(),
  factors: z
    .array(
      z.object({
        factor: z.string(),
        weight: z.number(),
        similarity: z.number(),
        contribution: z.number(),
        detail: z.record(z.string(), z.unknown()),
      }),
    )
    .optional(),
  declinedBy: z.enum(MATCH_SIDES).optional(),
  declineReason: z.string().optional(),
  endReason: z.enum(MATCH_END_REASONS).optional(),
  anonymised: z.boolean().optional(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MatchView = z.input<typeof matchViewSchema>;

export const matchPageSchema = pageSchema(matchViewSchema);

export const publishResultSchema = z.object({
  runId: z.uuid(),
  proposed: z.number(),
  /** Run matches not proposed: the mentee's seat already had a live match, or it was proposed before. */
  skipped: z.number(),
  responseDeadline: z.string(),
});
export type PublishResult = z.input<typeof publishResultSchema>;
