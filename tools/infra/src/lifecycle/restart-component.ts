import type { ComponentDriver } from '../core/component-driver';
import { isPortFree } from '../core/port-check';
import type { ManagedComponentState } from '../core/state-file';
import type { StateStore } from '../core/state-store';
import { runManaged } from './run-managed';

/** Starts a stopped managed server again with the ports and data recorded in the state file. */
export async function restartComponent(
  driver: ComponentDriver,
  component: ManagedComponentState,
  store: StateStore,
  signal?: AbortSignal,
): Promise<{ pid: number; ms: number }> {
  for (const [key, port] of Object.entries(component.ports)) {
    if (!(await isPortFree(port))) {
      throw new Error(
        `${driver.title}: its ${key} port 127.0.0.1:${port} is now used by another process, so it cannot be started again ` +
          `with the same port. Free the port, or run \`down\` then \`up\` (${driver.portEnvVars[key] ?? 'INFRA_*_PORT'} picks another).`,
      );
    }
  }
  const startedAt = new Date().toISOString();
  const run = await runManaged(driver, component, {
    probe: { deep: false },
    signal,
    onSpawn: (pid) => store.set(driver.name, { ...component, pid, startedAt, startupMs: null }),
  });
  store.set(driver.name, { ...component, pid: run.pid, startedAt, startupMs: run.ms });
  return run;
}
