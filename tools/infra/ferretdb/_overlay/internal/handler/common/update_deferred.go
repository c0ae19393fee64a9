// Added to FerretDB's handler by tools/infra (see tools/infra/README.md, "FerretDB").
//
// FerretDB 1.24 writes each document an update changes in a transaction of its own, so an
// updateMany of a few hundred documents (the outbox relay's acknowledgements, for one) cost a
// few hundred SQLite commits, each writing its pages to the log: a quarter of the server's CPU
// under the profiles import. A multi-document update now collects the changed documents and
// writes up to maxDeferredUpdates of them in one transaction.
//
// What a client sees stays FerretDB's: the documents are read by the query before any of them
// is written (the query is answered from its own snapshot either way), and when the grouped
// write fails, the group is written again one document at a time, so exactly the documents
// before the failing one are changed and the error is that document's, as before. An error
// found while changing a document (a bad operator for that document) writes the documents
// changed before it first, as FerretDB did.

package common

import (
	"context"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// maxDeferredUpdates bounds the documents one transaction writes (and the memory they hold).
const maxDeferredUpdates = 1000

// UpdateDocument updates the documents of iter as FerretDB's updateDocumentEach does, grouping
// the writes of a multi-document update (see the file comment).
func UpdateDocument(ctx context.Context, c backends.Collection, cmd string, iter types.DocumentsIterator, param *Update) (*UpdateResult, error) { //nolint:lll // for readability
	if !param.Multi || strings.EqualFold(cmd, "findAndModify") {
		return updateDocumentEach(ctx, c, cmd, iter, param)
	}

	deferred := &deferredUpdates{Collection: c}

	res, err := updateDocumentEach(ctx, deferred, cmd, iter, param)
	if flushErr := deferred.flush(ctx); flushErr != nil {
		return nil, flushErr
	}

	if err != nil {
		return nil, err
	}

	return res, nil
}

// deferredUpdates is the collection as updateDocumentEach sees it: UpdateAll only collects.
type deferredUpdates struct {
	backends.Collection

	docs []*types.Document
}

// UpdateAll collects docs; it writes once maxDeferredUpdates are collected.
func (d *deferredUpdates) UpdateAll(ctx context.Context, params *backends.UpdateAllParams) (*backends.UpdateAllResult, error) { //nolint:lll // for readability
	d.docs = append(d.docs, params.Docs...)

	if len(d.docs) >= maxDeferredUpdates {
		if err := d.flush(ctx); err != nil {
			return nil, err
		}
	}

	return &backends.UpdateAllResult{Updated: int32(len(params.Docs))}, nil
}

// InsertAll writes what is collected first, so the insert comes after them, as before.
func (d *deferredUpdates) InsertAll(ctx context.Context, params *backends.InsertAllParams) (*backends.InsertAllResult, error) { //nolint:lll // for readability
	if err := d.flush(ctx); err != nil {
		return nil, err
	}

	return d.Collection.InsertAll(ctx, params)
}

// flush writes the collected documents in one transaction; if that fails, one at a time up to
// the one that fails, whose error it returns. Nothing is left collected afterwards.
func (d *deferredUpdates) flush(ctx context.Context) error {
	docs := d.docs
	d.docs = nil

	if len(docs) == 0 {
		return nil
	}

	if _, err := d.Collection.UpdateAll(ctx, &backends.UpdateAllParams{Docs: docs}); err == nil {
		return nil
	}

	for _, doc := range docs {
		if _, err := d.Collection.UpdateAll(ctx, &backends.UpdateAllParams{Docs: []*types.Document{doc}}); err != nil {
			return lazyerrors.Error(err)
		}
	}

	return nil
}
