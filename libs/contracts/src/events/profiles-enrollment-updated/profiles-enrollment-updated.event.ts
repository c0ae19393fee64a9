import type { z } from 'zod';
import { enrollmentSnapshotSchema } from '../profiles-enrollment-submitted/profiles-enrollment-submitted.event';

/** An enrollment changed (roles, topics, preferences, capacity): its whole new snapshot. Key: the enrollment id. */
export const profilesEnrollmentUpdatedSchema = enrollmentSnapshotSchema;

export type ProfilesEnrollmentUpdated = z.infer<typeof profilesEnrollmentUpdatedSchema>;
