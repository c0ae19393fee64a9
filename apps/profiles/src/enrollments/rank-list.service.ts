import { Injectable } from '@nestjs/common';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { Clock } from './clock';
import type { SubmitRankListDto } from './dto/enrollment-input.schema';
import type { EnrollmentView } from './dto/enrollment-view.dto';
import {
  EnrollmentVersionConflictError,
  EnrollmentWithdrawnError,
  RankListFrozenError,
  RankListInvalidError,
  RankListNotApplicableError,
} from './errors/enrollment-errors';
import { rankListSubmittedEvent, toEnrollmentView } from './enrollment.mapper';
import { EnrollmentRepository, type EnrollmentRecord } from './enrollment.repository';
import { EnrollmentService } from './enrollment.service';
import { collectsRankLists, rankListLockedReason } from './rules/program-phase';
import { rankListIssues, type RankedEnrollment } from './rules/rank-list-rules';

/** Rank lists of national-ranked programs: edited by their enrollment's owner or an admin until the deadline. */
@Injectable()
export class RankListService {
  constructor(
    private readonly enrollments: EnrollmentRepository,
    private readonly enrollmentService: EnrollmentService,
    private readonly clock: Clock,
  ) {}

  async submit(
    principal: Principal,
    enrollmentId: string,
    dto: SubmitRankListDto,
  ): Promise<EnrollmentView> {
    const current = await this.enrollmentService.findVisible(principal, enrollmentId);
    if (current.status !== 'active') throw new EnrollmentWithdrawnError(enrollmentId);
    if (current.side === 'peer')
      throw new RankListNotApplicableError(
        'side',
        'peers do not rank; mentees rank mentors and mentors rank mentees',
      );
    const program = await this.enrollmentService.programOf(principal, current);
    if (!collectsRankLists(program) || current.rankList === undefined)
      throw new RankListNotApplicableError(
        'programId',
        `a ${program.matchingMode} program collects no rank lists`,
      );
    const now = this.clock.now();
    const locked = rankListLockedReason(program, current.rankList.frozenAt, now);
    if (locked !== null) throw new RankListFrozenError(enrollmentId, locked);
    if (dto.version !== current.version)
      throw new EnrollmentVersionConflictError(enrollmentId, dto.version, current.version);

    const found = await this.enrollments.findMany(tenantFilter(principal, { ids: dto.ranks }));
    const byId = new Map<string, RankedEnrollment>(
      found.map((doc) => [doc._id, { ...doc, id: doc._id }]),
    );
    const issues = rankListIssues(
      {
        id: current._id,
        programId: current.programId,
        side: current.side,
        exclusions: current.preferences.exclusions,
      },
      dto.ranks,
      byId,
    );
    if (issues.length > 0) throw new RankListInvalidError(issues);

    const rankList = { ranks: dto.ranks, submittedAt: now };
    const next: EnrollmentRecord = {
      ...current,
      rankList,
      updatedAt: now,
      version: current.version + 1,
    };
    const result = await this.enrollments.updateAtVersion(
      tenantFilter(principal, { _id: enrollmentId }),
      dto.version,
      // The freeze sets rankList.frozenAt: a list frozen meanwhile is never overwritten.
      { set: { rankList, updatedAt: now }, where: EnrollmentRepository.UNFROZEN },
      [rankListSubmittedEvent(next)],
    );
    if (result !== 'updated') {
      const again = await this.enrollmentService.findVisible(principal, enrollmentId);
      if (again.rankList?.frozenAt !== undefined)
        throw new RankListFrozenError(
          enrollmentId,
          `the rank list froze at ${again.rankList.frozenAt.toISOString()}`,
        );
      await this.enrollmentService.explainStale(principal, enrollmentId, dto.version);
    }
    await this.enrollmentService.auditOnBehalf(principal, 'enrollment.rank-list-submitted', next, {
      ranks: dto.ranks.length,
    });
    return toEnrollmentView(next);
  }
}
