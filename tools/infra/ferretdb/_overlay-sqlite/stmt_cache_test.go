// Tests of the statement cache (stmt_cache.go). They run in tools/infra's patched copy of the
// driver (tools/infra/test/ferretdb-overlay-go.integration-spec.ts), with the driver's own tests
// left out: those need modules the pinned FerretDB build does not.

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	sqlite3 "modernc.org/sqlite/lib"
)

// openConn opens a database in a fresh folder and returns one of its connections.
func openConn(t *testing.T) *sql.Conn {
	t.Helper()
	pool, err := sql.Open(driverName, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pool.Close() })
	db, err := pool.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// driverConn runs f on the driver's connection under db.
func driverConn(t *testing.T, db *sql.Conn, f func(c *conn)) {
	t.Helper()
	if err := db.Raw(func(dc any) error { f(dc.(*conn)); return nil }); err != nil {
		t.Fatal(err)
	}
}

func prepares(t *testing.T, db *sql.Conn) (n int) {
	driverConn(t, db, func(c *conn) { n = c.cache.prepares })
	return n
}

func mustExec(t *testing.T, db *sql.Conn, query string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(context.Background(), query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// openStatements counts the statements SQLite holds open on the connection.
func openStatements(c *conn) (n int) {
	for p := sqlite3.Xsqlite3_next_stmt(c.tls, c.db, 0); p != 0; p = sqlite3.Xsqlite3_next_stmt(c.tls, c.db, p) {
		n++
	}
	return n
}

func queryInt(t *testing.T, db *sql.Conn, query string, args ...any) (v int) {
	t.Helper()
	if err := db.QueryRowContext(context.Background(), query, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v
}

func TestStmtCacheReusesStatements(t *testing.T) {
	ctx := context.Background()
	db := openConn(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

	const insert = "INSERT INTO t (id, v) VALUES (?, ?)"
	const lookup = "SELECT v FROM t WHERE id = ?"
	before := prepares(t, db)
	for i := 0; i < 200; i++ {
		mustExec(t, db, insert, i, fmt.Sprintf("v%d", i))
	}
	for i := 199; i >= 0; i-- {
		var v string
		if err := db.QueryRowContext(ctx, lookup, i).Scan(&v); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("v%d", i); v != want {
			t.Fatalf("id %d: got %q, want %q", i, v, want)
		}
	}
	if got := prepares(t, db) - before; got != 2 {
		t.Fatalf("400 uses of 2 SQL texts prepared %d statements, want 2", got)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM t"); n != 200 {
		t.Fatalf("count %d, want 200", n)
	}

	// texts of several statements are not cached and still run every statement
	before = prepares(t, db)
	for i := 0; i < 3; i++ {
		mustExec(t, db, "UPDATE t SET v = 'a' WHERE id = 1; UPDATE t SET v = 'b' WHERE id = 2")
	}
	if got := prepares(t, db) - before; got != 6 {
		t.Fatalf("3 runs of 2 statements prepared %d, want 6", got)
	}
	var a, b string
	if err := db.QueryRowContext(ctx, "SELECT (SELECT v FROM t WHERE id = 1), (SELECT v FROM t WHERE id = 2)").Scan(&a, &b); err != nil || a != "a" || b != "b" {
		t.Fatalf("got %q %q %v", a, b, err)
	}
}

func TestStmtCacheOpenRowsAndUseOfTheSameSQL(t *testing.T) {
	ctx := context.Background()
	db := openConn(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
	for i := 1; i <= 10; i++ {
		mustExec(t, db, "INSERT INTO t (id) VALUES (?)", i)
	}

	const sel = "SELECT id FROM t WHERE id > ? ORDER BY id"
	// cache the statement, then keep a Rows open over it
	if n := queryInt(t, db, sel, 0); n != 1 {
		t.Fatalf("first id %d", n)
	}
	rows, err := db.QueryContext(ctx, sel, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	next := func() {
		t.Helper()
		if !rows.Next() {
			t.Fatalf("rows ended early: %v", rows.Err())
		}
		var id int
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	next()
	next()

	// the same SQL while the Rows is open: an Exec and a whole query, on the same connection
	before := prepares(t, db)
	if _, err := db.ExecContext(ctx, sel, 5); err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, db, sel, 7); n != 8 {
		t.Fatalf("query while a Rows of the same SQL is open: first id %d, want 8", n)
	}
	if p := prepares(t, db) - before; p != 2 {
		t.Fatalf("uses while the cached statement was in use prepared %d statements, want 2", p)
	}
	for len(got) < 10 {
		next()
	}
	if rows.Next() {
		t.Fatal("more than 10 rows")
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	for i, id := range got {
		if id != i+1 {
			t.Fatalf("open Rows returned %v", got)
		}
	}

	// the cached statement is idle again, and the fresh ones were finalized
	before = prepares(t, db)
	if n := queryInt(t, db, sel, 3); n != 4 {
		t.Fatalf("first id %d, want 4", n)
	}
	if p := prepares(t, db) - before; p != 0 {
		t.Fatalf("the cached statement was prepared again (%d)", p)
	}
	driverConn(t, db, func(c *conn) {
		if n, cached := openStatements(c), len(c.cache.bySQL); n != cached {
			t.Fatalf("%d statements open, %d cached", n, cached)
		}
	})
}

func TestStmtCacheBindingsDoNotLeak(t *testing.T) {
	ctx := context.Background()
	db := openConn(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

	const insert = "INSERT INTO t (id, v) VALUES (?, ?)"
	mustExec(t, db, insert, 1, "one")
	mustExec(t, db, insert, 2, nil)
	mustExec(t, db, insert, 3, []byte("three"))
	mustExec(t, db, insert, 4, nil)

	const sel = "SELECT ?1 IS NULL, ?2 IS NULL, coalesce(?2, 'none')"
	check := func(a, b any, aNull, bNull bool, coalesced string) {
		t.Helper()
		var gotA, gotB bool
		var c string
		if err := db.QueryRowContext(ctx, sel, a, b).Scan(&gotA, &gotB, &c); err != nil {
			t.Fatal(err)
		}
		if gotA != aNull || gotB != bNull || c != coalesced {
			t.Fatalf("args %v %v: got %v %v %q", a, b, gotA, gotB, c)
		}
	}
	check("x", "y", false, false, "y")
	check(nil, nil, true, true, "none")
	check(int64(1), "z", false, false, "z")
	check("x", nil, false, true, "none")

	// a missing argument fails the use, and the next use binds afresh
	if _, err := db.ExecContext(ctx, insert, 5); err == nil {
		t.Fatal("an insert with a missing argument succeeded")
	}
	mustExec(t, db, insert, 6, nil)

	rows, err := db.QueryContext(ctx, "SELECT id, v FROM t ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := map[int]sql.NullString{1: {String: "one", Valid: true}, 2: {}, 3: {String: "three", Valid: true}, 4: {}, 6: {}}
	n := 0
	for rows.Next() {
		var id int
		var v sql.NullString
		if err := rows.Scan(&id, &v); err != nil {
			t.Fatal(err)
		}
		if w, ok := want[id]; !ok || w != v {
			t.Fatalf("row %d: %v, want %v (present %v)", id, v, w, ok)
		}
		n++
	}
	if n != len(want) {
		t.Fatalf("%d rows, want %d", n, len(want))
	}
}

func TestStmtCacheSurvivesSchemaChanges(t *testing.T) {
	ctx := context.Background()
	db := openConn(t)
	mustExec(t, db, "CREATE TABLE t (k TEXT, v INTEGER)")
	mustExec(t, db, "INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2)")

	const sel = "SELECT * FROM t WHERE k = ?"
	read := func(k string) []any {
		t.Helper()
		rows, err := db.QueryContext(ctx, sel, k)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		if !rows.Next() {
			t.Fatalf("no row for %q: %v", k, rows.Err())
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		return vals
	}
	if got := fmt.Sprint(read("b")); got != "[b 2]" {
		t.Fatalf("before: %s", got)
	}
	mustExec(t, db, "CREATE INDEX t_k ON t (k)")
	if got := fmt.Sprint(read("a")); got != "[a 1]" {
		t.Fatalf("after CREATE INDEX: %s", got)
	}
	var plan string
	if err := db.QueryRowContext(ctx, "EXPLAIN QUERY PLAN "+sel, "a").Scan(new(int), new(int), new(int), &plan); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, "DROP TABLE t")
	if _, err := db.QueryContext(ctx, sel, "a"); err == nil {
		t.Fatal("query of a dropped table succeeded")
	}
	mustExec(t, db, "CREATE TABLE t (k TEXT, v INTEGER, w TEXT)")
	mustExec(t, db, "INSERT INTO t (k, v, w) VALUES ('a', 10, 'new')")
	if got := fmt.Sprint(read("a")); got != "[a 10 new]" {
		t.Fatalf("after DROP TABLE and CREATE TABLE: %s", got)
	}
}

func TestStmtCacheReusesAStatementAfterAnError(t *testing.T) {
	ctx := context.Background()
	db := openConn(t)
	mustExec(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")

	const insert = "INSERT INTO t (id, v) VALUES (?, ?)"
	mustExec(t, db, insert, 1, "a")
	before := prepares(t, db)
	for i := 0; i < 3; i++ {
		_, err := db.ExecContext(ctx, insert, 1, "again")
		var e *Error
		if !errors.As(err, &e) || e.Code()&0xff != sqlite3.SQLITE_CONSTRAINT {
			t.Fatalf("duplicate id: %v", err)
		}
		mustExec(t, db, insert, 10+i, "b")
	}
	// an error in the middle of reading rows
	const sel = "SELECT id, CASE WHEN id = 11 THEN json('not json') ELSE v END FROM t ORDER BY id"
	for i := 0; i < 2; i++ {
		rows, err := db.QueryContext(ctx, sel)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
		}
		if rows.Err() == nil {
			t.Fatal("malformed JSON read without error")
		}
		rows.Close()
	}
	if n := queryInt(t, db, "SELECT count(*) FROM t WHERE v = ?", "b"); n != 3 {
		t.Fatalf("%d rows of b, want 3", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM t"); n != 4 {
		t.Fatalf("%d rows, want 4", n)
	}
	if p := prepares(t, db) - before; p != 3 {
		t.Fatalf("prepared %d statements, want 3 (the insert stays cached after its errors)", p)
	}
}

func TestStmtCacheIsBoundedAndFinalizedOnClose(t *testing.T) {
	ctx := context.Background()
	d := newDriver()
	dc, err := d.Open(filepath.Join(t.TempDir(), "close.db"))
	if err != nil {
		t.Fatal(err)
	}
	c := dc.(*conn)
	for i := 0; i < stmtCacheSize+20; i++ {
		rows, err := c.QueryContext(ctx, fmt.Sprintf("SELECT %d", i), nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.cache.bySQL); n != stmtCacheSize {
		t.Fatalf("%d statements cached, want %d", n, stmtCacheSize)
	}
	if open := openStatements(c); open != stmtCacheSize {
		t.Fatalf("%d statements open, want %d", open, stmtCacheSize)
	}
	evicted := c.cache.finalized
	if evicted != 20 {
		t.Fatalf("%d statements evicted, want 20", evicted)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if got := c.cache.finalized - evicted; got != stmtCacheSize || len(c.cache.bySQL) != 0 || len(c.cache.byStmt) != 0 {
		t.Fatalf("close finalized %d statements (cache left: %d, %d), want %d", got, len(c.cache.bySQL), len(c.cache.byStmt), stmtCacheSize)
	}
}
