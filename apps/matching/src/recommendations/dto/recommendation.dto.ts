import { z } from 'zod';
import { MENTORSHIP_ROLES, mentorshipRoleSchema } from '@medmentor/domain';

const id = z.string().min(1).max(128);

export const recommendationQuerySchema = z.strictObject({
  menteeEnrollmentId: id,
  /** Default: the first role the program offers. */
  role: mentorshipRoleSchema.optional(),
  k: z.coerce.number().int().min(1).max(50).default(10),
});
export type RecommendationQuery = z.output<typeof recommendationQuerySchema>;

export const matchRequestSchema = z.strictObject({
  menteeEnrollmentId: id,
  mentorEnrollmentId: id,
  role: mentorshipRoleSchema,
});
export type MatchRequestDto = z.output<typeof matchRequestSchema>;

export const recommendationSchema = z.object({
  mentorEnrollmentId: z.string(),
  mentorId: z.string(),
  role: z.enum(MENTORSHIP_ROLES),
  score: z.number(),
  factors: z.array(
    z.object({
      factor: z.string(),
      weight: z.number(),
      similarity: z.number(),
      contribution: z.number(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const recommendationListSchema = z.object({
  menteeEnrollmentId: z.string(),
  role: z.enum(MENTORSHIP_ROLES),
  items: z.array(recommendationSchema),
});
export type RecommendationList = z.input<typeof recommendationListSchema>;
