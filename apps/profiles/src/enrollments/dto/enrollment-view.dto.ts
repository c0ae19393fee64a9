import { z } from 'zod';
import { ENROLLMENT_STATUSES, enrollmentPreferencesSchema } from '@medmentor/contracts';
import {
  enrollmentRoleSchema,
  mentoringTopicSchema,
  mentorshipRoleSchema,
} from '@medmentor/domain';
import { pageSchema } from '@medmentor/platform';

const dateTime = z.iso.datetime();

/** An enrollment as the API returns it (to its physician and the tenant's administrators). */
export const enrollmentViewSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  programId: z.string(),
  physicianId: z.string(),
  side: enrollmentRoleSchema,
  roles: z.array(mentorshipRoleSchema),
  topics: z.array(mentoringTopicSchema),
  preferences: enrollmentPreferencesSchema,
  capacity: z.number().int().optional(),
  status: z.enum(ENROLLMENT_STATUSES),
  rankList: z
    .object({
      ranks: z.array(z.string()),
      submittedAt: dateTime.optional(),
      frozenAt: dateTime.optional(),
    })
    .optional()
    .describe(
      'Mentees and mentors of national-ranked programs: enrollment ids, most wanted first.',
    ),
  version: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
  withdrawnAt: dateTime.optional(),
});

export type EnrollmentView = z.infer<typeof enrollmentViewSchema>;

export const enrollmentPageSchema = pageSchema(enrollmentViewSchema);
