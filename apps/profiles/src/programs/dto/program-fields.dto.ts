import { z } from 'zod';
import {
  CADENCE_CONDITIONS,
  CADENCE_INTERVALS,
  MATCHING_MODES,
  PROGRAM_KINDS,
} from '@medmentor/contracts';
import {
  careerStageNameSchema,
  mentorshipRoleSchema,
  programObjectiveSchema,
  specialtyCodeSchema,
} from '@medmentor/domain';

// The request fields of a program, without defaults: create adds defaults, a change
// replaces only the fields it names. Rules across fields (date order, cadence shape,
// custom objectives) are checked on the merged settings by the service.

/** Adds an issue for every repeated entry of a list. */
const noDuplicates =
  <T>(key: (item: T) => unknown = (item) => item) =>
  (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [index], message: 'is listed twice' });
      seen.add(k);
    });
  };

const dateTime = z.iso
  .datetime({ offset: true })
  .describe('RFC 3339 date-time with offset, e.g. 2026-03-01T00:00:00Z');

const weight = z.number().min(0).max(1);

const eligibilitySideSchema = z.strictObject({
  careerStages: z
    .array(careerStageNameSchema)
    .max(6)
    .superRefine(noDuplicates())
    .default([])
    .describe('Empty: any career stage.'),
  specialties: z
    .array(specialtyCodeSchema)
    .max(200)
    .superRefine(noDuplicates())
    .default([])
    .describe('ABMS codes; a primary specialty admits its subspecialties. Empty: any specialty.'),
});

const noRestriction = { careerStages: [], specialties: [] };

export const programFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000),
  objectives: z.array(programObjectiveSchema).max(6).superRefine(noDuplicates()),
  customObjectives: z
    .array(z.string().trim().min(1).max(200))
    .max(5)
    .describe('Free-text objectives; required exactly when objectives include custom.'),
  kind: z.enum(PROGRAM_KINDS),
  matchingMode: z.enum(MATCHING_MODES),
  cycle: z
    .strictObject({
      enrollmentOpensAt: dateTime.optional(),
      enrollmentClosesAt: dateTime.optional(),
      rankListsDueAt: dateTime.optional().describe('national-ranked programs only.'),
      matchDate: dateTime.optional(),
    })
    .describe(
      'In order: enrollment opens < closes ≤ rank lists due ≤ match date. Replaced as a whole.',
    ),
  rolesOffered: z
    .array(
      z.strictObject({ role: mentorshipRoleSchema, perMentee: z.number().int().min(1).max(5) }),
    )
    .min(1)
    .max(4)
    .superRefine(noDuplicates((offer: { role: string }) => offer.role))
    .describe('Mentorship roles on each mentee’s board and how many mentors of each.'),
  scoringWeights: z
    .strictObject({
      specialty: weight.optional(),
      careerStage: weight.optional(),
      interests: weight.optional(),
      goals: weight.optional(),
      practiceSetting: weight.optional(),
      geography: weight.optional(),
      language: weight.optional(),
      availability: weight.optional(),
    })
    .describe(
      'Relative weights from 0 to 1 per factor (matching divides by their sum); a factor left out weighs 0.',
    ),
  eligibility: z
    .strictObject({
      mentees: eligibilitySideSchema.default(noRestriction).describe('Also applies to peers.'),
      mentors: eligibilitySideSchema.default(noRestriction),
    })
    .describe('Who may enrol on each side.'),
  requirements: z.strictObject({
    mentorTrainingCompleted: z
      .boolean()
      .default(false)
      .describe('Mentors must have completed mentor training to be matched.'),
  }),
  cadence: z
    .array(
      z.strictObject({
        every: z.enum(CADENCE_INTERVALS),
        count: z.number().int().min(1).max(52).optional().describe('Meetings in this phase.'),
        while: z.enum(CADENCE_CONDITIONS).optional().describe('The phase lasts while this holds.'),
      }),
    )
    .min(1)
    .max(10)
    .describe(
      'Ordered phases, e.g. [{ every: month, count: 6 }, { every: quarter }]; only the last may have neither count nor while.',
    ),
  kickoffWindowDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .describe('Days after a match within which the kickoff meeting should happen.'),
  reminderOffsetsMinutes: z
    .array(z.number().int().min(5).max(43_200))
    .max(5)
    .superRefine(noDuplicates())
    .describe('Minutes before a check-in when reminders go out (5 minutes to 30 days).'),
};

export type ScoringWeightsInput = z.output<typeof programFields.scoringWeights>;
