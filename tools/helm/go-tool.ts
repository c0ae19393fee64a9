// Builds a small Go program of tools/helm (a folder with go.mod, go.sum, main.go) into
// .cache/helm/bin/<name>, or reuses the one built before from the same sources with the same Go.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFiles, readMarker } from '../infra/src/core/file-hash';
import { acquireLock } from '../infra/src/core/lock-file';
import { runChecked } from '../infra/src/core/run-command';
import { GO_GCFLAGS, helmPaths } from './helm-binary';

const SOURCES = ['go.mod', 'go.sum', 'main.go'];

export function goToolModuleDir(repoRoot: string, name: string): string {
  return join(repoRoot, 'tools', 'helm', name);
}

export function goToolBinary(repoRoot: string, name: string): string {
  return join(helmPaths(repoRoot).dir, 'bin', name);
}

export async function ensureGoTool(repoRoot: string, name: string): Promise<string> {
  const moduleDir = goToolModuleDir(repoRoot, name);
  const binary = goToolBinary(repoRoot, name);
  const marker = `${binary}.sha256`;
  const goVersion = (await runChecked('go', ['env', 'GOVERSION'], { cwd: moduleDir })).trim();
  const wanted = hashFiles(
    SOURCES.map((f) => join(moduleDir, f)),
    [goVersion, GO_GCFLAGS],
  );
  if (existsSync(binary) && readMarker(marker) === wanted) return binary;
  const release = await acquireLock(`${binary}.lock`, 20 * 60_000);
  try {
    if (existsSync(binary) && readMarker(marker) === wanted) return binary;
    rmSync(marker, { force: true });
    mkdirSync(join(binary, '..'), { recursive: true });
    const tmp = `${binary}.${process.pid}.tmp`;
    try {
      await runChecked('go', ['build', '-trimpath', GO_GCFLAGS, '-ldflags=-s -w', '-o', tmp, '.'], {
        cwd: moduleDir,
        env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly -buildvcs=false' },
        timeoutMs: 20 * 60_000,
      });
      renameSync(tmp, binary);
    } finally {
      rmSync(tmp, { force: true });
    }
    writeFileSync(marker, `${wanted}\n`);
    return binary;
  } finally {
    release();
  }
}

/**
 * Runs one of these programs with `input` on stdin and reads one JSON object per output
 * line. Exit status 0 (all fine) and 1 (problems, reported in the output) both resolve.
 */
export function runGoTool<T>(binary: string, input: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0 && code !== 1) {
        reject(
          new Error(`${binary} exited with ${String(code)}: ${Buffer.concat(err).toString()}`),
        );
        return;
      }
      const lines = Buffer.concat(out).toString().split('\n').filter(Boolean);
      resolve(lines.map((line) => JSON.parse(line) as T));
    });
    child.stdin.end(input);
  });
}
