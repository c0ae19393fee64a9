import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { DriverContext, PrepareResult } from '../core/component-driver';
import { freshDir } from '../core/fresh-dir';
import { hashFiles, readMarker } from '../core/file-hash';
import { runChecked } from '../core/run-command';
import { FERRETDB_SOURCE_EDITS, overlayFiles, patchFerretdbSource } from './ferretdb-patches';

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_PACKAGE = `${FERRETDB_MODULE}/cmd/ferretdb`;

/** The committed module that pins FerretDB (go.mod, go.sum, tools.go). */
export function ferretdbModuleDir(repoRoot: string): string {
  return join(repoRoot, 'tools', 'infra', 'ferretdb');
}

export function ferretdbBinary(cacheDir: string): string {
  return join(cacheDir, 'ferretdb', 'bin', 'ferretdb');
}

const MODULE_FILES = ['go.mod', 'go.sum', 'tools.go'];

/** Go files added to FerretDB's source (a folder starting with `_`, which Go itself ignores). */
export function ferretdbOverlayDir(repoRoot: string): string {
  return join(ferretdbModuleDir(repoRoot), '_overlay');
}

/** Bump when the build steps below change, so cached binaries are rebuilt. */
const BUILD_RECIPE = 'replace-with-version-txt/1+sqlite-pushdown/1+write-lock/1';

function moduleHash(moduleDir: string, overlayDir: string, goVersion: string): string {
  return hashFiles(
    [
      ...MODULE_FILES.map((f) => join(moduleDir, f)),
      ...overlayFiles(overlayDir).map((f) => join(overlayDir, f)),
    ],
    [goVersion, BUILD_RECIPE, JSON.stringify(FERRETDB_SOURCE_EDITS)],
  );
}

export function goEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOFLAGS: '-mod=mod -buildvcs=false',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
  };
}

interface ModuleDownload {
  Version?: string;
  Dir?: string;
  Error?: string;
}

/**
 * Builds FerretDB from the pinned module folder (`go install pkg@version` is refused by the proxy here).
 *
 * A binary built from the module cache panics at start-up: FerretDB's build/version package wants a
 * build/version/version.txt that only its release tooling writes. So the build runs in a scratch
 * copy of the pinned module where FerretDB itself (3.4 MB of source) is replaced by a copy that has
 * that file. Dependencies still come from the module cache, pinned by go.sum.
 *
 * Rebuilds only when the binary is missing or go.mod/go.sum/tools.go or the Go version changed.
 */
export async function ensureFerretdb(ctx: DriverContext): Promise<PrepareResult> {
  const started = Date.now();
  const moduleDir = ferretdbModuleDir(ctx.config.repoRoot);
  const binary = ferretdbBinary(ctx.config.cacheDir);
  const hashFile = `${binary}.sha256`;
  const goVersion = (await runChecked('go', ['env', 'GOVERSION'], { cwd: moduleDir })).trim();
  const overlayDir = ferretdbOverlayDir(ctx.config.repoRoot);
  const wanted = moduleHash(moduleDir, overlayDir, goVersion);
  if (existsSync(binary) && readMarker(hashFile) === wanted) {
    return { cached: true, ms: Date.now() - started };
  }
  ctx.log(
    `building FerretDB with ${goVersion} into ${binary} (first run only, about a minute or two)`,
  );
  rmSync(hashFile, { force: true });
  const env = goEnv();
  const workDir = join(ctx.config.cacheDir, 'ferretdb', 'build');
  const { version } = await preparePatchedSource(moduleDir, overlayDir, workDir, ctx.signal);

  mkdirSync(join(binary, '..'), { recursive: true });
  const tmp = `${binary}.${process.pid}.tmp`;
  try {
    await runChecked('go', ['build', '-o', tmp, FERRETDB_PACKAGE], {
      cwd: workDir,
      env,
      signal: ctx.signal,
      timeoutMs: 20 * 60_000,
    });
    chmodSync(tmp, 0o755);
    const reported = await runChecked(tmp, ['--version'], { timeoutMs: 30_000 });
    if (!reported.includes(version))
      throw new Error(`built FerretDB reports an unexpected version:\n${reported}`);
    renameSync(tmp, binary);
  } finally {
    rmSync(tmp, { force: true });
  }
  rmSync(workDir, { recursive: true, force: true });
  writeFileSync(hashFile, `${wanted}\n`);
  return { cached: false, ms: Date.now() - started };
}

export interface PatchedSource {
  /** The scratch module: the pinned go.mod/go.sum/tools.go with FerretDB `replace`d by ./FerretDB. */
  workDir: string;
  /** The patched copy of FerretDB's own module (overlay added, edits applied). */
  source: string;
  /** FerretDB's version, as the module proxy names it. */
  version: string;
}

/**
 * Makes `workDir` (emptied first) a copy of the pinned module whose FerretDB is a patched copy of
 * its source: what the build compiles, and where FerretDB's own Go tests run against the overlay.
 */
export async function preparePatchedSource(
  moduleDir: string,
  overlayDir: string,
  workDir: string,
  signal?: AbortSignal,
): Promise<PatchedSource> {
  const env = goEnv();
  freshDir(workDir);
  for (const file of MODULE_FILES) copyFileSync(join(moduleDir, file), join(workDir, file));

  const download = JSON.parse(
    await runChecked('go', ['mod', 'download', '-json', FERRETDB_MODULE], {
      cwd: workDir,
      env,
      signal,
    }),
  ) as ModuleDownload;
  if (!download.Dir || !download.Version) {
    throw new Error(
      `go mod download ${FERRETDB_MODULE} failed: ${download.Error ?? 'no Dir in its answer'}`,
    );
  }
  const source = join(workDir, 'FerretDB');
  cpSync(download.Dir, source, { recursive: true });
  chmodRecursive(source);
  writeFileSync(join(source, 'build', 'version', 'version.txt'), `${download.Version}\n`);
  patchFerretdbSource(source, overlayDir);
  await runChecked('go', ['mod', 'edit', `-replace=${FERRETDB_MODULE}=./FerretDB`], {
    cwd: workDir,
    env,
  });
  return { workDir, source, version: download.Version };
}

/** Module cache files are read-only; the copy must be writable to add version.txt and be deleted later. */
function chmodRecursive(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) chmodRecursive(path);
    else chmodSync(path, 0o644);
  }
}
