import { Injectable } from '@nestjs/common';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { DomainError } from '@medmentor/platform';
import { MatchRepository } from '../matches/match.repository';
import { isManager } from '../matches/match.service';
import { PairFinder } from '../matches/pair-finder';
import { UnknownParticipantError } from '../matches/match-errors';
import { EnrollmentFactRepository } from '../read-model/enrollment-fact.repository';
import { ProgramFactsLoader } from '../runs/program-facts.loader';
import { ProgramNotFoundError } from '../runs/run-errors';
import type { RecommendationList, RecommendationQuery } from './dto/recommendation.dto';

export class NotYourEnrollmentError extends DomainError {
  constructor() {
    super({
      code: 'not-your-enrollment',
      status: 403,
      title: 'Not your enrollment',
      detail: 'A physician may ask for mentors, or ask a mentor, only for their own enrollment.',
      errors: [{ field: 'menteeEnrollmentId', message: 'is not an enrollment of the caller' }],
    });
  }
}

/** Top-k mentors for a mentee's seat, explained, from the engine's recommendations. */
@Injectable()
export class RecommendationService {
  constructor(
    private readonly facts: ProgramFactsLoader,
    private readonly enrollments: EnrollmentFactRepository,
    private readonly matches: MatchRepository,
    private readonly pairs: PairFinder,
  ) {}

  async recommend(
    principal: Principal,
    programId: string,
    query: RecommendationQuery,
  ): Promise<RecommendationList> {
    await this.requireOwnEnrollment(principal, programId, query.menteeEnrollmentId);
    const facts = await this.facts.load(tenantFilter(principal, { programId }));
    if (facts === null) throw new ProgramNotFoundError(programId);
    const role = query.role ?? facts.config.rolesOffered[0].role;
    const mentee = facts.enrollments.find((e) => e.enrollmentId === query.menteeEnrollmentId);
    if (mentee?.physicianId === undefined) throw new UnknownParticipantError('menteeEnrollmentId');
    // Mentors the mentee already has a live match with are not recommended again.
    const current = await this.matches.liveOfPhysician(
      tenantFilter(principal, { physicianId: mentee.physicianId }),
    );
    const found = this.pairs.recommend(
      facts,
      query.menteeEnrollmentId,
      role,
      query.k,
      current.filter((m) => m.programId === programId).map((m) => m.mentorId),
    );
    return {
      menteeEnrollmentId: query.menteeEnrollmentId,
      role,
      items: found.map((pair) => ({
        mentorEnrollmentId: pair.mentorEnrollmentId,
        mentorId: pair.mentorId,
        role: pair.role,
        score: pair.score,
        factors: pair.factors.map((f) => ({ ...f, detail: { ...f.detail } })),
      })),
    };
  }

  /** Administrators act for anyone of the tenant; a physician only for their own enrollment. */
  async requireOwnEnrollment(
    principal: Principal,
    programId: string,
    enrollmentId: string,
  ): Promise<void> {
    if (isManager(principal)) return;
    const enrollment = await this.enrollments.find(tenantFilter(principal, { enrollmentId }));
    if (enrollment === null || enrollment.programId !== programId)
      throw new UnknownParticipantError('menteeEnrollmentId');
    if (enrollment.physicianId !== principal.physicianId) throw new NotYourEnrollmentError();
  }
}
