import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DriverContext, PrepareResult } from '../core/component-driver';
import { hashFiles, readMarker } from '../core/file-hash';
import { runChecked } from '../core/run-command';

export const FERRETDB_PACKAGE = 'github.com/FerretDB/FerretDB/cmd/ferretdb';

/** The committed module that pins FerretDB (go.mod, go.sum, tools.go). */
export function ferretdbModuleDir(repoRoot: string): string {
  return join(repoRoot, 'tools', 'infra', 'ferretdb');
}

export function ferretdbBinary(cacheDir: string): string {
  return join(cacheDir, 'ferretdb', 'bin', 'ferretdb');
}

function moduleHash(moduleDir: string, goVersion: string): string {
  return hashFiles(['go.mod', 'go.sum', 'tools.go'].map((f) => join(moduleDir, f)), [goVersion]);
}

/**
 * Builds FerretDB from the pinned module folder (`go install pkg@version` is refused by the proxy here).
 * Rebuilds only when the binary is missing or go.mod/go.sum/tools.go or the Go version changed.
 */
export async function ensureFerretdb(ctx: DriverContext): Promise<PrepareResult> {
  const started = Date.now();
  const moduleDir = ferretdbModuleDir(ctx.config.repoRoot);
  const binary = ferretdbBinary(ctx.config.cacheDir);
  const hashFile = `${binary}.sha256`;
  const goVersion = (await runChecked('go', ['env', 'GOVERSION'], { cwd: moduleDir })).trim();
  if (existsSync(binary) && readMarker(hashFile) === moduleHash(moduleDir, goVersion)) {
    return { cached: true, ms: Date.now() - started };
  }
  ctx.log(`building FerretDB with ${goVersion} into ${binary} (first run only, about a minute or two)`);
  mkdirSync(join(binary, '..'), { recursive: true });
  const tmp = `${binary}.${process.pid}.tmp`;
  rmSync(hashFile, { force: true });
  try {
    await runChecked('go', ['build', '-o', tmp, FERRETDB_PACKAGE], {
      cwd: moduleDir,
      env: { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
      signal: ctx.signal,
      timeoutMs: 20 * 60_000,
    });
    chmodSync(tmp, 0o755);
    renameSync(tmp, binary);
  } finally {
    rmSync(tmp, { force: true });
  }
  // Hash after the build: -mod=mod may have tidied go.sum.
  writeFileSync(hashFile, `${moduleHash(moduleDir, goVersion)}\n`);
  return { cached: false, ms: Date.now() - started };
}
