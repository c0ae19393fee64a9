// The overlay replaces FerretDB's decoder of stored documents (ferretdb/_overlay/.../sjson/
// unmarshal_fast.go). FerretDB's own tests of that package, and the overlay's tests that compare
// the new decoder with FerretDB's on random and unusual texts, run here on the patched source.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '../src/core/repo-root';
import { runCommand } from '../src/core/run-command';
import {
  ferretdbModuleDir,
  ferretdbOverlayDir,
  goEnv,
  preparePatchedSource,
} from '../src/mongo/ferretdb-build';

const repoRoot = findRepoRoot(__dirname);
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ferretdb-go-test-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('FerretDB overlay, Go tests', () => {
  it('decodes stored documents exactly as FerretDB does (sjson package tests pass)', async () => {
    const { source } = await preparePatchedSource(
      ferretdbModuleDir(repoRoot),
      ferretdbOverlayDir(repoRoot),
      join(scratch, 'module'),
    );
    // FerretDB's test helpers find the repository root by its .git folder
    mkdirSync(join(source, '.git'));

    const result = await runCommand('go', ['test', '-count=1', '-v', './internal/handler/sjson/'], {
      cwd: source,
      env: goEnv(),
      timeoutMs: 10 * 60_000,
    });

    expect({ code: result.code, tail: result.output.split('\n').slice(-30).join('\n') }).toEqual({
      code: 0,
      tail: expect.stringMatching(
        /^ok\s+github\.com\/FerretDB\/FerretDB\/internal\/handler\/sjson/m,
      ),
    });
    // the overlay's own tests ran, not only FerretDB's
    expect(result.output).toContain('--- PASS: TestUnmarshalFastDecodesWhatMarshalWrites');
    expect(result.output).toContain('--- PASS: TestUnmarshalFastAnswersUnusualTextsAsFerretDB');
  });
});
