import type { ComponentName } from '../core/component-names';
import type { Output } from '../core/output';
import { seconds } from '../core/output';
import { stopProcess } from '../core/process-control';
import type { InfraState } from '../core/state-file';
import { DRIVERS } from './drivers';

/** Stops the managed servers of `state` (all, or the named ones) in parallel; never touches others. */
export async function stopComponents(state: InfraState, out: Output, only?: readonly ComponentName[]): Promise<void> {
  const names = (Object.keys(state.components) as ComponentName[]).filter((n) => !only || only.includes(n));
  await Promise.all(
    names.map(async (name) => {
      const component = state.components[name];
      if (!component?.managed || component.pid === null) return;
      const driver = DRIVERS[name];
      const started = Date.now();
      const outcome = await stopProcess(component.pid, component.marker, driver.stopTimeoutMs);
      const took = seconds(Date.now() - started);
      switch (outcome) {
        case 'stopped':
          out.info(`[${name}] stopped ${driver.title} (pid ${component.pid}) in ${took}`);
          break;
        case 'killed':
          out.info(`[${name}] ${driver.title} (pid ${component.pid}) ignored SIGTERM for ${seconds(driver.stopTimeoutMs)}: killed`);
          break;
        case 'not-running':
          out.info(`[${name}] ${driver.title} (pid ${component.pid}) was not running`);
          break;
        case 'not-ours':
          out.info(`[${name}] pid ${component.pid} is no longer our ${driver.title}: left alone`);
          break;
      }
    }),
  );
}
