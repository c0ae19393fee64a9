import type { InfraConfig } from '../core/infra-config';
import type { Output } from '../core/output';
import { isOurProcess } from '../core/process-control';
import { readState } from '../core/state-file';
import { DRIVER_LIST } from './drivers';

export interface ComponentStatus {
  name: string;
  answers: boolean;
  line: string;
}

/** One probe per component (no retries). Returns true when every component answers. */
export async function status(config: InfraConfig, out: Output): Promise<boolean> {
  const state = readState(config.stateFile);
  if (!state) {
    out.data(`infra is not up (no ${config.stateFile}); start it with: npx tsx tools/infra/src/cli.ts up`);
    return false;
  }
  const rows = await Promise.all(
    DRIVER_LIST.map(async (driver): Promise<ComponentStatus> => {
      const component = state.components[driver.name];
      if (!component) return { name: driver.name, answers: false, line: `${driver.name.padEnd(5)} DOWN   not in the state file` };
      let problem: string | null = null;
      try {
        await driver.probe(component.env, { deep: false });
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      let how: string;
      if (!component.managed) how = `existing server from ${component.source}`;
      else if (component.pid === null) how = `stopped (\`${driver.name} start\` brings it back)`;
      else if (isOurProcess(component.pid, component.marker)) how = `pid ${component.pid}`;
      else how = `pid ${component.pid} is gone`;
      const verdict = problem === null ? 'up    ' : 'DOWN  ';
      const detail = problem === null ? '' : ` - ${problem.split('\n')[0] ?? ''}`;
      return {
        name: driver.name,
        answers: problem === null,
        line: `${driver.name.padEnd(5)} ${verdict} ${driver.describe(component.env)}  (${how})${detail}`,
      };
    }),
  );
  for (const row of rows) out.data(row.line);
  return rows.every((r) => r.answers);
}
