import { z } from 'zod';
import {
  careerStageSchema,
  interestSchema,
  languageSchema,
  npiSchema,
  practiceSettingSchema,
  specialtyCodeSchema,
  timeZoneSchema,
} from '@medmentor/domain';
import { weeklyAvailabilitySchema } from './availability.schema';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Fields a physician may choose to show to potential matches and to administrators. */
export const PRIVATE_FIELDS = ['email', 'phone', 'npi', 'location', 'bio', 'goals', 'availability'] as const;

export const privacySettingsSchema = z.strictObject({
  /** What a matched or potential mentor/mentee sees beyond name, specialty and stage. */
  visibleToMatches: z.array(z.enum(PRIVATE_FIELDS)).max(PRIVATE_FIELDS.length).default(['bio', 'goals', 'location']),
  /** What program administrators see beyond what they need to run the program. */
  visibleToAdmins: z.array(z.enum(PRIVATE_FIELDS)).max(PRIVATE_FIELDS.length).default([...PRIVATE_FIELDS]),
});

export const reportingLineSchema = z.strictObject({
  /** Physicians this one reports to (supervisors, chain of command). */
  supervisorIds: z.array(z.uuid()).max(20).default([]),
  /** Physicians who evaluate this one (program directors, assessors). */
  evaluatorIds: z.array(z.uuid()).max(20).default([]),
});

export const mentorTrainingSchema = z.strictObject({
  completed: z.boolean(),
  completedAt: z.iso.date().optional(),
});

/** The fields of a profile, without the rules across fields (updates build on these). */
export const physicianFieldsSchema = z.strictObject({
  givenName: text(100),
  familyName: text(100),
  email: z.email().max(254).transform((email) => email.toLowerCase()),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, { error: 'must be an E.164 number such as +15551234567' })
    .optional(),
  npi: npiSchema.optional(),
  specialty: specialtyCodeSchema,
  subspecialty: specialtyCodeSchema.optional(),
  careerStage: careerStageSchema,
  /** A hospital id of the tenant's directory, when the tenant is a health system. */
  hospitalId: z.string().min(1).max(64).optional(),
  institution: text(200).optional(),
  department: text(200).optional(),
  location: z
    .strictObject({
      city: text(100).optional(),
      region: text(100).optional(),
      country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' }),
    })
    .optional(),
  timeZone: timeZoneSchema,
  languages: z.array(languageSchema).min(1).max(10).default(['en']),
  interests: z.array(interestSchema).max(12).default([]),
  goals: z.array(text(300)).max(10).default([]),
  practiceSetting: practiceSettingSchema.default({}),
  bio: z.string().trim().max(4000).optional(),
  availability: weeklyAvailabilitySchema.default([]),
  mentoringCapacity: z.int().min(0).max(20).default(0),
  takingBreak: z.boolean().default(false),
  mentorTraining: mentorTrainingSchema.default({ completed: false }),
  reportingLine: reportingLineSchema.default({ supervisorIds: [], evaluatorIds: [] }),
  privacy: privacySettingsSchema.default({
    visibleToMatches: ['bio', 'goals', 'location'],
    visibleToAdmins: [...PRIVATE_FIELDS],
  }),
});

/** A physician profile as an administrator or the physician submits it. */
export const physicianInputSchema = physicianFieldsSchema.superRefine((p, ctx) => {
  // Every physician past medical school has an NPI; students usually do not yet.
  if (p.npi === undefined && p.careerStage.stage !== 'student') {
    ctx.addIssue({ code: 'custom', path: ['npi'], message: 'is required for physicians past medical school' });
  }
});

export type PhysicianInput = z.infer<typeof physicianInputSchema>;
