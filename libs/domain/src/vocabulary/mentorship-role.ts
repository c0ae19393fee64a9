import { z } from 'zod';

/** The seats on a mentee's mentorship board; `career` covers career and leadership. */
export const MENTORSHIP_ROLES = ['clinical', 'career', 'wellness', 'peer'] as const;

export const mentorshipRoleSchema = z.enum(MENTORSHIP_ROLES);

export type MentorshipRole = z.infer<typeof mentorshipRoleSchema>;
