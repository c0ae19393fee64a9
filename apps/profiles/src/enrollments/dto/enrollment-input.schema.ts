import { z } from 'zod';
import {
  enrollmentRoleSchema,
  languageSchema,
  mentoringTopicSchema,
  mentorshipRoleSchema,
  practiceSettingSchema,
  specialtyCodeSchema,
} from '@medmentor/domain';

/** A list whose entries must be distinct: a repeated role, topic or id is a client mistake. */
const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, {
      error: 'must not repeat an entry',
    });

export const preferencesInputSchema = z.strictObject({
  /** Mentees and peers only: pair only with a physician outside their hospital or reporting line. */
  externalMentorOnly: z.boolean().default(false),
  preferred: z
    .strictObject({
      specialties: distinct(specialtyCodeSchema, 10).default([]),
      languages: distinct(languageSchema, 10).default([]),
      practiceSetting: practiceSettingSchema.default({}),
    })
    .default({ specialties: [], languages: [], practiceSetting: {} }),
  /** Physician ids of the same tenant this one must never be paired with. */
  exclusions: distinct(z.uuid(), 50).default([]),
});

export const enrollmentTermsFields = {
  roles: distinct(mentorshipRoleSchema, 4).min(1),
  /** A mentee's goals or a mentor's strengths in this program. */
  topics: distinct(mentoringTopicSchema, 10),
  preferences: preferencesInputSchema,
  capacity: z.int().min(1).max(20),
};

export const createEnrollmentSchema = z.strictObject({
  programId: z.uuid(),
  /** Defaults to the caller's own physician id; administrators name the physician. */
  physicianId: z.uuid().optional(),
  side: enrollmentRoleSchema,
  /** Defaults to `['peer']` for a peer. */
  roles: enrollmentTermsFields.roles.optional(),
  topics: enrollmentTermsFields.topics.default([]),
  preferences: preferencesInputSchema.default({
    externalMentorOnly: false,
    preferred: { specialties: [], languages: [], practiceSetting: {} },
    exclusions: [],
  }),
  /** Mentors only; defaults to the profile's mentoring capacity. */
  capacity: enrollmentTermsFields.capacity.optional(),
});

export type CreateEnrollmentDto = z.output<typeof createEnrollmentSchema>;

/** Fields sent replace the stored ones as a whole; `version` is the one last read. */
export const updateEnrollmentSchema = z.strictObject({
  version: z.int().min(1),
  roles: enrollmentTermsFields.roles.optional(),
  topics: enrollmentTermsFields.topics.optional(),
  preferences: preferencesInputSchema.optional(),
  capacity: enrollmentTermsFields.capacity.optional(),
});

export type UpdateEnrollmentDto = z.output<typeof updateEnrollmentSchema>;

/** The whole ordered list, most wanted first, with the enrollment version last read. */
export const submitRankListSchema = z.strictObject({
  version: z.int().min(1),
  ranks: z.array(z.uuid()).max(200),
});

export type SubmitRankListDto = z.output<typeof submitRankListSchema>;
