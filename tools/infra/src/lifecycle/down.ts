import { rmSync } from 'node:fs';
import type { InfraConfig } from '../core/infra-config';
import { acquireLock } from '../core/lock-file';
import { type Output, seconds } from '../core/output';
import { readState, removeState } from '../core/state-file';
import { stopComponents } from './stop-components';

/** Stops what `up` started and removes the state. Returns false when nothing was up. */
export async function down(config: InfraConfig, out: Output): Promise<boolean> {
  const release = await acquireLock(config.lockFile);
  try {
    const state = readState(config.stateFile);
    if (!state) {
      out.info(`infra is not up (no ${config.stateFile}): nothing to stop`);
      return false;
    }
    const started = Date.now();
    await stopComponents(state, out);
    removeState(config.stateFile);
    rmSync(config.envFile, { force: true });
    out.info(`infra down in ${seconds(Date.now() - started)}`);
    return true;
  } finally {
    release();
  }
}
