import { Injectable } from '@nestjs/common';
import { AuditLog } from '@medmentor/audit';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { newId } from '@medmentor/domain';
import { toPage, type Page } from '@medmentor/platform';
import { Clock } from '../core/clock';
import { ProgramFactRepository } from '../read-model/program-fact.repository';
import type { ListQuery, RunMatchView, RunView, StartRunDto } from './dto/run.dto';
import { MatchRunRepository } from './match-run.repository';
import {
  ProgramClosedError,
  ProgramNotFoundError,
  RunInProgressError,
  RunNotApplicableError,
  RunNotFoundError,
} from './run-errors';
import { algorithmFor, type RunParameters } from './run-input';
import { RunMatchRepository } from './run-match.repository';
import { runMatchView, runView } from './run-view';
import { RunWorker } from './run-worker';
import type { MatchRun } from './schemas/match-run.schema';

/** Bumped whenever a change to the engine or to how runs are built could change an output. */
export const ALGORITHM_VERSION = 'medmentor-matching-engine/1';

@Injectable()
export class MatchRunService {
  constructor(
    private readonly runs: MatchRunRepository,
    private readonly runMatches: RunMatchRepository,
    private readonly programs: ProgramFactRepository,
    private readonly worker: RunWorker,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Queues a run of the program; a worker executes it (202, follow it with GET or events). */
  async start(principal: Principal, programId: string, dto: StartRunDto): Promise<RunView> {
    const program = await this.programs.find(tenantFilter(principal, { programId }));
    if (program?.config === undefined) throw new ProgramNotFoundError(programId);
    if (program.status === 'closed') throw new ProgramClosedError(programId);
    const config = program.config;
    const algorithm = algorithmFor(config);
    if (algorithm === undefined)
      throw new RunNotApplicableError(
        'programId',
        'is a self-match program, which has no match runs',
      );
    if (dto.proposer !== undefined && algorithm !== 'deferred-acceptance')
      throw new RunNotApplicableError('proposer', 'applies to national-ranked programs only');
    if (dto.candidatesPerMentee !== undefined && algorithm !== 'assignment')
      throw new RunNotApplicableError(
        'candidatesPerMentee',
        'applies to cohort programs with one role only',
      );
    if (dto.maximizeMatches && algorithm === 'deferred-acceptance')
      throw new RunNotApplicableError('maximizeMatches', 'applies to cohort programs only');
    const pending = await this.runs.list(tenantFilter(principal, { programId }), { limit: 5 });
    const busy = pending.find((run) => run.status === 'queued' || run.status === 'running');
    if (busy) throw new RunInProgressError(programId, busy._id);

    const parameters: RunParameters = {
      ...(algorithm === 'deferred-acceptance' && { proposer: dto.proposer ?? 'mentees' }),
      maximizeMatches: dto.maximizeMatches,
      ...(dto.candidatesPerMentee !== undefined && {
        candidatesPerMentee: dto.candidatesPerMentee,
      }),
      seed: dto.seed,
    };
    const now = this.clock.now();
    const run: MatchRun = {
      _id: newId(),
      tenantId: principal.tenantId,
      programId,
      status: 'queued',
      algorithm,
      algorithmVersion: ALGORITHM_VERSION,
      parameters,
      seed: dto.seed,
      requestedBy: principal.subject,
      attempts: 0,
      timings: { queuedAt: now },
      createdAt: now,
    };
    await this.runs.insert(run);
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: 'match-run.started',
      resource: { type: 'match-run', id: run._id },
      summary: { programId, algorithm, seed: dto.seed },
    });
    this.worker.wake();
    return runView(run);
  }

  async get(principal: Principal, runId: string): Promise<RunView> {
    return runView(await this.find(principal, runId));
  }

  async list(principal: Principal, programId: string, query: ListQuery): Promise<Page<RunView>> {
    const docs = await this.runs.list(tenantFilter(principal, { programId }), {
      limit: query.limit,
      ...(query.cursor && { after: query.cursor }),
    });
    return toPage(docs, query.limit, runView);
  }

  async matches(
    principal: Principal,
    runId: string,
    query: ListQuery,
  ): Promise<Page<RunMatchView>> {
    await this.find(principal, runId);
    const docs = await this.runMatches.page(tenantFilter(principal, { runId }), {
      limit: query.limit,
      ...(query.cursor && { after: query.cursor }),
    });
    return toPage(docs, query.limit, runMatchView);
  }

  async find(principal: Principal, runId: string): Promise<MatchRun> {
    const run = await this.runs.find(tenantFilter(principal, { _id: runId }));
    if (run === null) throw new RunNotFoundError(runId);
    return run;
  }
}
