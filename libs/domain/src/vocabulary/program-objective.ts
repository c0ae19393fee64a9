import { z } from 'zod';

/** What a program sets out to achieve; programs report against these. */
export const PROGRAM_OBJECTIVES = [
  'skills',
  'leadership',
  'retention',
  'onboarding',
  'job-search',
  'custom',
] as const;

export const programObjectiveSchema = z.enum(PROGRAM_OBJECTIVES);

export type ProgramObjective = z.infer<typeof programObjectiveSchema>;
