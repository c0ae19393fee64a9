// Added to FerretDB's handler by tools/infra (see tools/infra/README.md, "FerretDB").
//
// FerretDB 1.24 runs update, findAndModify and delete as a read followed by separate writes,
// so two connections changing one document at once can lose one of the changes. MongoDB applies
// each of these atomically per document. Running them one at a time makes every change see the
// one before it; reads and inserts still run concurrently (SQLite takes one writer at a time
// anyway), so a client may use a pool of connections.

package handler

import "sync"

// writeLock is held for the whole of every update, findAndModify and delete command.
var writeLock sync.Mutex
