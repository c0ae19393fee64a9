import type { MentorshipRole } from '@medmentor/domain';
import type { AssignmentInstance } from '../assignment/assignment.types';
import type { BoardInstance } from '../boards/board.types';
import { placesLeft } from '../scoring/pair-constraints';
import type { ScoringParticipant } from '../scoring/scoring.types';
import type { CandidatePool } from './candidate-pool';
import { roleBit } from './candidate-pool';
import { topCandidates } from './recommend';

export interface BatchScoreOptions {
  /** Keep only each mentee's best `topK` mentors (per role for boards); default: every allowed pair. */
  readonly topK?: number;
}

/**
 * The pool's providers of any of `roles`, with their places left (whole, at most the number of
 * mentees): a mentor's shared by all its roles, a peer's from the program alone.
 */
function providers(pool: CandidatePool, roles: readonly MentorshipRole[], mentees: number) {
  const mask = roles.reduce((m, r) => m | roleBit(r), 0);
  return pool.participants
    .filter((_, i) => (pool.provideRoles[i] & mask) !== 0)
    .map((p) => {
      const places = placesLeft(p, p.enrollment.side === 'peer' ? 'peer' : 'clinical');
      return { id: p.physician.id, capacity: Math.max(0, Math.min(mentees, Math.floor(places))) };
    });
}

/** The allowed pairs of each mentee for `role`, best first, ties to the lower mentor id. */
function* rolePairs(
  mentees: readonly ScoringParticipant[],
  pool: CandidatePool,
  role: MentorshipRole,
  topK: number | undefined,
) {
  for (const mentee of mentees) {
    for (const { index, score } of topCandidates(pool, mentee, 'mentors', {
      role,
      k: topK ?? pool.size,
    })) {
      yield { mentee: mentee.physician.id, mentor: pool.participants[index].physician.id, score };
    }
  }
}

/**
 * The assignment instance of a cohort for one role: every mentee, every mentor of the pool who may
 * provide the role (capacity: places left), and the allowed pairs with their scores (mentee order
 * as given; each mentee's mentors best first, ties to the lower id). Feed it to `solveAssignment`.
 */
export function cohortInstance(
  mentees: readonly ScoringParticipant[],
  mentorPool: CandidatePool,
  role: MentorshipRole,
  { topK }: BatchScoreOptions = {},
): AssignmentInstance {
  return {
    mentees: mentees.map((m) => ({ id: m.physician.id })),
    mentors: providers(mentorPool, [role], mentees.length),
    scores: [...rolePairs(mentees, mentorPool, role, topK)],
  };
}

/**
 * The board instance of a cohort: one seat per mentee and role (default: the roles the program
 * offers), mentors who may provide at least one of them with their places shared across roles,
 * and the allowed (mentee, mentor, role) triples. Feed it to `solveBoards`.
 */
export function boardInstance(
  mentees: readonly ScoringParticipant[],
  mentorPool: CandidatePool,
  {
    topK,
    roles = mentorPool.program.rolesOffered,
  }: BatchScoreOptions & { readonly roles?: readonly MentorshipRole[] } = {},
): BoardInstance {
  const scores = roles.flatMap((role) =>
    [...rolePairs(mentees, mentorPool, role, topK)].map((s) => ({ ...s, role })),
  );
  return {
    roles: [...roles],
    mentees: mentees.map((m) => ({ id: m.physician.id })),
    mentors: providers(mentorPool, roles, mentees.length),
    scores,
  };
}
