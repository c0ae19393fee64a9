import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from '../platform-options';
import { withTimeout } from './with-timeout';

/**
 * A health check resolves when healthy (optionally with details to report) and throws or
 * rejects when not. Each run is bounded by HEALTH_CHECK_TIMEOUT_MS.
 */
export type HealthCheck = () => Promise<Record<string, unknown> | void>;

export type CheckOutcome =
  | { readonly name: string; readonly status: 'up'; readonly details: Record<string, unknown> }
  | { readonly name: string; readonly status: 'down'; readonly details: Record<string, unknown> };

export const DRAINING_CHECK = 'shutdown';

/**
 * Where libraries register what "live" and "ready" mean for this process. Messaging adds
 * its consumer and producer status; the platform adds the database ping and draining.
 */
@Injectable()
export class HealthRegistry {
  private readonly readiness = new Map<string, HealthCheck>();
  private readonly liveness = new Map<string, HealthCheck>();
  private draining = false;
  private readonly timeoutMs: number;

  constructor(@Inject(PLATFORM_OPTIONS) options: Pick<PlatformModuleOptions, 'config'>) {
    this.timeoutMs = options.config.HEALTH_CHECK_TIMEOUT_MS;
  }

  /** Adds a dependency check to /health/ready. Names are unique; re-adding replaces. */
  addReadinessCheck(name: string, check: HealthCheck): void {
    assertName(name);
    this.readiness.set(name, check);
  }

  /** Adds a check to /health/live: only for states a restart would cure (a crashed consumer). */
  addLivenessCheck(name: string, check: HealthCheck): void {
    assertName(name);
    this.liveness.set(name, check);
  }

  /** From now on readiness fails, so load balancers stop sending traffic. Not reversible. */
  setDraining(): void {
    this.draining = true;
  }

  isDraining(): boolean {
    return this.draining;
  }

  /** Runs every readiness check in parallel, plus the draining state. */
  async runReadinessChecks(): Promise<CheckOutcome[]> {
    const outcomes = await this.runAll(this.readiness);
    outcomes.push(
      this.draining
        ? { name: DRAINING_CHECK, status: 'down', details: { message: 'shutting down' } }
        : { name: DRAINING_CHECK, status: 'up', details: {} },
    );
    return outcomes;
  }

  async runLivenessChecks(): Promise<CheckOutcome[]> {
    return this.runAll(this.liveness);
  }

  private async runAll(checks: ReadonlyMap<string, HealthCheck>): Promise<CheckOutcome[]> {
    return Promise.all(
      [...checks].map(async ([name, check]): Promise<CheckOutcome> => {
        try {
          const details = await withTimeout(check, this.timeoutMs);
          return { name, status: 'up', details: details ?? {} };
        } catch (error) {
          return { name, status: 'down', details: { message: describe(error) } };
        }
      }),
    );
  }
}

function assertName(name: string): void {
  if (name === DRAINING_CHECK || name.trim() === '') {
    throw new Error(`Health check name "${name}" is reserved or empty`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
