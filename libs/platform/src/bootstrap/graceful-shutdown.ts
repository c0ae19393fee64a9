import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import type { HealthRegistry } from '../health/health-registry.service';

export interface ShutdownOptions {
  readonly app: INestApplicationContext;
  readonly health: Pick<HealthRegistry, 'setDraining'>;
  readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  /** The whole budget, drain delay included (keep it below the pod's grace period). */
  readonly timeoutMs: number;
  /** How long readiness answers 503 before the server closes. */
  readonly drainDelayMs: number;
  /** Injected for tests; `process.exit` in services. */
  readonly exit?: (code: number) => void;
}

/**
 * Returns the signal handler. The sequence, once:
 *   1. readiness → 503 (setDraining), so the endpoint leaves the load balancer;
 *   2. wait drainDelayMs while in-flight and late requests are still served;
 *   3. app.close(): Nest 11 runs onModuleDestroy (messaging stops consuming) →
 *      beforeApplicationShutdown (messaging flushes the outbox) → closes the HTTP server
 *      and connected microservices → onApplicationShutdown (Mongoose disconnects);
 *   4. exit 0; exit 1 if it all took longer than timeoutMs or failed.
 * A second signal while this runs is logged and ignored.
 */
export function createShutdownHandler(options: ShutdownOptions): (signal: string) => Promise<void> {
  const { app, health, logger, timeoutMs, drainDelayMs } = options;
  // Nest's implementation takes the signal and hands it to the shutdown hooks; the public
  // interface does not declare the parameter.
  const closable: { close(signal?: string): Promise<void> } = app;
  const exitProcess = options.exit ?? ((code: number) => process.exit(code));
  let exited = false;
  const exit = (code: number): void => {
    if (exited) return; // the deadline fired first; do not report success afterwards
    exited = true;
    exitProcess(code);
  };
  let running: Promise<void> | undefined;

  const shutdown = async (signal: string): Promise<void> => {
    // Not unref'd: if app.close() hangs on a promise that holds no handle, the process
    // must still end with 1 at the deadline, not quietly with 0.
    const deadline = setTimeout(() => {
      logger.error(`Shutdown did not finish within ${timeoutMs} ms; exiting with 1`);
      exit(1);
    }, timeoutMs);
    try {
      logger.log(`Received ${signal}: draining for ${drainDelayMs} ms, then closing`);
      health.setDraining();
      if (drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
      await closable.close(signal);
      clearTimeout(deadline);
      logger.log('Shutdown complete');
      exit(0);
    } catch (error) {
      clearTimeout(deadline);
      logger.error(
        `Shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      exit(1);
    }
  };

  return (signal: string): Promise<void> => {
    if (running !== undefined) {
      logger.warn(`Received ${signal} while shutting down; ignoring it`);
      return running;
    }
    running = shutdown(signal);
    return running;
  };
}

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Installs the handler for SIGTERM and SIGINT; returns a function that removes it. */
export function installShutdownSignals(handler: (signal: string) => Promise<void>): () => void {
  const listener = (signal: NodeJS.Signals): void => void handler(signal);
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, listener);
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) process.off(signal, listener);
  };
}
