import { Injectable } from '@nestjs/common';
import type { MentorshipRole } from '@medmentor/domain';
import {
  compileCandidatePool,
  pairViolations,
  recommendMentors,
  scorePair,
  type FactorExplanation,
} from '@medmentor/matching-engine';
import { RunNotApplicableError } from '../runs/run-errors';
import {
  buildRunInput,
  type RunFacts,
  type RunInput,
  type RunParticipant,
} from '../runs/run-input';
import { PairNotAllowedError, UnknownParticipantError } from './match-errors';

export interface FoundPair {
  role: MentorshipRole;
  menteeId: string;
  mentorId: string;
  menteeEnrollmentId: string;
  mentorEnrollmentId: string;
  score: number;
  factors: readonly FactorExplanation[];
}

/**
 * Finds mentors for one mentee with the engine's recommendations, over the program's current
 * facts: capacities net of live matches, declined pairs, every hard constraint.
 */
@Injectable()
export class PairFinder {
  /** The `k` best mentors for the mentee's seat, best first, each explained. */
  recommend(
    facts: RunFacts,
    menteeEnrollmentId: string,
    role: MentorshipRole,
    k: number,
    excludeMentorIds: readonly string[] = [],
  ): FoundPair[] {
    const input = buildRunInput(facts, 'assignment');
    if (!input.roles.includes(role))
      throw new RunNotApplicableError('role', 'is not offered by this program');
    const seeker = this.seeker(input, menteeEnrollmentId);
    const byPhysician = new Map(input.providers.map((p) => [p.participant.physician.id, p]));
    const pool = compileCandidatePool(
      input.providers.map((p) => p.participant),
      input.program,
      { at: new Date(input.at) },
    );
    return recommendMentors(pool, seeker.participant, {
      role,
      k,
      excludeIds: excludeMentorIds,
    }).map((scored) => {
      const provider = byPhysician.get(scored.mentor)!;
      return {
        role,
        menteeId: seeker.participant.physician.id,
        mentorId: scored.mentor,
        menteeEnrollmentId,
        mentorEnrollmentId: provider.enrollmentId,
        score: scored.score,
        factors: scored.factors,
      };
    });
  }

  nextBest(
    facts: RunFacts,
    menteeEnrollmentId: string,
    role: MentorshipRole,
    excludeMentorIds: readonly string[],
  ): FoundPair | undefined {
    return this.recommend(facts, menteeEnrollmentId, role, 1, excludeMentorIds)[0];
  }

  /** A pair an administrator chose, refused with every violated constraint named. */
  checked(
    facts: RunFacts,
    pair: { menteeEnrollmentId: string; mentorEnrollmentId: string; role: MentorshipRole },
  ): FoundPair {
    const input = buildRunInput(facts, 'assignment');
    if (!input.roles.includes(pair.role))
      throw new RunNotApplicableError('role', 'is not offered by this program');
    const seeker = this.seeker(input, pair.menteeEnrollmentId);
    const provider = input.providers.find((p) => p.enrollmentId === pair.mentorEnrollmentId);
    if (provider === undefined) throw new UnknownParticipantError('mentorEnrollmentId');
    const query = { mentee: seeker.participant, mentor: provider.participant, role: pair.role };
    const violations = pairViolations(query, input.program);
    if (violations.length > 0) throw new PairNotAllowedError(violations.map((v) => v.code));
    const scored = scorePair(query, input.program, { at: new Date(input.at) });
    return {
      ...pair,
      menteeId: seeker.participant.physician.id,
      mentorId: provider.participant.physician.id,
      score: scored.score,
      factors: scored.factors,
    };
  }

  private seeker(input: RunInput, menteeEnrollmentId: string): RunParticipant {
    const seeker = input.seekers.find((s) => s.enrollmentId === menteeEnrollmentId);
    if (seeker === undefined) throw new UnknownParticipantError('menteeEnrollmentId');
    return seeker;
  }
}
