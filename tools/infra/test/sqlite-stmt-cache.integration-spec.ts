// The statement cache added to FerretDB's SQLite driver (ferretdb/_overlay-sqlite/stmt_cache.go):
// its Go tests run here in the patched copy of modernc.org/sqlite that the build compiles. The
// driver's own tests are left out of that copy: they need modules (pprof) outside the pinned build.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '../src/core/repo-root';
import { runCommand } from '../src/core/run-command';
import {
  ferretdbModuleDir,
  ferretdbOverlayDir,
  goEnv,
  preparePatchedSource,
  SQLITE_DRIVER_MODULE,
  sqliteDriverOverlayDir,
} from '../src/mongo/ferretdb-build';
import { overlayFiles } from '../src/mongo/ferretdb-patches';

const repoRoot = findRepoRoot(__dirname);
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sqlite-go-test-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('SQLite driver statement cache, Go tests', () => {
  it('reuses statements, never one in use, and survives schema changes and errors', async () => {
    const { workDir, sources } = await preparePatchedSource(
      ferretdbModuleDir(repoRoot),
      ferretdbOverlayDir(repoRoot),
      join(scratch, 'module'),
    );
    const driver = sources[SQLITE_DRIVER_MODULE];
    if (!driver) throw new Error(`${SQLITE_DRIVER_MODULE} was not patched`);
    const overlayTests = new Set(overlayFiles(sqliteDriverOverlayDir(repoRoot)));
    for (const file of readdirSync(driver)) {
      if (file.endsWith('_test.go') && !overlayTests.has(file))
        rmSync(join(driver, file), { force: true });
    }

    // run from the scratch module, so the driver builds with the module versions FerretDB pins
    const result = await runCommand(
      'go',
      ['test', '-count=1', '-v', '-timeout=120s', SQLITE_DRIVER_MODULE],
      { cwd: workDir, env: goEnv(), timeoutMs: 10 * 60_000 },
    );

    expect({ code: result.code, tail: result.output.split('\n').slice(-30).join('\n') }).toEqual({
      code: 0,
      tail: expect.stringMatching(/^ok\s+modernc\.org\/sqlite/m),
    });
    for (const name of [
      'TestStmtCacheReusesStatements',
      'TestStmtCacheOpenRowsAndUseOfTheSameSQL',
      'TestStmtCacheBindingsDoNotLeak',
      'TestStmtCacheSurvivesSchemaChanges',
      'TestStmtCacheReusesAStatementAfterAnError',
      'TestStmtCacheIsBoundedAndFinalizedOnClose',
    ])
      expect(result.output).toContain(`--- PASS: ${name}`);
  });
});
