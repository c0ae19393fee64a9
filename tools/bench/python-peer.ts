import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root (tools/bench/ is two levels down). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Scratch space for the benchmarks: the virtualenv and instance files (git-ignored). */
export const BENCH_CACHE = join(REPO_ROOT, '.cache', 'bench');
const VENV = join(BENCH_CACHE, 'venv');
const PYTHON = join(VENV, 'bin', 'python');

export type Peer =
  { readonly ok: true; readonly python: string } | { readonly ok: false; readonly reason: string };

/**
 * A Python with `packages` installed, in a virtualenv under .cache/bench/venv (created on first
 * use, reused after). Never throws: a missing python3 or a failed install is a reason to skip.
 */
export function pythonWith(packages: readonly string[]): Peer {
  mkdirSync(BENCH_CACHE, { recursive: true });
  if (!existsSync(PYTHON)) {
    const created = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' });
    if (created.status !== 0)
      return {
        ok: false,
        reason: `cannot create a virtualenv: ${created.stderr || created.error?.message}`,
      };
  }
  const missing = packages.filter(
    (p) => spawnSync(PYTHON, ['-m', 'pip', 'show', '-q', p]).status !== 0,
  );
  if (missing.length > 0) {
    process.stderr.write(`installing ${missing.join(', ')} into ${VENV} ...\n`);
    const installed = spawnSync(PYTHON, ['-m', 'pip', 'install', '-q', ...missing], {
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    if (installed.status !== 0)
      return {
        ok: false,
        reason: `pip install ${missing.join(' ')} failed: ${installed.stderr.trim().split('\n').pop()}`,
      };
  }
  return { ok: true, python: PYTHON };
}

/** Runs one of the peers/*.py scripts; its last stdout line is a JSON report. */
export function runPeer<T>(
  python: string,
  script: string,
  args: readonly string[],
  timeoutMs: number,
): T {
  const run = spawnSync(python, [join(__dirname, 'peers', script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${script} exited with ${run.status}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}
