import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '../core/repo-root';
import { ferretdbModuleDir, ferretdbOverlayDir, sqliteDriverOverlayDir } from './ferretdb-build';
import {
  applyEdit,
  FERRETDB_SOURCE_EDITS,
  overlayFiles,
  PATCHED_MODULES,
  patchFerretdbSource,
  patchSource,
  SQLITE_DRIVER_EDITS,
} from './ferretdb-patches';

describe('FerretDB source patches', () => {
  const edit = { file: 'x.go', reason: 'test', find: 'old()', replace: 'new()' };

  it('replaces the text it names', () => {
    expect(applyEdit('a\nold()\nb', edit)).toBe('a\nnew()\nb');
  });

  it('fails loudly when the text is missing or occurs more often than expected', () => {
    expect(() => applyEdit('a\nb', edit)).toThrow(/0 times, expected 1/);
    expect(() => applyEdit('old() old()', edit)).toThrow(/2 times, expected 1/);
  });

  it('replaces only the first of the expected occurrences', () => {
    expect(applyEdit('old() old()', { ...edit, occurrences: 2 })).toBe('new() old()');
  });

  it('adds the overlay files and applies every edit to a source tree', () => {
    const source = mkdtempSync(join(tmpdir(), 'ferretdb-src-'));
    // several edits may change one file: each file holds the text of every edit made to it
    const texts = new Map<string, string>();
    for (const e of FERRETDB_SOURCE_EDITS) {
      const finds = Array(e.occurrences ?? 1)
        .fill(e.find)
        .join('\n');
      texts.set(e.file, `${texts.get(e.file) ?? '// head'}\n${finds}\n`);
    }
    for (const [file, text] of texts) {
      mkdirSync(join(source, file, '..'), { recursive: true });
      writeFileSync(join(source, file), text);
    }
    const overlay = ferretdbOverlayDir(findRepoRoot(__dirname));
    patchFerretdbSource(source, overlay);
    for (const e of FERRETDB_SOURCE_EDITS)
      expect(readFileSync(join(source, e.file), 'utf8')).toContain(e.replace);
    const added = overlayFiles(overlay);
    expect(added).toEqual(
      expect.arrayContaining([
        'internal/backends/sqlite/pushdown.go',
        'internal/handler/write_lock.go',
        'internal/handler/sjson/unmarshal_fast.go',
        'internal/util/resource/tracking.go',
      ]),
    );
    for (const file of added) {
      expect(readFileSync(join(source, file), 'utf8')).toBe(
        readFileSync(join(overlay, file), 'utf8'),
      );
    }
  });

  it('applies the SQLite driver edits, each repeated one to every occurrence, and adds its overlay', () => {
    const source = mkdtempSync(join(tmpdir(), 'sqlite-src-'));
    // a text repeated by several edits is in the file as often as the first of them expects
    const finds = new Map<string, number>();
    for (const e of SQLITE_DRIVER_EDITS)
      if (!finds.has(e.find)) finds.set(e.find, e.occurrences ?? 1);
    const text = [...finds].map(([find, n]) => Array(n).fill(find).join('\n')).join('\n');
    writeFileSync(join(source, 'sqlite.go'), `// head\n${text}\n`);
    const overlay = sqliteDriverOverlayDir(findRepoRoot(__dirname));
    patchSource(source, overlay, SQLITE_DRIVER_EDITS);
    const patched = readFileSync(join(source, 'sqlite.go'), 'utf8');
    for (const [find, n] of finds) {
      const e = SQLITE_DRIVER_EDITS.find((edit) => edit.find === find)!;
      if (!e.replace.includes(find)) expect(patched).not.toContain(find);
      expect(patched.split(e.replace).length - 1).toBe(n);
    }
    expect(overlayFiles(overlay)).toEqual(['stmt_cache.go', 'stmt_cache_test.go']);
    expect(readFileSync(join(source, 'stmt_cache.go'), 'utf8')).toBe(
      readFileSync(join(overlay, 'stmt_cache.go'), 'utf8'),
    );
  });

  it('patches FerretDB, its SQLite driver and their C library, each from an overlay in the pinned module', () => {
    const moduleDir = ferretdbModuleDir(findRepoRoot(__dirname));
    expect(PATCHED_MODULES.map((m) => [m.module, m.folder, m.overlay])).toEqual([
      ['github.com/FerretDB/FerretDB', 'FerretDB', '_overlay'],
      ['modernc.org/sqlite', 'sqlite', '_overlay-sqlite'],
      ['modernc.org/libc', 'libc', '_overlay-libc'],
    ]);
    for (const m of PATCHED_MODULES)
      expect(overlayFiles(join(moduleDir, m.overlay)).length).toBeGreaterThan(0);
  });
});
