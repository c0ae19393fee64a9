// Builds tools/helm/kube-check (a small Go program that decodes manifests strictly into the
// Kubernetes API types of client-go) into .cache/helm/bin, or reuses the one built before.
// Its dependencies are pinned to the versions helm v3.22.0 uses, so after helm's build only
// the program itself is compiled.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFiles, readMarker } from '../infra/src/core/file-hash';
import { acquireLock } from '../infra/src/core/lock-file';
import { runChecked } from '../infra/src/core/run-command';
import { GO_GCFLAGS, helmPaths } from './helm-binary';

const SOURCES = ['go.mod', 'go.sum', 'main.go'];

export function kubeCheckModuleDir(repoRoot: string): string {
  return join(repoRoot, 'tools', 'helm', 'kube-check');
}

export function kubeCheckBinary(repoRoot: string): string {
  return join(helmPaths(repoRoot).dir, 'bin', 'kube-check');
}

/** Builds kube-check unless the cached binary was built from the same sources with the same Go. */
export async function ensureKubeCheck(repoRoot: string): Promise<string> {
  const moduleDir = kubeCheckModuleDir(repoRoot);
  const binary = kubeCheckBinary(repoRoot);
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

export interface KubeCheckResult {
  kind: string;
  name: string;
  status: 'ok' | 'error' | 'skipped';
  errors?: string[];
}

/** Runs kube-check over multi-document YAML; one result per document. */
export function kubeCheck(binary: string, manifests: string): Promise<KubeCheckResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', reject);
    child.once('close', (code) => {
      // 0: all fine, 1: some document has errors (reported in the output), else a failure.
      if (code !== 0 && code !== 1) {
        reject(
          new Error(`kube-check exited with ${String(code)}: ${Buffer.concat(err).toString()}`),
        );
        return;
      }
      const lines = Buffer.concat(out).toString().split('\n').filter(Boolean);
      resolve(lines.map((line) => JSON.parse(line) as KubeCheckResult));
    });
    child.stdin.end(manifests);
  });
}
