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
import {
  FERRETDB_MODULE,
  overlayFiles,
  PATCHED_MODULES,
  type PatchedModule,
  patchSource,
} from './ferretdb-patches';

export { FERRETDB_MODULE, LIBC_MODULE, SQLITE_DRIVER_MODULE } from './ferretdb-patches';
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

/** Go files added to the SQLite driver's source (statement cache). */
export function sqliteDriverOverlayDir(repoRoot: string): string {
  return join(ferretdbModuleDir(repoRoot), '_overlay-sqlite');
}

/** Bump when the build steps below change, so cached binaries are rebuilt. */
const BUILD_RECIPE = 'replace-with-version-txt/1+sqlite-pushdown/1+write-lock/1+patched-modules/1';

/** The overlay folder of a patched module; FerretDB's may be given (`ferretdbOverlay`). */
function overlayDirOf(moduleDir: string, patched: PatchedModule, ferretdbOverlay?: string): string {
  return patched.module === FERRETDB_MODULE && ferretdbOverlay
    ? ferretdbOverlay
    : join(moduleDir, patched.overlay);
}

function moduleHash(moduleDir: string, overlayDir: string, goVersion: string): string {
  const files = MODULE_FILES.map((f) => join(moduleDir, f));
  const names: string[] = [];
  for (const patched of PATCHED_MODULES) {
    const dir = overlayDirOf(moduleDir, patched, overlayDir);
    for (const file of overlayFiles(dir)) {
      files.push(join(dir, file));
      names.push(`${patched.module}/${file}`);
    }
  }
  return hashFiles(files, [goVersion, BUILD_RECIPE, JSON.stringify(PATCHED_MODULES), ...names]);
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
  /**
   * The scratch module: the pinned go.mod/go.sum/tools.go with FerretDB `replace`d by ./FerretDB
   * and the SQLite driver by ./sqlite.
   */
  workDir: string;
  /** The patched copy of FerretDB's own module (overlay added, edits applied). */
  source: string;
  /** The patched copy of each patched module, by module path (FerretDB's is `source`). */
  sources: Record<string, string>;
  /** FerretDB's version, as the module proxy names it. */
  version: string;
}

/**
 * Makes `workDir` (emptied first) a copy of the pinned module whose FerretDB and SQLite driver are
 * patched copies of their source (PATCHED_MODULES): what the build compiles, and where the Go
 * tests run against the overlays. `overlayDir` is FerretDB's overlay; the others are found next
 * to it in `moduleDir`.
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

  const sources: Record<string, string> = {};
  let version = '';
  for (const patched of PATCHED_MODULES) {
    const download = JSON.parse(
      await runChecked('go', ['mod', 'download', '-json', patched.module], {
        cwd: workDir,
        env,
        signal,
      }),
    ) as ModuleDownload;
    if (!download.Dir || !download.Version) {
      throw new Error(
        `go mod download ${patched.module} failed: ${download.Error ?? 'no Dir in its answer'}`,
      );
    }
    const source = join(workDir, patched.folder);
    cpSync(download.Dir, source, { recursive: true });
    chmodRecursive(source);
    if (patched.module === FERRETDB_MODULE) {
      version = download.Version;
      writeFileSync(join(source, 'build', 'version', 'version.txt'), `${download.Version}\n`);
    }
    patchSource(source, overlayDirOf(moduleDir, patched, overlayDir), patched.edits);
    await runChecked('go', ['mod', 'edit', `-replace=${patched.module}=./${patched.folder}`], {
      cwd: workDir,
      env,
    });
    sources[patched.module] = source;
  }
  const source = sources[FERRETDB_MODULE];
  if (!source) throw new Error(`${FERRETDB_MODULE} is missing from the patched modules`);
  return { workDir, source, sources, version };
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
