import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProcessSpec } from './state-file';
import { sleep } from './wait-until';

export interface DetachedProcess {
  pid: number;
  /** How it ended ("exit code 1"), or null while it runs (known only while this CLI runs). */
  exitReason(): string | null;
}

/**
 * Starts a server in its own process group with output appended to its log file, so it
 * outlives this CLI and a Ctrl-C in the terminal does not reach it.
 */
export function spawnDetached(
  spec: ProcessSpec,
  env: NodeJS.ProcessEnv = process.env,
): DetachedProcess {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const out = openSync(spec.logFile, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...env, ...spec.env },
      detached: true,
      stdio: ['ignore', out, out],
    });
    let reason: string | null = null;
    child.once('exit', (code, signal) => {
      reason = signal ? `exited on signal ${signal}` : `exited with code ${String(code)}`;
    });
    child.once('error', (error) => {
      reason = `could not be started: ${error.message}`;
    });
    child.unref();
    if (child.pid === undefined) {
      throw new Error(`could not start ${spec.command} (see ${spec.logFile})`);
    }
    return { pid: child.pid, exitReason: () => reason };
  } finally {
    closeSync(out);
  }
}

function procStatus(pid: number): 'running' | 'gone' | 'unknown' {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 3, after "(comm)": Z (zombie) and X (dead) are not running.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X' ? 'gone' : 'running';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return readProcAvailable() ? 'gone' : 'unknown';
    }
    return 'unknown';
  }
}

let procAvailable: boolean | undefined;
function readProcAvailable(): boolean {
  if (procAvailable === undefined) {
    try {
      readFileSync('/proc/self/stat');
      procAvailable = true;
    } catch {
      procAvailable = false;
    }
  }
  return procAvailable;
}

export function isRunning(pid: number): boolean {
  const status = procStatus(pid);
  if (status !== 'unknown') return status === 'running';
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process' command line, or null where /proc is not available. */
export function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** True when `pid` runs and is the server we started (its command line holds our marker). */
export function isOurProcess(pid: number, marker: string): boolean {
  if (!isRunning(pid)) return false;
  const cmd = commandLine(pid);
  return cmd === null ? true : cmd.includes(marker);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // Detached children lead their own process group: signal the group so helpers go too.
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export type StopOutcome = 'stopped' | 'killed' | 'not-running' | 'not-ours';

/** SIGTERM, wait up to `timeoutMs`, then SIGKILL. Leaves processes that are not ours alone. */
export async function stopProcess(
  pid: number,
  marker: string,
  timeoutMs: number,
): Promise<StopOutcome> {
  if (!isRunning(pid)) return 'not-running';
  if (!isOurProcess(pid, marker)) return 'not-ours';
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return 'stopped';
    await sleep(100);
  }
  signalGroup(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (isRunning(pid) && Date.now() < killDeadline) await sleep(50);
  return 'killed';
}
