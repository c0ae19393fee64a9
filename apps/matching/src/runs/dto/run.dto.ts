import { z } from 'zod';
import { MATCH_ALGORITHMS, RUN_PHASES } from '@medmentor/contracts';
import { MENTORSHIP_ROLES } from '@medmentor/domain';
import { pageQueryFields, pageSchema } from '@medmentor/platform';
import { RUN_STATUSES } from '../schemas/match-run.schema';

const id = z.string().min(1).max(128);

export const programParamsSchema = z.strictObject({ programId: id });
export type ProgramParams = z.output<typeof programParamsSchema>;

export const runParamsSchema = z.strictObject({ runId: z.uuid() });
export type RunParams = z.output<typeof runParamsSchema>;

export const startRunSchema = z.strictObject({
  /** National programs: who proposes (default mentees, the mentee-optimal stable matching). */
  proposer: z.enum(['mentees', 'mentors']).optional(),
  /** Cohort programs: first match as many mentees as possible, then maximise the total score. */
  maximizeMatches: z.boolean().default(false),
  /** Cohort programs with one role: keep each mentee's k best mentors before solving. */
  candidatesPerMentee: z.number().int().min(1).max(1000).optional(),
  /** Recorded with the run; the algorithms are deterministic. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
});
export type StartRunDto = z.output<typeof startRunSchema>;

export const listQuerySchema = z.strictObject({ ...pageQueryFields });
export type ListQuery = z.output<typeof listQuerySchema>;

const factorSchema = z.object({
  factor: z.string(),
  weight: z.number(),
  similarity: z.number(),
  contribution: z.number(),
  detail: z.record(z.string(), z.unknown()),
});

export const runViewSchema = z.object({
  runId: z.uuid(),
  tenantId: z.string(),
  programId: z.string(),
  status: z.enum(RUN_STATUSES),
  algorithm: z.enum(MATCH_ALGORITHMS),
  algorithmVersion: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  seed: z.number(),
  attempts: z.number(),
  progress: z.object({ phase: z.enum(RUN_PHASES), percent: z.number() }).optional(),
  programVersion: z.number().optional(),
  inputHash: z.string().optional(),
  outputHash: z.string().optional(),
  verification: z
    .object({ verified: z.boolean(), method: z.string(), detail: z.string().optional() })
    .optional(),
  summary: z.record(z.string(), z.unknown()).optional(),
  unmatched: z
    .array(z.object({ menteeEnrollmentId: z.string(), role: z.enum(MENTORSHIP_ROLES) }))
    .optional(),
  leftOut: z.array(z.object({ enrollmentId: z.string(), reason: z.string() })).optional(),
  reproducesRunId: z.string().optional(),
  differsFromRunId: z.string().optional(),
  failure: z.string().optional(),
  timings: z.record(z.string(), z.unknown()),
  requestedBy: z.string(),
  publishedAt: z.string().optional(),
  createdAt: z.string(),
});
export type RunView = z.input<typeof runViewSchema>;

export const runPageSchema = pageSchema(runViewSchema);

export const runMatchViewSchema = z.object({
  menteeEnrollmentId: z.string(),
  mentorEnrollmentId: z.string(),
  menteeId: z.string(),
  mentorId: z.string(),
  role: z.enum(MENTORSHIP_ROLES),
  score: z.number(),
  factors: z.array(factorSchema).optional(),
  menteeRank: z.number().optional(),
  mentorRank: z.number().optional(),
  anonymised: z.boolean().optional(),
});
export type RunMatchView = z.input<typeof runMatchViewSchema>;

export const runMatchPageSchema = pageSchema(runMatchViewSchema);
