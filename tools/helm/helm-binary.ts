// Builds the helm binary with Go (no download of release archives is possible here) into
// .cache/helm/bin, or reuses the one built before. Used by chart.spec.ts and by hand:
//
//   npx tsx tools/helm/helm-binary.ts                 # build if needed, print the path
//   npx tsx tools/helm/helm-binary.ts lint deploy/helm/medmentor   # run helm with arguments
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from '../infra/src/core/lock-file';
import { findRepoRoot } from '../infra/src/core/repo-root';
import { runChecked, runCommand } from '../infra/src/core/run-command';

/** The newest Helm 3 release the Go module proxy resolves (`go list -m helm.sh/helm/v3@latest`). */
export const HELM_VERSION = 'v3.22.0';
export const HELM_MODULE = 'helm.sh/helm/v3';
export const HELM_PACKAGE = `${HELM_MODULE}/cmd/helm`;

/**
 * Compiled without optimisation or inlining: about a quarter less compile time on a cold
 * cache, and no measurable difference for lint and template. kube-check uses the same flags,
 * so it reuses the compiled Kubernetes packages.
 */
export const GO_GCFLAGS = '-gcflags=all=-N -l';

/** Bump when the build steps change, so cached binaries are rebuilt. */
const BUILD_RECIPE = 'helm-build/2';
const BUILD_TIMEOUT_MS = 25 * 60_000;

export interface HelmPaths {
  dir: string;
  binary: string;
  marker: string;
  lock: string;
  /** HELM_CACHE_HOME, HELM_CONFIG_HOME and HELM_DATA_HOME live here, not in the user's home. */
  home: string;
}

export function helmPaths(repoRoot: string): HelmPaths {
  const dir = join(repoRoot, '.cache', 'helm');
  return {
    dir,
    binary: join(dir, 'bin', 'helm'),
    marker: join(dir, 'bin', 'helm.build'),
    lock: join(dir, 'build.lock'),
    home: join(dir, 'home'),
  };
}

/**
 * The Kubernetes version helm's release build stamps in (its Makefile: client-go v0.X.Y gives
 * 1.X). Without it `helm lint` and `helm template` assume Kubernetes 1.20, which fails charts
 * that declare a newer kubeVersion.
 */
export function kubeVersionFromGoMod(goMod: string): { major: string; minor: string } {
  const match = /^\s*k8s\.io\/client-go\s+v0\.(\d+)\.\d+/m.exec(goMod);
  if (!match?.[1])
    throw new Error('helm go.mod does not require k8s.io/client-go v0.<minor>.<patch>');
  return { major: '1', minor: match[1] };
}

export function helmLdflags(version: string, kube: { major: string; minor: string }): string {
  return [
    '-s',
    '-w',
    `-X ${HELM_MODULE}/internal/version.version=${version}`,
    `-X ${HELM_MODULE}/internal/version.gitTreeState=clean`,
    `-X ${HELM_MODULE}/pkg/lint/rules.k8sVersionMajor=${kube.major}`,
    `-X ${HELM_MODULE}/pkg/lint/rules.k8sVersionMinor=${kube.minor}`,
    `-X ${HELM_MODULE}/pkg/chartutil.k8sVersionMajor=${kube.major}`,
    `-X ${HELM_MODULE}/pkg/chartutil.k8sVersionMinor=${kube.minor}`,
  ].join(' ');
}

/** The go.mod of the scratch module used when `go install pkg@version` is refused. */
export function scratchGoMod(version: string): string {
  return `module medmentor.local/helm-build\n\ngo 1.22\n\nrequire ${HELM_MODULE} ${version}\n`;
}

/** `go install pkg@version` failures that the scratch-module build works around (proxy refusing to list). */
export function isProxyRefusal(output: string): boolean {
  return /\b403\b|forbidden|refused|invalid version|unknown revision|no matching versions/i.test(
    output,
  );
}

/**
 * Go's own settings: the user's module and build caches are kept (a second clone on the same
 * machine then only links), CGO off as in helm's release build. GOTOOLCHAIN is left to the user:
 * with the default `auto`, an older Go fetches the toolchain helm's go.mod asks for.
 */
function goEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', ...extra };
}

interface ModuleDownload {
  Version?: string;
  GoMod?: string;
  Error?: string;
}

export interface EnsureHelmResult {
  binary: string;
  version: string;
  cached: boolean;
  ms: number;
}

export interface EnsureHelmOptions {
  repoRoot?: string;
  log?: (line: string) => void;
}

function readMarker(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

async function goVersion(): Promise<string> {
  const probe = await runCommand('go', ['env', 'GOVERSION']).catch((error: unknown) => {
    throw new Error(
      `helm cannot be built: the Go toolchain is not available (${error instanceof Error ? error.message : String(error)}). ` +
        `Install Go 1.22+ (helm ${HELM_VERSION} needs Go 1.26, fetched automatically unless GOTOOLCHAIN=local).`,
    );
  });
  if (probe.code !== 0)
    throw new Error(`helm cannot be built: 'go env GOVERSION' failed:\n${probe.output}`);
  return probe.output.trim();
}

/** Builds helm into .cache/helm/bin unless the binary there was built by the same recipe and Go. */
export async function ensureHelm(options: EnsureHelmOptions = {}): Promise<EnsureHelmResult> {
  const started = Date.now();
  const repoRoot = options.repoRoot ?? findRepoRoot(__dirname);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const paths = helmPaths(repoRoot);
  const go = await goVersion();
  const wanted = `${HELM_VERSION} ${go} ${BUILD_RECIPE}`;
  const fresh = () => existsSync(paths.binary) && readMarker(paths.marker) === wanted;
  if (fresh())
    return { binary: paths.binary, version: HELM_VERSION, cached: true, ms: Date.now() - started };

  const release = await acquireLock(paths.lock, BUILD_TIMEOUT_MS, (pid) =>
    log(`helm: waiting for another build (pid ${pid}) to finish...`),
  );
  try {
    if (fresh())
      return {
        binary: paths.binary,
        version: HELM_VERSION,
        cached: true,
        ms: Date.now() - started,
      };
    log(
      `helm: building ${HELM_PACKAGE}@${HELM_VERSION} with ${go} into ${paths.binary} (first run only; minutes on 2 cores)`,
    );
    await buildWithRetry(paths, log);
    writeFileSync(paths.marker, `${wanted}\n`);
    return { binary: paths.binary, version: HELM_VERSION, cached: false, ms: Date.now() - started };
  } finally {
    release();
  }
}

/** One more attempt after a failure: a module download can fail for a moment. */
async function buildWithRetry(paths: HelmPaths, log: (line: string) => void): Promise<void> {
  try {
    await build(paths, log);
  } catch (error) {
    log(
      `helm: build failed, trying once more: ${error instanceof Error ? error.message : String(error)}`,
    );
    await build(paths, log);
  }
}

async function build(paths: HelmPaths, log: (line: string) => void): Promise<void> {
  rmSync(paths.marker, { force: true });
  mkdirSync(paths.dir, { recursive: true });
  const download = JSON.parse(
    await runChecked('go', ['mod', 'download', '-json', `${HELM_MODULE}@${HELM_VERSION}`], {
      cwd: paths.dir,
      env: goEnv(),
      timeoutMs: BUILD_TIMEOUT_MS,
    }).catch((error: unknown) => {
      throw new Error(
        `helm cannot be built: ${error instanceof Error ? error.message : String(error)}`,
      );
    }),
  ) as ModuleDownload;
  if (!download.GoMod)
    throw new Error(
      `helm cannot be built: go mod download gave no go.mod (${download.Error ?? '?'})`,
    );
  const ldflags = helmLdflags(
    HELM_VERSION,
    kubeVersionFromGoMod(readFileSync(download.GoMod, 'utf8')),
  );
  const buildArgs = ['-trimpath', GO_GCFLAGS, `-ldflags=${ldflags}`];

  const staging = join(paths.dir, `build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const built = join(staging, 'helm');
  try {
    // 1. go install pkg@version: no module of our own needed.
    const install = await runCommand(
      'go',
      ['install', ...buildArgs, `${HELM_PACKAGE}@${HELM_VERSION}`],
      {
        cwd: staging,
        env: goEnv({ GOBIN: staging }),
        timeoutMs: BUILD_TIMEOUT_MS,
      },
    );
    if (install.code !== 0) {
      // 2. Build from a module that requires helm: works where the proxy refuses to resolve
      // pkg@version, and is a second try for any other failure (whose output is kept in the log).
      log(
        isProxyRefusal(install.output)
          ? 'helm: go install was refused by the module proxy; building from a scratch module instead'
          : `helm: go install failed (exit ${String(install.code)}); building from a scratch module instead:\n${tail(install.output, 15)}`,
      );
      const moduleDir = join(staging, 'module');
      mkdirSync(moduleDir);
      writeFileSync(join(moduleDir, 'go.mod'), scratchGoMod(HELM_VERSION));
      await runChecked('go', ['build', ...buildArgs, '-o', built, HELM_PACKAGE], {
        cwd: moduleDir,
        // Resolves the requirements and writes go.sum on the fly.
        env: goEnv({ GOFLAGS: '-mod=mod -buildvcs=false' }),
        timeoutMs: BUILD_TIMEOUT_MS,
      }).catch((error: unknown) => {
        throw new Error(
          `helm cannot be built: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    const reported = (await runChecked(built, ['version', '--template', '{{.Version}}'])).trim();
    if (reported !== HELM_VERSION)
      throw new Error(`built helm reports version ${reported}, expected ${HELM_VERSION}`);
    mkdirSync(join(paths.binary, '..'), { recursive: true });
    renameSync(built, paths.binary);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Environment for running the built helm: its state under .cache/helm/home, no kube context. */
export function helmEnv(repoRoot: string): NodeJS.ProcessEnv {
  const { home } = helmPaths(repoRoot);
  return {
    ...process.env,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
    KUBECONFIG: join(home, 'no-kubeconfig'),
  };
}

if (require.main === module) {
  const repoRoot = findRepoRoot(__dirname);
  ensureHelm({ repoRoot })
    .then(({ binary, cached, ms }) => {
      const args = process.argv.slice(2);
      if (args.length === 0) {
        process.stderr.write(
          `helm ${HELM_VERSION} ${cached ? 'cached' : `built in ${(ms / 1000).toFixed(0)} s`}\n`,
        );
        process.stdout.write(`${binary}\n`);
        return;
      }
      const result = spawnSync(binary, args, {
        stdio: 'inherit',
        env: helmEnv(repoRoot),
        cwd: process.cwd(),
      });
      process.exitCode = result.status ?? 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
