import { z } from 'zod';

export const CAREER_STAGES = [
  'student',
  'resident',
  'fellow',
  'early-career',
  'mid-career',
  'senior',
] as const;

export const careerStageNameSchema = z.enum(CAREER_STAGES);
export type CareerStageName = z.infer<typeof careerStageNameSchema>;

/** Residency lengths run from 1 (transitional) to 7 (neurosurgery) postgraduate years. */
export const PGY_MIN = 1;
export const PGY_MAX = 7;
/** Early career means an attending in the first five years of practice. */
export const EARLY_CAREER_MAX_YEARS = 5;
const MAX_YEARS_IN_PRACTICE = 70;

const yearsInPractice = (min: number, max: number) =>
  z
    .int()
    .min(min, { error: `yearsInPractice must be at least ${min} for this stage` })
    .max(max, { error: `yearsInPractice must be at most ${max} for this stage` })
    .optional();

/** A physician's career stage; residents carry their postgraduate year. */
export const careerStageSchema = z.discriminatedUnion('stage', [
  z.strictObject({ stage: z.literal('student') }),
  z.strictObject({
    stage: z.literal('resident'),
    pgy: z
      .int()
      .min(PGY_MIN, { error: `pgy must be between ${PGY_MIN} and ${PGY_MAX}` })
      .max(PGY_MAX, { error: `pgy must be between ${PGY_MIN} and ${PGY_MAX}` }),
  }),
  z.strictObject({ stage: z.literal('fellow') }),
  z.strictObject({
    stage: z.literal('early-career'),
    yearsInPractice: yearsInPractice(0, EARLY_CAREER_MAX_YEARS),
  }),
  z.strictObject({
    stage: z.literal('mid-career'),
    yearsInPractice: yearsInPractice(EARLY_CAREER_MAX_YEARS + 1, MAX_YEARS_IN_PRACTICE),
  }),
  z.strictObject({
    stage: z.literal('senior'),
    yearsInPractice: yearsInPractice(EARLY_CAREER_MAX_YEARS + 1, MAX_YEARS_IN_PRACTICE),
  }),
]);

export type CareerStage = z.infer<typeof careerStageSchema>;
