import type { ComponentDriver, DriverContext } from '../core/component-driver';
import type { ComponentSource } from '../core/env-overrides';
import type { InfraConfig } from '../core/infra-config';
import { type Output, seconds } from '../core/output';
import type { ManagedComponentState } from '../core/state-file';
import type { StateStore } from '../core/state-store';
import { waitUntil } from '../core/wait-until';
import { runManaged } from './run-managed';

/** How long an existing server named in the environment gets to answer (it may still be booting). */
export const EXTERNAL_TIMEOUT_MS = 30_000;

export interface BringUpContext {
  config: InfraConfig;
  store: StateStore;
  out: Output;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

function pad(name: string): string {
  return name.padEnd(5);
}

/** Checks that an existing server (named by KAFKA_BROKERS, MONGODB_URI or SMTP_URL) answers, and records it. */
export async function adoptExternal(
  driver: ComponentDriver,
  source: Extract<ComponentSource, { kind: 'external' }>,
  ctx: BringUpContext,
): Promise<void> {
  const env = driver.externalEnv(source.value, ctx.env);
  const started = Date.now();
  try {
    await waitUntil(`${driver.title} at ${source.envVar}=${source.value}`, () => driver.probe(env, { deep: false }), {
      timeoutMs: EXTERNAL_TIMEOUT_MS,
      intervalMs: 500,
      signal: ctx.signal,
    });
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n` +
        `${source.envVar} is set, so infra uses that server instead of starting one. Start it, or unset ${source.envVar} to let infra start ${driver.title}.`,
    );
  }
  ctx.store.set(driver.name, { managed: false, env, source: source.envVar });
  ctx.out.info(`${pad(driver.name)} ready  ${driver.describe(env)}  (existing server from ${source.envVar}, answered in ${seconds(Date.now() - started)})`);
}

/** Prepares (download/build when cold), provisions fresh data, spawns and waits for a managed server. */
export async function startFresh(driver: ComponentDriver, ctx: BringUpContext): Promise<void> {
  const started = Date.now();
  const driverCtx: DriverContext = {
    config: ctx.config,
    log: (line) => ctx.out.info(`[${driver.name}] ${line}`),
    signal: ctx.signal,
  };
  const prepared = await driver.prepare(driverCtx);
  const provisioned = await driver.provision(driverCtx);
  const component: ManagedComponentState = {
    managed: true,
    pid: null,
    marker: provisioned.marker,
    process: provisioned.spec,
    env: provisioned.env,
    ports: provisioned.ports,
    dataDir: provisioned.dataDir,
    logFiles: provisioned.logFiles,
    startedAt: null,
    startupMs: null,
  };
  ctx.store.set(driver.name, component);
  const startedAt = new Date().toISOString();
  const run = await runManaged(driver, component, {
    probe: { deep: true },
    signal: ctx.signal,
    onSpawn: (pid) => ctx.store.set(driver.name, { ...component, pid, startedAt }),
  });
  const totalMs = Date.now() - started;
  const timings = {
    prepareMs: prepared.ms,
    prepareCached: prepared.cached ? 1 : 0,
    setupMs: provisioned.setupMs,
    startMs: run.ms,
    totalMs,
  };
  ctx.store.set(driver.name, { ...component, pid: run.pid, startedAt, startupMs: run.ms, timings });
  const parts = [
    `prepare ${seconds(prepared.ms)}${prepared.cached ? ' (cached)' : ' (downloaded/built)'}`,
    ...(provisioned.setupMs > 0 ? [`setup ${seconds(provisioned.setupMs)}`] : []),
    `start ${seconds(run.ms)}`,
    `total ${seconds(totalMs)}`,
  ];
  ctx.out.info(`${pad(driver.name)} ready  ${driver.describe(component.env)}  (pid ${run.pid}; ${parts.join(', ')})`);
}
