import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { InfraConfig } from '../core/infra-config';
import type { Output } from '../core/output';
import { stateEnv } from '../core/state-file';
import { down } from './down';
import { up, type UpResult } from './up';

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 1);
}

/**
 * `up`, run the command with the infra's env vars, `down` whatever happens, and return the
 * command's exit code. Infra that was already up before stays up (someone else owns it).
 * A single argument is run through the shell (`with -- "a && b"`).
 */
export async function withInfra(config: InfraConfig, command: readonly string[], out: Output): Promise<number> {
  if (command.length === 0) throw new Error('usage: with -- <command> [args...]');
  const abort = new AbortController();
  let received: NodeJS.Signals | null = null;
  let forward: ((signal: NodeJS.Signals) => void) | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    received ??= signal;
    if (forward) forward(signal);
    else abort.abort();
  };
  for (const signal of FORWARDED) process.on(signal, onSignal);

  let result: UpResult | null = null;
  let exitCode = 1;
  try {
    result = await up(config, { out, signal: abort.signal });
    if (received) return signalExitCode(received);
    const env = { ...process.env, ...stateEnv(result.state) };
    const [file, ...args] = command as [string, ...string[]];
    const child =
      command.length === 1
        ? spawn(file, { stdio: 'inherit', env, shell: true })
        : spawn(file, args, { stdio: 'inherit', env });
    forward = (signal) => {
      // Ctrl-C already reached the child through the terminal; repeat it only if it lingers.
      const delay = signal === 'SIGINT' ? 1_000 : 0;
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      }, delay).unref();
    };
    exitCode = await new Promise<number>((resolve) => {
      child.once('error', (error) => {
        out.info(`infra: could not run ${file}: ${error.message}`);
        resolve(127);
      });
      child.once('exit', (code, signal) => resolve(signal ? signalExitCode(signal) : (code ?? 1)));
    });
    return exitCode;
  } catch (error) {
    out.info(`infra: ${error instanceof Error ? error.message : String(error)}`);
    return received ? signalExitCode(received) : 1;
  } finally {
    forward = null;
    if (result && !result.alreadyUp) {
      try {
        await down(config, out);
      } catch (error) {
        out.info(`infra: down failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (result?.alreadyUp) {
      out.info('infra: was already up before `with`; leaving it running');
    }
    for (const signal of FORWARDED) process.off(signal, onSignal);
  }
}
