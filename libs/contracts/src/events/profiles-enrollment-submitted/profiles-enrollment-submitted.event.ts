import { z } from 'zod';
import {
  enrollmentRoleSchema,
  languageSchema,
  mentoringTopicSchema,
  mentorshipRoleSchema,
  practiceSettingSchema,
  specialtyCodeSchema,
} from '@medmentor/domain';

const id = z.string().min(1).max(128);

export const ENROLLMENT_STATUSES = ['active', 'withdrawn'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/**
 * Soft wishes: matching scores a candidate who has them higher, and never excludes one who
 * has not. An empty list (or absent axis) means no preference.
 */
export const preferredAttributesSchema = z.object({
  specialties: z.array(specialtyCodeSchema),
  languages: z.array(languageSchema),
  practiceSetting: practiceSettingSchema,
});

export type PreferredAttributes = z.infer<typeof preferredAttributesSchema>;

export const enrollmentPreferencesSchema = z.object({
  /** Mentees and peers only: pair only with someone from another hospital (or institution). */
  externalMentorOnly: z.boolean(),
  preferred: preferredAttributesSchema,
  /** Physicians this one must never be paired with (hard exclusions). */
  exclusions: z.array(id),
});

export type EnrollmentPreferences = z.infer<typeof enrollmentPreferencesSchema>;

/**
 * A physician's enrollment in one program, as matching needs it: the side they take, the
 * roles they seek (mentee, peer) or offer (mentor), the topics they want help with (a
 * mentee's goals) or can help with (a mentor's strengths), their preferences and, for a
 * mentor, how many mentees they take in this program. `version` grows with every change; a
 * consumer ignores a snapshot older than the one it holds.
 */
export const enrollmentSnapshotSchema = z.object({
  enrollmentId: id,
  tenantId: id,
  programId: id,
  physicianId: id,
  side: enrollmentRoleSchema,
  roles: z.array(mentorshipRoleSchema).min(1),
  topics: z.array(mentoringTopicSchema),
  preferences: enrollmentPreferencesSchema,
  /** Mentors only: mentees taken in this program (at most the profile's mentoring capacity). */
  capacity: z.number().int().min(1).max(20).optional(),
  status: z.enum(ENROLLMENT_STATUSES),
  submittedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().min(1),
});

export type EnrollmentSnapshot = z.infer<typeof enrollmentSnapshotSchema>;

/** A physician enrolled in a program: the whole enrollment. Key: the enrollment id. */
export const profilesEnrollmentSubmittedSchema = enrollmentSnapshotSchema;

export type ProfilesEnrollmentSubmitted = z.infer<typeof profilesEnrollmentSubmittedSchema>;
