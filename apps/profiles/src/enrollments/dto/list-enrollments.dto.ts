import { z } from 'zod';
import { ENROLLMENT_STATUSES } from '@medmentor/contracts';
import {
  careerStageNameSchema,
  enrollmentRoleSchema,
  interestSchema,
  mentorshipRoleSchema,
  specialtyCodeSchema,
} from '@medmentor/domain';
import { pageQueryFields } from '@medmentor/platform';

export const listEnrollmentsQuerySchema = z.strictObject({
  ...pageQueryFields,
  programId: z.uuid().optional(),
  physicianId: z.uuid().optional(),
  side: enrollmentRoleSchema.optional(),
  role: mentorshipRoleSchema.optional(),
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  /** The physician's specialty or subspecialty. */
  specialty: specialtyCodeSchema.optional(),
  stage: careerStageNameSchema.optional(),
  interest: interestSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' })
    .optional(),
  region: z.string().trim().min(1).max(100).optional(),
});

export type ListEnrollmentsQuery = z.output<typeof listEnrollmentsQuerySchema>;
