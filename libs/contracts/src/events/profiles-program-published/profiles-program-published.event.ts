import { z } from 'zod';
import {
  careerStageNameSchema,
  mentorshipRoleSchema,
  specialtyCodeSchema,
} from '@medmentor/domain';

export const PROGRAM_KINDS = ['institutional', 'national'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** self-match: mentees pick from recommendations; cohort: one optimal batch run; national-ranked: stable matching on rank lists. */
export const MATCHING_MODES = ['self-match', 'cohort', 'national-ranked'] as const;
export type MatchingMode = (typeof MATCHING_MODES)[number];

export const PROGRAM_STATUSES = ['draft', 'open', 'matching', 'active', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/**
 * The factors matching scores a pair on. Each program weighs them from 0 to 1; the weights
 * are relative (matching divides by their sum), so they need not add up to 1.
 */
export const SCORING_FACTORS = [
  'specialty',
  'careerStage',
  'interests',
  'goals',
  'practiceSetting',
  'geography',
  'language',
  'availability',
] as const;
export type ScoringFactor = (typeof SCORING_FACTORS)[number];

export const CADENCE_INTERVALS = ['week', 'two-weeks', 'month', 'quarter'] as const;
export type CadenceInterval = (typeof CADENCE_INTERVALS)[number];

/** Conditions a cadence phase can last for, instead of a number of meetings. */
export const CADENCE_CONDITIONS = ['job-searching'] as const;
export type CadenceCondition = (typeof CADENCE_CONDITIONS)[number];

const weight = z.number().min(0).max(1);

export const scoringWeightsSchema = z.object({
  specialty: weight,
  careerStage: weight,
  interests: weight,
  goals: weight,
  practiceSetting: weight,
  geography: weight,
  language: weight,
  availability: weight,
} satisfies Record<ScoringFactor, typeof weight>);

export type ScoringWeights = z.infer<typeof scoringWeightsSchema>;

/**
 * One phase of meeting cadence: `count` meetings every `every`, or every `every` while the
 * condition holds, or (last phase only) every `every` until the relationship ends.
 */
export const cadencePhaseSchema = z.object({
  every: z.enum(CADENCE_INTERVALS),
  count: z.number().int().min(1).max(52).optional(),
  while: z.enum(CADENCE_CONDITIONS).optional(),
});

export type CadencePhase = z.infer<typeof cadencePhaseSchema>;

/** Who may enrol on one side; an empty list means no restriction. */
export const eligibilitySideSchema = z.object({
  careerStages: z.array(careerStageNameSchema),
  specialties: z.array(specialtyCodeSchema),
});

const dateTime = z.iso.datetime({ offset: true });

/**
 * A published program's configuration: what matching (roles, weights, eligibility,
 * requirements, cycle), scheduling (cadence, kickoff window, reminders) and notifications
 * (name, dates, status) need. `version` grows with every change; a consumer ignores a
 * configuration older than the one it holds.
 */
export const programConfigSchema = z.object({
  programId: z.string().min(1).max(128),
  tenantId: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  kind: z.enum(PROGRAM_KINDS),
  matchingMode: z.enum(MATCHING_MODES),
  status: z.enum(PROGRAM_STATUSES),
  rolesOffered: z
    .array(z.object({ role: mentorshipRoleSchema, perMentee: z.number().int().min(1).max(5) }))
    .min(1),
  scoringWeights: scoringWeightsSchema,
  /** Mentees' rules also apply to peers. */
  eligibility: z.object({ mentees: eligibilitySideSchema, mentors: eligibilitySideSchema }),
  requirements: z.object({ mentorTrainingCompleted: z.boolean() }),
  cadence: z.array(cadencePhaseSchema).min(1),
  kickoffWindowDays: z.number().int().min(1).max(90),
  /** Minutes before a check-in when reminders go out. */
  reminderOffsetsMinutes: z.array(z.number().int().min(1)),
  cycle: z.object({
    enrollmentOpensAt: dateTime,
    enrollmentClosesAt: dateTime,
    /** national-ranked programs only. */
    rankListsDueAt: dateTime.optional(),
    /** Absent for self-match programs, which have no match run. */
    matchDate: dateTime.optional(),
  }),
  version: z.number().int().min(1),
});

export type ProgramConfig = z.infer<typeof programConfigSchema>;

/** A draft program was published (enrollment can open): its whole configuration. Key: the program id. */
export const profilesProgramPublishedSchema = programConfigSchema;

export type ProfilesProgramPublished = z.infer<typeof profilesProgramPublishedSchema>;
