import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import { MatchingInputError } from '@medmentor/matching-engine';
import { MetricsRegistry } from '@medmentor/platform';
import { Clock } from '../core/clock';
import { MATCHING_CONFIG, type MatchingConfig } from '../core/matching-config';
import { canonicalHash, canonicalJson } from './canonical-json';
import { executeRun, type RunOutput } from './execute-run';
import { MatchRunRepository } from './match-run.repository';
import { ProgramFactsLoader } from './program-facts.loader';
import { buildRunInput, type RunInput } from './run-input';
import { runCompleted, runProgress, PHASE_PERCENT } from './run-events';
import { RunMatchRepository } from './run-match.repository';
import type { MatchRun, RunTimings } from './schemas/match-run.schema';

/** The program cannot be run (unknown to the read model, or closed since the run was queued). */
export class RunNotRunnableError extends Error {}

/** Raised when the replica lost its lease mid-run (another replica took the run over). */
class LeaseLostError extends Error {}

const outputDigest = (output: RunOutput) =>
  canonicalHash({
    matches: output.matches.map((m) => [
      m.menteeEnrollmentId,
      m.mentorEnrollmentId,
      m.role,
      m.score,
    ]),
    unmatched: output.unmatched,
    total: output.total,
  });

/** Executes one claimed run: snapshot, solve, verify, store; each phase reported and timed. */
@Injectable()
export class RunExecutor {
  private readonly logger = new Logger(RunExecutor.name);
  private readonly duration: Histogram<'algorithm'>;

  constructor(
    private readonly runs: MatchRunRepository,
    private readonly runMatches: RunMatchRepository,
    private readonly facts: ProgramFactsLoader,
    private readonly clock: Clock,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
    metrics: MetricsRegistry,
  ) {
    this.duration = metrics.histogram<'algorithm'>({
      name: 'medmentor_match_run_duration_seconds',
      help: 'Wall time of a match run from claim to stored result, by algorithm.',
      labelNames: ['algorithm'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    });
  }

  async execute(run: MatchRun, token: string): Promise<void> {
    const started = performance.now();
    const timings: RunTimings = { ...run.timings, startedAt: this.clock.now() };
    try {
      const input = await this.snapshot(run);
      timings.snapshotMs = Math.round(performance.now() - started);
      const inputHash = canonicalHash(input);
      await this.phase(run, token, 'snapshot', {
        inputHash,
        programVersion: input.programVersion,
        leftOut: [...input.leftOut],
      });
      let mark = performance.now();
      const output = executeRun(input, run.parameters, (phase) => {
        if (phase === 'verify') {
          timings.solveMs = Math.round(performance.now() - mark);
          mark = performance.now();
        }
      });
      timings.verifyMs = Math.round(performance.now() - mark);
      await this.phase(run, token, 'verify', { verification: output.verification });
      mark = performance.now();
      await this.store(run, output);
      timings.storeMs = Math.round(performance.now() - mark);
      await this.complete(run, token, input, output, inputHash, timings, started);
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.logger.warn(`run ${run._id}: lease lost, another replica continues it`);
        return;
      }
      // An instance the engine refuses, or a program that cannot be run, fails for good; a
      // database outage is left to the lease: another attempt resumes it.
      if (!(error instanceof MatchingInputError) && !(error instanceof RunNotRunnableError))
        throw error;
      await this.fail(run, token, error.message, timings, started);
    } finally {
      this.duration.observe({ algorithm: run.algorithm }, (performance.now() - started) / 1000);
    }
  }

  private async snapshot(run: MatchRun): Promise<RunInput> {
    const facts = await this.facts.load({ tenantId: run.tenantId, programId: run.programId });
    if (facts === null)
      throw new RunNotRunnableError(`program ${run.programId} is unknown or closed`);
    return buildRunInput(facts, run.algorithm);
  }

  private async phase(
    run: MatchRun,
    token: string,
    phase: 'snapshot' | 'verify',
    set: Partial<MatchRun>,
  ): Promise<void> {
    const now = this.clock.now();
    const events =
      phase === 'verify'
        ? [runProgress(run, 'solve', now), runProgress(run, 'verify', now)]
        : [runProgress(run, phase, now)];
    const held = await this.runs.updateHeld(
      run,
      token,
      {
        ...set,
        progress: { phase, percent: PHASE_PERCENT[phase] },
        leaseUntil: new Date(now.getTime() + this.config.MATCH_RUN_LEASE_MS),
      },
      [],
      events,
    );
    if (!held) throw new LeaseLostError();
  }

  private async store(run: MatchRun, output: RunOutput): Promise<void> {
    const createdAt = this.clock.now();
    await this.runMatches.replace(
      { tenantId: run.tenantId, runId: run._id },
      output.matches.map((m) => ({
        _id: `${run._id}:${m.menteeEnrollmentId}:${m.role}`,
        tenantId: run.tenantId,
        runId: run._id,
        programId: run.programId,
        ...m,
        factors: [...m.factors],
        createdAt,
      })),
    );
  }

  private async complete(
    run: MatchRun,
    token: string,
    input: RunInput,
    output: RunOutput,
    inputHash: string,
    timings: RunTimings,
    started: number,
  ): Promise<void> {
    const outputHash = outputDigest(output);
    const params = canonicalJson(run.parameters);
    const earlier = (
      await this.runs.earlierOnSameInput({
        tenantId: run.tenantId,
        programId: run.programId,
        inputHash,
        exceptId: run._id,
      })
    ).find(
      (other) =>
        other.algorithmVersion === run.algorithmVersion &&
        canonicalJson(other.parameters) === params,
    );
    const now = this.clock.now();
    const done: MatchRun = {
      ...run,
      status: 'completed',
      inputHash,
      outputHash,
      verification: output.verification,
      summary: {
        matched: output.matches.length,
        unmatched: output.unmatched.length,
        total: output.total,
        seekers: input.seekers.length,
        providers: input.providers.length,
        pairsAllowed: output.pairsAllowed,
        leftOut: input.leftOut.length,
        ...(output.stats !== undefined && { stats: output.stats }),
      },
      unmatched: output.unmatched.map((u) => ({ ...u })),
      ...(earlier !== undefined &&
        (earlier.outputHash === outputHash
          ? { reproducesRunId: earlier._id }
          : { differsFromRunId: earlier._id })),
      progress: { phase: 'store', percent: 100 },
      timings: { ...timings, completedAt: now, totalMs: Math.round(performance.now() - started) },
    };
    const { _id, tenantId, lockedBy: _l, leaseUntil: _u, ...set } = done;
    const held = await this.runs.updateHeld(
      run,
      token,
      set,
      ['lockedBy', 'leaseUntil'],
      [runProgress(run, 'store', now), runCompleted(done, now)],
    );
    if (!held) throw new LeaseLostError();
    this.logger.log(`run ${_id} of tenant ${tenantId} completed: ${output.matches.length} matches`);
  }

  private async fail(
    run: MatchRun,
    token: string,
    reason: string,
    timings: RunTimings,
    started: number,
  ) {
    const now = this.clock.now();
    const failed: MatchRun = {
      ...run,
      status: 'failed',
      failure: reason,
      timings: { ...timings, completedAt: now, totalMs: Math.round(performance.now() - started) },
    };
    await this.runs.updateHeld(
      run,
      token,
      { status: 'failed', failure: reason, timings: failed.timings },
      ['lockedBy', 'leaseUntil'],
      [runCompleted(failed, now)],
    );
  }
}
