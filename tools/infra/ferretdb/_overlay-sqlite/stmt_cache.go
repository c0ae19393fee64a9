// Per-connection cache of prepared statements, added by tools/infra to its copy of
// modernc.org/sqlite (see tools/infra/README.md, "FerretDB statement cache").
//
// The driver prepares the SQL text of every Exec and Query with sqlite3_prepare_v2 and finalizes
// the statement afterwards, so FerretDB, which sends the same few dozen texts over and over, spent
// about a tenth of its CPU parsing SQL. Here a connection keeps the statement of each text that is
// a single statement and resets it (sqlite3_reset, sqlite3_clear_bindings) instead of finalizing
// it. A cached statement in use (a Rows still open over it) is never handed out twice: the second
// use prepares a statement of its own, finalized after use as before. Statements prepared with
// sqlite3_prepare_v2 re-prepare themselves when the schema changes.

package sqlite

import (
	sqlite3 "modernc.org/sqlite/lib"
)

// stmtCacheSize bounds the statements one connection keeps; past it an idle one is finalized.
const stmtCacheSize = 128

type cachedStmt struct {
	sql   string
	pstmt uintptr
	inUse bool
}

type stmtCache struct {
	bySQL  map[string]*cachedStmt
	byStmt map[uintptr]*cachedStmt

	// prepares counts sqlite3_prepare_v2 calls on the connection, finalized the cached statements
	// finalized (read by the tests).
	prepares  int
	finalized int
}

// prepareCached returns the statement at *psql, from the cache when the text is s's whole SQL and
// its cached statement is idle; otherwise it prepares one as prepareV2 does and caches it when the
// text held exactly one statement and nothing is cached for it yet. The caller hands the
// statement back with release.
func (c *conn) prepareCached(s *stmt, psql *uintptr) (uintptr, error) {
	if *psql != s.psql || s.sql == "" {
		return c.prepareV2(psql)
	}
	end := s.psql + uintptr(len(s.sql))
	if e := c.cache.bySQL[s.sql]; e != nil && !e.inUse {
		e.inUse = true
		*psql = end
		return e.pstmt, nil
	}
	pstmt, err := c.prepareV2(psql)
	if err != nil || pstmt == 0 || *psql != end {
		return pstmt, err
	}
	if _, taken := c.cache.bySQL[s.sql]; taken {
		return pstmt, nil // the cached statement of this text is in use: this one is finalized after use
	}
	if len(c.cache.bySQL) >= stmtCacheSize && !c.evictIdleStmt() {
		return pstmt, nil
	}
	if c.cache.bySQL == nil {
		c.cache.bySQL = make(map[string]*cachedStmt)
		c.cache.byStmt = make(map[uintptr]*cachedStmt)
	}
	e := &cachedStmt{sql: s.sql, pstmt: pstmt, inUse: true}
	c.cache.bySQL[s.sql] = e
	c.cache.byStmt[pstmt] = e
	return pstmt, nil
}

// release ends a use of pstmt: a cached statement is reset and its bindings cleared, any other one
// is finalized. Like finalize, it returns the error of the statement's last step if that failed;
// the reset statement is ready for its next use all the same.
func (c *conn) release(pstmt uintptr) error {
	e := c.cache.byStmt[pstmt]
	if pstmt == 0 || e == nil {
		return c.finalize(pstmt)
	}
	rc := sqlite3.Xsqlite3_reset(c.tls, pstmt)
	sqlite3.Xsqlite3_clear_bindings(c.tls, pstmt)
	e.inUse = false
	if rc != sqlite3.SQLITE_OK {
		return c.errstr(rc)
	}
	return nil
}

// evictIdleStmt finalizes one cached statement not in use; false when all are in use.
func (c *conn) evictIdleStmt() bool {
	for _, e := range c.cache.bySQL {
		if !e.inUse {
			c.dropCachedStmt(e)
			return true
		}
	}
	return false
}

func (c *conn) dropCachedStmt(e *cachedStmt) {
	delete(c.cache.bySQL, e.sql)
	delete(c.cache.byStmt, e.pstmt)
	c.finalize(e.pstmt)
	c.cache.finalized++
}

// finalizeCachedStmts empties the cache when the connection closes. A statement still in use
// (an open Rows) is only forgotten: releasing it finalizes it then.
func (c *conn) finalizeCachedStmts() {
	for _, e := range c.cache.bySQL {
		if e.inUse {
			delete(c.cache.bySQL, e.sql)
			delete(c.cache.byStmt, e.pstmt)
			continue
		}
		c.dropCachedStmt(e)
	}
}
