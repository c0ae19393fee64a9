import type { ComponentName } from '../core/component-names';
import type { InfraConfig } from '../core/infra-config';
import { acquireLock } from '../core/lock-file';
import { type Output, seconds } from '../core/output';
import { isOurProcess } from '../core/process-control';
import { type ManagedComponentState, readState } from '../core/state-file';
import { StateStore } from '../core/state-store';
import { DRIVERS } from './drivers';
import { restartComponent } from './restart-component';
import { stopComponents } from './stop-components';

async function withManaged(
  config: InfraConfig,
  name: ComponentName,
  work: (component: ManagedComponentState, store: StateStore) => Promise<void>,
): Promise<void> {
  const release = await acquireLock(config.lockFile);
  try {
    const state = readState(config.stateFile);
    if (!state) throw new Error('infra is not up: run `up` first');
    const component = state.components[name];
    if (!component) throw new Error(`${name} is not in the state file`);
    if (!component.managed) {
      throw new Error(`${name} is an existing server (from ${component.source}): infra does not stop or start it`);
    }
    await work(component, new StateStore(config.stateFile, state));
  } finally {
    release();
  }
}

/** Stops one managed server but keeps its port and data for `startComponent` (outage simulation). */
export async function stopComponent(config: InfraConfig, name: ComponentName, out: Output): Promise<void> {
  await withManaged(config, name, async (component, store) => {
    if (component.pid === null) {
      out.info(`[${name}] already stopped`);
      return;
    }
    await stopComponents(store.state, out, [name]);
    store.set(name, { ...component, pid: null });
  });
}

/** Starts a server stopped with `stopComponent` again (same port, same data) and waits until it answers. */
export async function startComponent(config: InfraConfig, name: ComponentName, out: Output): Promise<void> {
  const driver = DRIVERS[name];
  await withManaged(config, name, async (component, store) => {
    if (component.pid !== null && isOurProcess(component.pid, component.marker)) {
      await driver.probe(component.env, { deep: false });
      out.info(`[${name}] already running (pid ${component.pid}) and answering`);
      return;
    }
    const run = await restartComponent(driver, component, store);
    out.info(`[${name}] ${driver.title} started again in ${seconds(run.ms)} (pid ${run.pid}, ${driver.describe(component.env)})`);
  });
}
