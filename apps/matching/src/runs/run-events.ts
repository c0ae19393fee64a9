import { createEvent, type OutgoingEvent, type RunPhase } from '@medmentor/contracts';
import type { MatchRun } from './schemas/match-run.schema';

type RunRef = Pick<MatchRun, '_id' | 'tenantId' | 'programId' | 'algorithm'>;

const meta = (run: RunRef, at: Date) => ({ tenantId: run.tenantId, source: 'matching', time: at });
const base = (run: RunRef) => ({
  runId: run._id,
  tenantId: run.tenantId,
  programId: run.programId,
  algorithm: run.algorithm,
});

export const runStarted = (run: RunRef, attempt: number, at: Date): OutgoingEvent =>
  createEvent(
    'medmentor.matching.run.started',
    { ...base(run), attempt, startedAt: at.toISOString() },
    meta(run, at),
  );

/** How much of a run is done once each phase is. */
export const PHASE_PERCENT: Record<RunPhase, number> = {
  snapshot: 25,
  solve: 60,
  verify: 80,
  store: 100,
};

export const runProgress = (run: RunRef, phase: RunPhase, at: Date): OutgoingEvent =>
  createEvent(
    'medmentor.matching.run.progress',
    { ...base(run), phase, percent: PHASE_PERCENT[phase], at: at.toISOString() },
    meta(run, at),
  );

export const runCompleted = (run: MatchRun, at: Date): OutgoingEvent =>
  createEvent(
    'medmentor.matching.run.completed',
    {
      ...base(run),
      status: run.status === 'completed' ? 'completed' : 'failed',
      ...(run.inputHash !== undefined && { inputHash: run.inputHash }),
      ...(run.outputHash !== undefined && { outputHash: run.outputHash }),
      matched: run.summary?.matched ?? 0,
      unmatched: run.summary?.unmatched ?? 0,
      verified: run.verification?.verified ?? false,
      ...(run.reproducesRunId !== undefined && { reproducesRunId: run.reproducesRunId }),
      ...(run.failure !== undefined && { failure: run.failure.slice(0, 2000) }),
      completedAt: at.toISOString(),
    },
    meta(run, at),
  );
