import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { isRunning } from './process-control';
import { sleep } from './wait-until';

export type ReleaseLock = () => void;

function holder(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Serialises commands that change the state file (two `up`s from parallel jobs, `down` during `up`).
 * A lock left by a process that died is taken over.
 */
export async function acquireLock(
  file: string,
  timeoutMs = 180_000,
  onWait: (holderPid: number) => void = (pid) =>
    process.stderr.write(`infra: waiting for another infra command (pid ${pid}) to finish...\n`),
): Promise<ReleaseLock> {
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (holder(file) === process.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder(file);
    if (pid === null || pid === process.pid || !isRunning(pid)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`another infra command (pid ${pid}) holds ${file}; gave up waiting`);
    }
    if (!announced) {
      onWait(pid);
      announced = true;
    }
    await sleep(200);
  }
}
