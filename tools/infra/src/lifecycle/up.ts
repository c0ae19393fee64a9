import { mkdirSync, writeFileSync } from 'node:fs';
import type { ComponentName } from '../core/component-names';
import { type ComponentSource, decideSources } from '../core/env-overrides';
import type { InfraConfig } from '../core/infra-config';
import { acquireLock } from '../core/lock-file';
import { exportLines, type Output, seconds } from '../core/output';
import { assertPortsFree } from '../core/port-check';
import { isOurProcess } from '../core/process-control';
import { emptyState, type InfraState, readState, stateEnv } from '../core/state-file';
import { StateStore } from '../core/state-store';
import { waitUntil } from '../core/wait-until';
import { adoptExternal, type BringUpContext, startFresh } from './bring-up';
import { DRIVER_LIST } from './drivers';
import { restartComponent } from './restart-component';
import { stopComponents } from './stop-components';

export interface UpOptions {
  out: Output;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface UpResult {
  state: InfraState;
  /** A state file existed: this call only checked (and restarted stopped servers). */
  alreadyUp: boolean;
  totalMs: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function writeEnvFile(config: InfraConfig, state: InfraState): void {
  writeFileSync(config.envFile, `${exportLines(stateEnv(state)).join('\n')}\n`);
}

/**
 * Brings the infrastructure up, or checks it when a state file says it is up already.
 * On failure everything this call started is stopped again and the error says why.
 */
export async function up(config: InfraConfig, options: UpOptions): Promise<UpResult> {
  const env = options.env ?? process.env;
  const sources = decideSources(env);
  mkdirSync(config.cacheDir, { recursive: true });
  const release = await acquireLock(config.lockFile);
  try {
    const existing = readState(config.stateFile);
    const result = existing
      ? await resume(config, existing, sources, options, env)
      : await startAll(config, sources, options, env);
    writeEnvFile(config, result.state);
    return result;
  } finally {
    release();
  }
}

async function startAll(
  config: InfraConfig,
  sources: Record<ComponentName, ComponentSource>,
  options: UpOptions,
  env: NodeJS.ProcessEnv,
): Promise<UpResult> {
  const started = Date.now();
  const { out } = options;
  // Busy ports fail now, not after minutes of downloads.
  for (const driver of DRIVER_LIST) {
    if (sources[driver.name].kind === 'managed') await assertPortsFree(driver.title, driver.portSettings(config));
  }
  const store = new StateStore(config.stateFile, emptyState(config.cacheDir));
  store.save();
  // The first failure stops the others' downloads and waits.
  const failFast = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, failFast.signal]) : failFast.signal;
  const ctx: BringUpContext = { config, store, out, env, signal };
  const errors: string[] = [];
  await Promise.all(
    DRIVER_LIST.map(async (driver) => {
      const source = sources[driver.name];
      try {
        if (source.kind === 'external') await adoptExternal(driver, source, ctx);
        else await startFresh(driver, ctx);
      } catch (error) {
        // Errors caused by the abort itself (interrupted downloads, waits) say nothing new.
        if (!signal.aborted) errors.push(`${driver.title}: ${messageOf(error)}`);
        failFast.abort();
      }
    }),
  );
  if (errors.length > 0 || options.signal?.aborted) {
    out.info('infra: start-up failed; stopping what was started');
    await stopComponents(store.state, out);
    store.remove();
    throw new Error(errors.length > 0 ? errors.join('\n\n') : 'interrupted');
  }
  const totalMs = Date.now() - started;
  out.info(`infra up in ${seconds(totalMs)} (state: ${config.stateFile})`);
  return { state: store.state, alreadyUp: false, totalMs };
}

async function resume(
  config: InfraConfig,
  existing: InfraState,
  sources: Record<ComponentName, ComponentSource>,
  options: UpOptions,
  env: NodeJS.ProcessEnv,
): Promise<UpResult> {
  const started = Date.now();
  const { out } = options;
  const store = new StateStore(config.stateFile, existing);
  const ctx: BringUpContext = { config, store, out, env, signal: options.signal };
  const errors: string[] = [];
  await Promise.all(
    DRIVER_LIST.map(async (driver) => {
      const component = existing.components[driver.name];
      const source = sources[driver.name];
      try {
        if (!component) {
          if (source.kind === 'external') await adoptExternal(driver, source, ctx);
          else {
            await assertPortsFree(driver.title, driver.portSettings(config));
            await startFresh(driver, ctx);
          }
          return;
        }
        if (source.kind === 'external' && component.env[source.envVar] !== source.value) {
          out.info(
            `[${driver.name}] note: ${source.envVar}=${source.value} is set but infra is already up with ${driver.describe(component.env)}; ` +
              'run `down` first to switch',
          );
        }
        if (component.managed && (component.pid === null || !isOurProcess(component.pid, component.marker))) {
          out.info(`[${driver.name}] ${driver.title} is not running: starting it again (same ports and data)`);
          const run = await restartComponent(driver, component, store, options.signal);
          out.info(`${driver.name.padEnd(5)} ready  ${driver.describe(component.env)}  (pid ${run.pid}; restarted in ${seconds(run.ms)})`);
          return;
        }
        await waitUntil(`${driver.title} (${driver.describe(component.env)})`, () => driver.probe(component.env, { deep: false }), {
          timeoutMs: 15_000,
          intervalMs: 300,
          signal: options.signal,
        });
        const how = component.managed ? `pid ${String(component.pid)}` : `existing server from ${component.source}`;
        out.info(`${driver.name.padEnd(5)} up     ${driver.describe(component.env)}  (${how})`);
      } catch (error) {
        errors.push(`${driver.title}: ${messageOf(error)}`);
      }
    }),
  );
  if (errors.length > 0) {
    throw new Error(`${errors.join('\n\n')}\n(infra was already up; \`down\` then \`up\` starts over)`);
  }
  const totalMs = Date.now() - started;
  out.info(`infra already up (checked in ${seconds(totalMs)}; state: ${config.stateFile})`);
  return { state: store.state, alreadyUp: true, totalMs };
}
