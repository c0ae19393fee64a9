// Changes tools/infra makes to its copies of FerretDB's source and of its SQLite driver before
// building FerretDB. FerretDB 1.24's SQLite backend scans whole tables for every query; these let
// SQLite use the indexes the services declare, and more (see tools/infra/README.md, "FerretDB").
// Each edit names the exact text it replaces, so an upgrade that moves it fails the build loudly
// instead of silently building an unpatched server.
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const SQLITE_DRIVER_MODULE = 'modernc.org/sqlite';
export const LIBC_MODULE = 'modernc.org/libc';

export interface SourceEdit {
  /** Path inside the patched module. */
  file: string;
  /** Why, in one line (kept next to the edit for whoever upgrades FerretDB). */
  reason: string;
  find: string;
  replace: string;
  /** How often `find` occurs in the file (default 1); only the first occurrence is replaced. */
  occurrences?: number;
}

export const FERRETDB_SOURCE_EDITS: readonly SourceEdit[] = [
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    reason:
      'the _id index is built on `_ferretdb_sjson->"_id"`, so lookups by _id must use that very expression to use it',
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: 'IDColumn = DefaultColumn + `->"_id"`',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    reason:
      'push equality and $in conditions of queries down to SQL (overlay pushdown.go); the second occurrence, in Explain, stays',
    occurrences: 2,
    find: '\tif params.Filter.Len() == 1 {\n\t\tv, _ := params.Filter.Get("_id")',
    replace:
      '\tif w, a := prepareWhereClause(params.Filter, meta.Settings.Indexes); w != "" {\n\t\twhereClause, args = w, a\n\t} else if params.Filter.Len() == 1 {\n\t\tv, _ := params.Filter.Get("_id")',
  },
  {
    file: 'internal/handler/sjson/sjson.go',
    reason:
      "decode stored documents in one pass (overlay unmarshal_fast.go); FerretDB's decoder stays for whatever that pass leaves to it",
    find: "// Unmarshal decodes the top-level document.\n// It decodes document's schema from the `$s` field and uses it to decode the data of the document.\nfunc Unmarshal(data []byte) (*types.Document, error) {",
    replace:
      "// unmarshalSlow is FerretDB's own decoder of a top-level document (see unmarshal_fast.go).\nfunc unmarshalSlow(data []byte) (*types.Document, error) {",
  },
  {
    file: 'internal/types/array.go',
    reason:
      'an array keeps the set of its string elements for $in and $nin (overlay array_string_set.go)',
    find: 'type Array struct {\n\ts      []any\n\tfrozen bool\n}',
    replace: 'type Array struct {\n\ts      []any\n\tfrozen bool\n\n\tstringSet stringSetCache\n}',
  },
  {
    file: 'internal/types/array.go',
    reason:
      'every change of an array calls checkFrozen first: the set of its elements is dropped there',
    find: 'func (a *Array) checkFrozen() {\n',
    replace: 'func (a *Array) checkFrozen() {\n\ta.stringSet.reset()\n\n',
  },
  {
    file: 'internal/types/path.go',
    reason:
      'removing from a nested array bypasses checkFrozen: the set of its elements is dropped here',
    find: '\t\tif path.Len() == 1 {\n\t\t\tv.s = append(v.s[:i], v.s[i+1:]...)',
    replace:
      '\t\tif path.Len() == 1 {\n\t\t\tv.stringSet.reset()\n\t\t\tv.s = append(v.s[:i], v.s[i+1:]...)',
  },
  ...(['$in', '$nin'] as const).map((operator): SourceEdit => ({
    file: 'internal/handler/common/filter.go',
    reason: `match ${operator} of a string against many strings by set membership (overlay filter_in_strings.go), not one comparison per element`,
    find: `\t\t\t\t\t"${operator} needs an array",\n\t\t\t\t\texprKey,\n\t\t\t\t)\n\t\t\t}\n\n\t\t\tvar found bool\n\t\t\tfor i := 0; i < arr.Len(); i++ {`,
    replace: `\t\t\t\t\t"${operator} needs an array",\n\t\t\t\t\texprKey,\n\t\t\t\t)\n\t\t\t}\n\n\t\t\tfound, decided := inStrings(fieldValue, arr)\n\t\t\tfor i := 0; !decided && i < arr.Len(); i++ {`,
  })),
  {
    file: 'internal/handler/common/update.go',
    reason:
      "write the documents a multi-document update changes in one transaction (overlay update_deferred.go, whose UpdateDocument calls FerretDB's, renamed)",
    find: 'func UpdateDocument(ctx context.Context, c backends.Collection, cmd string, iter types.DocumentsIterator, param *Update) (*UpdateResult, error) {',
    replace:
      'func updateDocumentEach(ctx context.Context, c backends.Collection, cmd string, iter types.DocumentsIterator, param *Update) (*UpdateResult, error) {',
  },
  ...(['Track', 'Untrack'] as const).map((name): SourceEdit => ({
    file: 'internal/util/resource/resource.go',
    reason: `make ${name} a no-op (overlay tracking.go): the stack it records for every iterator opened cost a tenth of the CPU`,
    find: `func ${name}(obj any, token *Token) {\n`,
    replace: `func ${name}(obj any, token *Token) {\n\tif !trackResources {\n\t\treturn\n\t}\n\n`,
  })),
  ...(
    [
      'msg_update.go:MsgUpdate',
      'msg_findandmodify.go:MsgFindAndModify',
      'msg_delete.go:MsgDelete',
    ] as const
  ).map((spec): SourceEdit => {
    const [file, name] = spec.split(':') as [string, string];
    const signature = `func (h *Handler) ${name}(connCtx context.Context, msg *wire.OpMsg) (*wire.OpMsg, error) {`;
    return {
      file: `internal/handler/${file}`,
      reason: `run ${name} under the write lock (overlay write_lock.go): FerretDB's read-then-write updates lose changes made concurrently over another connection`,
      find: signature,
      replace: `${signature}\n\twriteLock.Lock()\n\tdefer writeLock.Unlock()\n`,
    };
  }),
];

/** Runs `times` edits of one text that occurs `times` times, each replacing the first one left. */
function everyOccurrence(times: number, edit: Omit<SourceEdit, 'occurrences'>): SourceEdit[] {
  return Array.from({ length: times }, (_, i) => ({ ...edit, occurrences: times - i }));
}

/**
 * Edits of the SQLite driver (modernc.org/sqlite) for its per-connection statement cache (overlay
 * `_overlay-sqlite/stmt_cache.go`): FerretDB sends the same few dozen SQL texts again and again,
 * and the driver parsed each one anew for every Exec and Query.
 */
export const SQLITE_DRIVER_EDITS: readonly SourceEdit[] = [
  {
    file: 'sqlite.go',
    reason: 'a statement keeps its SQL text, the key of the statement cache',
    find: 'type stmt struct {\n\tc    *conn\n\tpsql uintptr\n}',
    replace: 'type stmt struct {\n\tc    *conn\n\tpsql uintptr\n\tsql  string\n}',
  },
  {
    file: 'sqlite.go',
    reason: 'a statement keeps its SQL text, the key of the statement cache',
    find: 'stm := stmt{c: c, psql: p}',
    replace: 'stm := stmt{c: c, psql: p, sql: sql}',
  },
  {
    file: 'sqlite.go',
    reason: 'each connection holds its statement cache',
    find: '\twriteTimeFormat string\n\tbeginMode       string\n}',
    replace: '\twriteTimeFormat string\n\tbeginMode       string\n\n\tcache stmtCache\n}',
  },
  {
    file: 'sqlite.go',
    reason:
      'count the statements prepared (the tests check that cached ones are not prepared again)',
    find: 'func (c *conn) prepareV2(zSQL *uintptr) (pstmt uintptr, err error) {\n',
    replace:
      'func (c *conn) prepareV2(zSQL *uintptr) (pstmt uintptr, err error) {\n\tc.cache.prepares++\n',
  },
  ...everyOccurrence(2, {
    file: 'sqlite.go',
    reason: 'Exec and Query take their statement from the cache',
    find: 'if pstmt, err = s.c.prepareV2(&psql); err != nil {',
    replace: 'if pstmt, err = s.c.prepareCached(s, &psql); err != nil {',
  }),
  ...everyOccurrence(4, {
    file: 'sqlite.go',
    reason:
      'Exec and Query hand their statement back to the cache (reset) instead of finalizing it',
    find: 'e := s.c.finalize(pstmt)',
    replace: 'e := s.c.release(pstmt)',
  }),
  {
    file: 'sqlite.go',
    reason: 'closing a Rows hands its statement back to the cache',
    find: 'return r.c.finalize(r.pstmt)',
    replace: 'return r.c.release(r.pstmt)',
  },
  {
    file: 'sqlite.go',
    reason: 'closing the connection finalizes its cached statements first',
    find: '\tif c.db != 0 {\n\t\tif err := c.closeV2(c.db); err != nil {',
    replace:
      '\tc.finalizeCachedStmts()\n\tif c.db != 0 {\n\t\tif err := c.closeV2(c.db); err != nil {',
  },
];

/** The C library SQLite's Go translation runs on (modernc.org/libc): faster memcmp and memcpy. */
export const LIBC_EDITS: readonly SourceEdit[] = [
  {
    file: 'ccgo_linux_amd64.go',
    reason:
      'memcmp skips equal 64-byte blocks (overlay _overlay-libc/memcmp_fast.go); the byte loop stays, renamed, for its tests',
    find: 'func Xmemcmp(tls *TLS, vl uintptr, vr uintptr, n Tsize_t) (r1 int32) {\n',
    replace:
      "func Xmemcmp(tls *TLS, vl uintptr, vr uintptr, n Tsize_t) (r1 int32) {\n\treturn memcmpFast(vl, vr, n)\n}\n\n// xmemcmpByteLoop is the library's own Xmemcmp (see memcmp_fast.go).\nfunc xmemcmpByteLoop(tls *TLS, vl uintptr, vr uintptr, n Tsize_t) (r1 int32) {\n",
  },
  {
    file: 'ccgo_linux_amd64.go',
    reason:
      "memcpy is Go's copy (overlay _overlay-libc/memcmp_fast.go); musl's word loop stays, renamed, for its tests",
    find: 'func Xmemcpy(tls *TLS, dest uintptr, src uintptr, n Tsize_t) (r uintptr) {\n',
    replace:
      "func Xmemcpy(tls *TLS, dest uintptr, src uintptr, n Tsize_t) (r uintptr) {\n\treturn memcpyFast(dest, src, n)\n}\n\n// xmemcpyWords is the library's own Xmemcpy (see memcmp_fast.go).\nfunc xmemcpyWords(tls *TLS, dest uintptr, src uintptr, n Tsize_t) (r uintptr) {\n",
  },
];

/** A Go module built from a patched copy: overlay files added, then exact-text edits applied. */
export interface PatchedModule {
  /** Module path, as `go mod download` and `replace` name it. */
  module: string;
  /** Folder of the copy inside the scratch build module (`replace <module> => ./<folder>`). */
  folder: string;
  /** Overlay folder inside tools/infra/ferretdb/ (starts with `_`, which Go ignores). */
  overlay: string;
  edits: readonly SourceEdit[];
}

export const PATCHED_MODULES: readonly PatchedModule[] = [
  {
    module: FERRETDB_MODULE,
    folder: 'FerretDB',
    overlay: '_overlay',
    edits: FERRETDB_SOURCE_EDITS,
  },
  {
    module: SQLITE_DRIVER_MODULE,
    folder: 'sqlite',
    overlay: '_overlay-sqlite',
    edits: SQLITE_DRIVER_EDITS,
  },
  {
    module: LIBC_MODULE,
    folder: 'libc',
    overlay: '_overlay-libc',
    edits: LIBC_EDITS,
  },
];

/**
 * Applies one edit to a file's text: the text to replace must occur exactly `occurrences` times
 * (1 unless the edit says otherwise), and only the first is replaced.
 */
export function applyEdit(text: string, edit: SourceEdit): string {
  const found = text.split(edit.find).length - 1;
  const expected = edit.occurrences ?? 1;
  if (found !== expected) {
    throw new Error(
      `source patch: ${edit.file} contains the text to replace ${found} times, expected ${expected} (${edit.reason})`,
    );
  }
  const first = text.indexOf(edit.find);
  return text.slice(0, first) + edit.replace + text.slice(first + edit.find.length);
}

/** Files under an overlay folder, relative to it (added to the module's source as they are). */
export function overlayFiles(overlayDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(overlayDir, path));
    }
  };
  walk(overlayDir);
  return out;
}

/** Copies the overlay into the FerretDB source copy and applies the edits. */
export function patchFerretdbSource(sourceDir: string, overlayDir: string): void {
  patchSource(sourceDir, overlayDir, FERRETDB_SOURCE_EDITS);
}

/** Copies an overlay into a module's source copy and applies the edits. */
export function patchSource(
  sourceDir: string,
  overlayDir: string,
  edits: readonly SourceEdit[],
): void {
  for (const file of overlayFiles(overlayDir)) {
    const target = join(sourceDir, file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(overlayDir, file), target);
  }
  for (const edit of edits) {
    const path = join(sourceDir, edit.file);
    writeFileSync(path, applyEdit(readFileSync(path, 'utf8'), edit));
  }
}
