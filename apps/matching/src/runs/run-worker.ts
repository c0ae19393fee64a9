import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../core/clock';
import { MATCHING_CONFIG, type MatchingConfig } from '../core/matching-config';
import { MatchRunRepository } from './match-run.repository';
import { runCompleted, runStarted } from './run-events';
import { RunExecutor } from './run-executor.service';
import type { MatchRun } from './schemas/match-run.schema';

/**
 * Runs queued match runs off the request path, one at a time per replica. A run is claimed
 * with a lease; a replica that dies stops renewing it, and once it expires any replica
 * (including this one after a restart) claims the run again as the next attempt. A run
 * abandoned `MATCH_RUN_MAX_ATTEMPTS` times is failed with that reason, so no run stays
 * "running" for ever.
 */
@Injectable()
export class RunWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RunWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopping = false;
  private again = false;

  constructor(
    private readonly runs: MatchRunRepository,
    private readonly executor: RunExecutor,
    private readonly clock: Clock,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.config.MATCH_RUN_POLL_INTERVAL_MS);
    this.timer.unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }

  /** Looks for work now (a run was just queued), or right after the current pass. */
  wake(): void {
    if (this.stopping) return;
    if (this.current) {
      this.again = true;
      return;
    }
    this.current = this.drain()
      .catch((error: unknown) => this.logger.error(`run worker pass failed: ${String(error)}`))
      .finally(() => {
        this.current = undefined;
        if (this.again && !this.stopping) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopping) {
      const now = this.clock.now();
      const run = await this.runs.nextClaimable(now);
      if (run === null) return;
      if (run.attempts >= this.config.MATCH_RUN_MAX_ATTEMPTS) {
        await this.abandon(run, now);
        continue;
      }
      const token = randomUUID();
      const leaseUntil = new Date(now.getTime() + this.config.MATCH_RUN_LEASE_MS);
      const attempt = run.attempts + 1;
      const claimed = await this.runs.claim(run, now, token, leaseUntil, { status: 'running' }, [
        runStarted(run, attempt, now),
      ]);
      if (!claimed) continue;
      await this.executor.execute({ ...run, attempts: attempt, status: 'running' }, token);
    }
  }

  private async abandon(run: MatchRun, now: Date): Promise<void> {
    const failure = `abandoned: the service stopped during each of ${run.attempts} attempts`;
    const failed: MatchRun = { ...run, status: 'failed', failure };
    const done = await this.runs.failAbandoned(
      run,
      now,
      { status: 'failed', failure, timings: { ...run.timings, completedAt: now } },
      [runCompleted(failed, now)],
    );
    if (done) this.logger.warn(`run ${run._id} failed: ${failure}`);
  }
}
