import { Injectable } from '@nestjs/common';
import type { TenantScoped } from '@medmentor/auth';
import { MatchRepository } from '../matches/match.repository';
import { EnrollmentFactRepository } from '../read-model/enrollment-fact.repository';
import { PhysicianFactRepository } from '../read-model/physician-fact.repository';
import { ProgramFactRepository } from '../read-model/program-fact.repository';
import type { RunFacts } from './run-input';

/** Reads what a run (or a rematch, or a recommendation) needs of a program from the read model. */
@Injectable()
export class ProgramFactsLoader {
  constructor(
    private readonly programs: ProgramFactRepository,
    private readonly enrollments: EnrollmentFactRepository,
    private readonly physicians: PhysicianFactRepository,
    private readonly matches: MatchRepository,
  ) {}

  /** null when the program is unknown to matching or closed. */
  async load(scope: TenantScoped<{ programId: string }>): Promise<RunFacts | null> {
    const program = await this.programs.find(scope);
    if (program?.config === undefined || program.status === 'closed') return null;
    const enrollments = await this.enrollments.activeOfProgram(scope);
    const ids = [
      ...new Set(enrollments.map((e) => e.physicianId).filter((id): id is string => !!id)),
    ];
    const physicians = await this.physicians.findMany({
      tenantId: scope.tenantId,
      physicianIds: ids,
    });
    return {
      config: program.config,
      enrollments,
      physicians: new Map(physicians.map((p) => [p.physicianId, p])),
      load: await this.matches.liveLoad(scope),
      declined: await this.matches.declinedPairs(scope),
    };
  }
}
