import { Injectable } from '@nestjs/common';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { PermanentEventError } from '@medmentor/messaging';
import { Clock } from '../enrollments/clock';
import { ProgramNotFoundError } from '../programs/errors/program-not-found.error';
import { ProgramRepository } from '../programs/program.repository';
import type { AnalyticsQuery } from './dto/analytics-query.dto';
import type { ProgramAnalyticsView } from './dto/program-analytics-view.dto';
import { MatchAnalyticsRepository, type FoldOutcome } from './match-analytics.repository';
import type { MatchFact, MatchIdentity } from './match-record';
import { programFigures } from './program-figures';

@Injectable()
export class ProgramAnalyticsService {
  constructor(
    private readonly repository: MatchAnalyticsRepository,
    private readonly programs: ProgramRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Records what one event tells about a match (idempotent, any order). The payload must name
   * the tenant its envelope names; anything else is never applied (dead-lettered).
   */
  record(
    envelopeTenant: string,
    payloadTenant: string,
    match: MatchIdentity,
    fact: MatchFact,
  ): Promise<FoldOutcome> {
    if (payloadTenant !== envelopeTenant) {
      throw new PermanentEventError(
        `payload tenant ${payloadTenant} differs from the envelope tenant ${envelopeTenant}`,
      );
    }
    return this.repository.fold({ tenantId: envelopeTenant, ...match }, fact);
  }

  async figures(
    principal: Principal,
    programId: string,
    query: AnalyticsQuery,
  ): Promise<ProgramAnalyticsView> {
    const program = await this.programs.findOne(tenantFilter(principal, { _id: programId }));
    if (program === null) throw new ProgramNotFoundError(programId);
    const scope = tenantFilter(principal, { programId });
    const now = this.clock.now();
    const period = { ...(query.from !== undefined && { from: query.from }), to: query.to ?? now };
    const [matches, enrollments] = await Promise.all([
      this.repository.matchesOfProgram(scope),
      this.repository.enrollmentsOfProgram(scope),
    ]);
    return {
      programId,
      period: { from: query.from?.toISOString() ?? null, to: period.to.toISOString() },
      ...programFigures({ matches, enrollments, cadence: program.cadence, period, now }),
    };
  }
}
