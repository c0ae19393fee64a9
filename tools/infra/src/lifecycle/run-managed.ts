import type { ComponentDriver, ProbeOptions } from '../core/component-driver';
import { withLogTail } from '../core/log-tail';
import { spawnDetached } from '../core/process-control';
import type { ManagedComponentState } from '../core/state-file';
import { waitUntil } from '../core/wait-until';

export interface RunManagedOptions {
  probe: ProbeOptions;
  signal?: AbortSignal;
  /** Called right after the spawn, before readiness: record the pid so `down` can stop it. */
  onSpawn(pid: number): void;
}

/**
 * Spawns a managed server from its recorded spec and polls until it really answers.
 * Fails early when the process dies, with the end of its logs in the message.
 */
export async function runManaged(
  driver: ComponentDriver,
  component: ManagedComponentState,
  options: RunManagedOptions,
): Promise<{ pid: number; ms: number }> {
  const started = Date.now();
  const child = spawnDetached(component.process);
  options.onSpawn(child.pid);
  try {
    await waitUntil(`${driver.title} (${driver.describe(component.env)})`, () => driver.probe(component.env, options.probe), {
      timeoutMs: driver.readyTimeoutMs,
      intervalMs: 200,
      signal: options.signal,
      abortReason: () => {
        const reason = child.exitReason();
        return reason === null ? null : `the process ${reason} before it answered`;
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(withLogTail(message, component.logFiles, 25));
  }
  return { pid: child.pid, ms: Date.now() - started };
}
