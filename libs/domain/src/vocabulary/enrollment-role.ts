import { z } from 'zod';

/** The side a physician takes when enrolling in a program. */
export const ENROLLMENT_ROLES = ['mentee', 'mentor', 'peer'] as const;

export const enrollmentRoleSchema = z.enum(ENROLLMENT_ROLES);

export type EnrollmentRole = z.infer<typeof enrollmentRoleSchema>;
