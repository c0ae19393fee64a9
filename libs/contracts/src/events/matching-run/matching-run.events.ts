import { z } from 'zod';

const id = z.string().min(1).max(128);
const dateTime = z.iso.datetime({ offset: true });

/** exact assignment (cohort, one role), boards (cohort, several roles), deferred acceptance (national). */
export const MATCH_ALGORITHMS = ['assignment', 'boards', 'deferred-acceptance'] as const;
export type MatchAlgorithm = (typeof MATCH_ALGORITHMS)[number];

export const RUN_PHASES = ['snapshot', 'solve', 'verify', 'store'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

const runBaseSchema = z.object({
  runId: id,
  tenantId: id,
  programId: id,
  algorithm: z.enum(MATCH_ALGORITHMS),
});

/** A match run began executing (a worker claimed it). Key: the run id. */
export const matchingRunStartedSchema = runBaseSchema.extend({
  attempt: z.number().int().min(1),
  startedAt: dateTime,
});

export type MatchingRunStarted = z.infer<typeof matchingRunStartedSchema>;

/** A run finished one phase; long runs report each so callers can follow them. Key: the run id. */
export const matchingRunProgressSchema = runBaseSchema.extend({
  phase: z.enum(RUN_PHASES),
  /** 0..100, how much of the run is done once this phase is. */
  percent: z.number().int().min(0).max(100),
  at: dateTime,
});

export type MatchingRunProgress = z.infer<typeof matchingRunProgressSchema>;

/**
 * A run ended: `completed` with its counts and hashes, or `failed` with the reason. A run that
 * reproduces an earlier one on the same input names it. Key: the run id.
 */
export const matchingRunCompletedSchema = runBaseSchema.extend({
  status: z.enum(['completed', 'failed']),
  inputHash: z.string().min(1).max(128).optional(),
  outputHash: z.string().min(1).max(128).optional(),
  matched: z.number().int().min(0),
  unmatched: z.number().int().min(0),
  verified: z.boolean(),
  reproducesRunId: id.optional(),
  failure: z.string().max(2000).optional(),
  completedAt: dateTime,
});

export type MatchingRunCompleted = z.infer<typeof matchingRunCompletedSchema>;
