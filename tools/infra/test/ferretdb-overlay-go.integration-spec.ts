// The Go parts of the FerretDB patches run their tests here, on the very patched copies the
// build compiles (preparePatchedSource):
// - FerretDB's decoder of stored documents (ferretdb/_overlay/.../sjson/unmarshal_fast.go):
//   FerretDB's own tests of that package, and the overlay's, which compare the new decoder with
//   FerretDB's on random and unusual texts;
// - $in and $nin of many strings answered from a set (ferretdb/_overlay/.../types/
//   array_string_set.go, .../handler/common/filter_in_strings.go): FerretDB's own tests of both
//   packages, and the overlay's, which compare the answers with FerretDB's comparison;
// - the memcmp of the C library SQLite runs on (ferretdb/_overlay-libc/memcmp_fast.go), compared
//   with the library's byte loop;
// - the statement cache of its SQLite driver (ferretdb/_overlay-sqlite/stmt_cache.go). The
//   driver's own tests are left out of that copy: they need modules (pprof) outside the pinned
//   build.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '../src/core/repo-root';
import { runCommand, type RunResult } from '../src/core/run-command';
import {
  ferretdbModuleDir,
  LIBC_MODULE,
  ferretdbOverlayDir,
  goEnv,
  preparePatchedSource,
  SQLITE_DRIVER_MODULE,
  sqliteDriverOverlayDir,
  type PatchedSource,
} from '../src/mongo/ferretdb-build';
import { overlayFiles } from '../src/mongo/ferretdb-patches';

const repoRoot = findRepoRoot(__dirname);
let scratch: string;
let patched: PatchedSource;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'ferretdb-go-test-'));
  patched = await preparePatchedSource(
    ferretdbModuleDir(repoRoot),
    ferretdbOverlayDir(repoRoot),
    join(scratch, 'module'),
  );
}, 300_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const goTest = (cwd: string, pkg: string): Promise<RunResult> =>
  runCommand('go', ['test', '-count=1', '-v', '-timeout=120s', pkg], {
    cwd,
    env: goEnv(),
    timeoutMs: 10 * 60_000,
  });

/** Go's verdict line for the package, and the named tests among those that passed. */
const expectPassed = (result: RunResult, pkg: RegExp, tests: readonly string[]): void => {
  expect({ code: result.code, tail: result.output.split('\n').slice(-30).join('\n') }).toEqual({
    code: 0,
    tail: expect.stringMatching(pkg),
  });
  for (const name of tests) expect(result.output).toContain(`--- PASS: ${name}`);
};

/**
 * Removes a patched module's own Go tests from its copy, keeping the overlay's: the modules' own
 * tests need modules (pprof and more) outside the pinned build.
 */
const keepOnlyOverlayTests = (module: string, overlayDir: string): void => {
  const source = patched.sources[module];
  if (!source) throw new Error(`${module} was not patched`);
  const overlayTests = new Set(overlayFiles(overlayDir));
  for (const file of readdirSync(source)) {
    if (file.endsWith('_test.go') && !overlayTests.has(file))
      rmSync(join(source, file), { force: true });
  }
};

describe('FerretDB overlay, Go tests', () => {
  it('decodes stored documents exactly as FerretDB does (sjson package tests pass)', async () => {
    // FerretDB's test helpers find the repository root by its .git folder
    mkdirSync(join(patched.source, '.git'), { recursive: true });
    const result = await goTest(patched.source, './internal/handler/sjson/');
    // the overlay's own tests ran, not only FerretDB's
    expectPassed(result, /^ok\s+github\.com\/FerretDB\/FerretDB\/internal\/handler\/sjson/m, [
      'TestUnmarshalFastDecodesWhatMarshalWrites',
      'TestUnmarshalFastAnswersUnusualTextsAsFerretDB',
    ]);
  });

  it('matches $in and $nin of many strings as FerretDB does (types and filter package tests pass)', async () => {
    mkdirSync(join(patched.source, '.git'), { recursive: true });
    const types = await goTest(patched.source, './internal/types/');
    expectPassed(types, /^ok\s+github\.com\/FerretDB\/FerretDB\/internal\/types/m, [
      'TestStringSetOnlyForLongArraysOfStrings',
      'TestStringSetFollowsEveryChange',
      'TestStringSetFollowsRemovalFromANestedArray',
    ]);
    const filter = await goTest(patched.source, './internal/handler/common/');
    expectPassed(filter, /^ok\s+github\.com\/FerretDB\/FerretDB\/internal\/handler\/common/m, [
      'TestInStringsAnswersAsFerretDB',
      'TestInStringsLeavesOtherCasesToFerretDB',
      'TestInStringsKeepsFerretDBErrors',
    ]);
  });

  it('libc: memcmp and memcpy answer as the loops they replace', async () => {
    keepOnlyOverlayTests(LIBC_MODULE, join(ferretdbModuleDir(repoRoot), '_overlay-libc'));
    const result = await goTest(patched.workDir, LIBC_MODULE);
    expectPassed(result, /^ok\s+modernc\.org\/libc/m, [
      'TestMemcmpFastAnswersAsTheByteLoop',
      'TestMemcmpFastOfZeroBytesIsZero',
      'TestMemcpyFastCopiesAsLibc',
    ]);
  });

  it('SQLite driver: reuses statements, never one in use, and survives schema changes and errors', async () => {
    keepOnlyOverlayTests(SQLITE_DRIVER_MODULE, sqliteDriverOverlayDir(repoRoot));
    // run from the scratch module, so the driver builds with the module versions FerretDB pins
    const result = await goTest(patched.workDir, SQLITE_DRIVER_MODULE);
    expectPassed(result, /^ok\s+modernc\.org\/sqlite/m, [
      'TestStmtCacheReusesStatements',
      'TestStmtCacheOpenRowsAndUseOfTheSameSQL',
      'TestStmtCacheBindingsDoNotLeak',
      'TestStmtCacheSurvivesSchemaChanges',
      'TestStmtCacheReusesAStatementAfterAnError',
      'TestStmtCacheIsBoundedAndFinalizedOnClose',
    ]);
  });
});
