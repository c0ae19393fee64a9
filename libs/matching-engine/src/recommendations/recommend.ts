import type { MentorshipRole } from '@medmentor/domain';
import { MatchingInputError } from '../errors';
import type { PairScore } from '../scoring/explanation.types';
import { scorePair } from '../scoring/score-pair';
import type { ScoringParticipant } from '../scoring/scoring.types';
import type { CandidatePool } from './candidate-pool';
import { bestCandidates } from './score-candidates';
import type { ScanDirection } from './score-candidates';

export interface RecommendOptions {
  readonly role: MentorshipRole;
  /** How many to return at most. */
  readonly k: number;
  /** Candidates to leave out (already proposed, already on the board, ...). */
  readonly excludeIds?: Iterable<string>;
}

/** Best `k` allowed candidates, best first, ties to the lower id: [index, score] pairs. */
export function topCandidates(
  pool: CandidatePool,
  query: ScoringParticipant,
  direction: ScanDirection,
  { role, k, excludeIds }: RecommendOptions,
): { index: number; score: number }[] {
  if (!Number.isInteger(k) || k < 0) {
    throw new MatchingInputError('invalid-option', 'k must be a non-negative integer');
  }
  return bestCandidates(pool, query, { role, direction, excludeIds, k });
}

/**
 * The `k` best mentors of the pool for `mentee` in `role`, best first (equal scores: lower id
 * first), each with its explanation; only pairs every hard constraint allows. The pool is scanned
 * in typed arrays; explanations are built for the winners only.
 */
export function recommendMentors(
  pool: CandidatePool,
  mentee: ScoringParticipant,
  options: RecommendOptions,
): PairScore[] {
  return topCandidates(pool, mentee, 'mentors', options).map(({ index }) =>
    scorePair(
      { mentee, mentor: pool.participants[index], role: options.role },
      pool.program,
      pool.options,
    ),
  );
}

/** The `k` best mentees (or peers, for the peer role) of the pool for `mentor`, as above. */
export function recommendMentees(
  pool: CandidatePool,
  mentor: ScoringParticipant,
  options: RecommendOptions,
): PairScore[] {
  return topCandidates(pool, mentor, 'mentees', options).map(({ index }) =>
    scorePair(
      { mentee: pool.participants[index], mentor, role: options.role },
      pool.program,
      pool.options,
    ),
  );
}
