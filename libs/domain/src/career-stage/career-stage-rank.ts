import type { CareerStage } from './career-stage';
import { PGY_MAX } from './career-stage';

// One step per training year while in residency, then one per later stage: a fellow ranks
// above every resident, and each attending stage above the one before it.
const FELLOW_RANK = PGY_MAX + 1;
const RANKS = {
  student: 0,
  fellow: FELLOW_RANK,
  'early-career': FELLOW_RANK + 1,
  'mid-career': FELLOW_RANK + 2,
  senior: FELLOW_RANK + 3,
} as const;

/** The highest rank, and so the largest possible gap between two stages. */
export const MAX_CAREER_STAGE_RANK = RANKS.senior;

/**
 * An ordinal for comparing stages: student 0, resident PGY-n n (1..7), fellow 8,
 * early-career 9, mid-career 10, senior 11.
 */
export function careerStageRank(stage: CareerStage): number {
  return stage.stage === 'resident' ? stage.pgy : RANKS[stage.stage];
}

/** How far `b` is ahead of `a` (negative when behind). */
export function stageGap(a: CareerStage, b: CareerStage): number {
  return careerStageRank(b) - careerStageRank(a);
}
