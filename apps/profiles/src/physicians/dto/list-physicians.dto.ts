import { z } from 'zod';
import {
  careerStageNameSchema,
  enrollmentRoleSchema,
  interestSchema,
  languageSchema,
  mentorshipRoleSchema,
  specialtyCodeSchema,
  timeZoneSchema,
} from '@medmentor/domain';
import { pageQueryFields } from '@medmentor/platform';

export const listPhysiciansQuerySchema = z.strictObject({
  ...pageQueryFields,
  specialty: specialtyCodeSchema.optional(),
  subspecialty: specialtyCodeSchema.optional(),
  stage: careerStageNameSchema.optional(),
  interest: interestSchema.optional(),
  language: languageSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' })
    .optional(),
  // A query string is text: only the literals true and false are booleans.
  takingBreak: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** With an active enrollment in this program (with `side` and `role`: one that has them). */
  programId: z.uuid().optional(),
  /** With an active enrollment on this side (in `programId`, or in any program). */
  side: enrollmentRoleSchema.optional(),
  /** With an active enrollment for this mentorship role (in `programId`, or in any program). */
  role: mentorshipRoleSchema.optional(),
});

export type ListPhysiciansQuery = z.output<typeof listPhysiciansQuerySchema>;
