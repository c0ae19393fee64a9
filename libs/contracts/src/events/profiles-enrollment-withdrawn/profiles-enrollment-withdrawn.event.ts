import { z } from 'zod';
import { enrollmentRoleSchema } from '@medmentor/domain';

const id = z.string().min(1).max(128);

/**
 * A physician left a program (or an administrator removed them): matching drops them from
 * runs and recommendations. Key: the enrollment id.
 */
export const profilesEnrollmentWithdrawnSchema = z.object({
  enrollmentId: id,
  tenantId: id,
  programId: id,
  physicianId: id,
  side: enrollmentRoleSchema,
  withdrawnAt: z.iso.datetime({ offset: true }),
  version: z.number().int().min(1),
});

export type ProfilesEnrollmentWithdrawn = z.infer<typeof profilesEnrollmentWithdrawnSchema>;
