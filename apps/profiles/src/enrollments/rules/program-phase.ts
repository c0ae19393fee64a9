import type { MatchingMode, ProgramStatus } from '@medmentor/contracts';
import type { ProgramCycle } from '../../programs/program-settings';

// When a program takes enrollments and rank lists. Pure: the caller passes the time.

export interface ProgramPhase {
  status: ProgramStatus;
  matchingMode: MatchingMode;
  cycle: ProgramCycle;
}

/** Why a program does not take enrollments at `now`, or null when it does. */
export const enrollmentClosedReason = (program: ProgramPhase, now: Date): string | null => {
  if (program.status !== 'open') return `the program is ${program.status}, not open for enrollment`;
  const { enrollmentOpensAt: opens, enrollmentClosesAt: closes } = program.cycle;
  if (opens !== undefined && now.getTime() < opens.getTime())
    return `enrollment opens at ${opens.toISOString()}`;
  if (closes !== undefined && now.getTime() >= closes.getTime())
    return `enrollment closed at ${closes.toISOString()}`;
  return null;
};

/** Whether the program collects rank lists at all: national-ranked programs only. */
export const collectsRankLists = (program: Pick<ProgramPhase, 'matchingMode'>): boolean =>
  program.matchingMode === 'national-ranked';

/** Whether the rank-list deadline has passed at `now` (a program without one never freezes). */
export const rankListsDue = (program: Pick<ProgramPhase, 'cycle'>, now: Date): boolean =>
  program.cycle.rankListsDueAt !== undefined &&
  now.getTime() >= program.cycle.rankListsDueAt.getTime();

/** Why a rank list cannot be edited at `now`, or null when it can. */
export const rankListLockedReason = (
  program: ProgramPhase,
  frozenAt: Date | undefined,
  now: Date,
): string | null => {
  if (frozenAt !== undefined) return `the rank list froze at ${frozenAt.toISOString()}`;
  if (program.status === 'closed') return 'the program is closed';
  if (rankListsDue(program, now))
    return `rank lists were due at ${program.cycle.rankListsDueAt?.toISOString() ?? ''}`;
  return null;
};

/** Program statuses whose rank lists the freeze sweep still freezes (a closed program runs no match). */
export const FREEZABLE_STATUSES: readonly ProgramStatus[] = ['open', 'matching', 'active'];
