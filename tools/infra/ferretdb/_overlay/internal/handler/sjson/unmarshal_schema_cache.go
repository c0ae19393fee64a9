// Added to FerretDB's sjson package by tools/infra (see tools/infra/README.md, "FerretDB").
//
// The schemas the one-pass decoder (unmarshal_fast.go) reads documents with, parsed once per
// distinct schema text.

package sjson

import (
	"bytes"
	"encoding/json"
	"slices"
	"sync"
)

// Schemas repeat from one document of a collection to the next, so each distinct schema text is
// parsed once. A parsed schema is only read afterwards.
const (
	maxCachedSchemas     = 4096
	maxCachedSchemaBytes = 64 << 10
)

type cachedSchemaEntry struct {
	sch *schema
	// false: the schema repeats a key or names a field "$s", which only FerretDB's decoder
	// handles exactly (its map of fields keeps the last of equal keys)
	ok bool
}

var (
	schemaCacheMu sync.RWMutex
	schemaCache   = make(map[string]cachedSchemaEntry)
)

// cachedSchema returns the parsed schema of the given text, or false when the document should go to
// unmarshalSlow (a schema it cannot parse, or one that repeats a key).
func cachedSchema(raw []byte) (*schema, bool) {
	schemaCacheMu.RLock()
	entry, found := schemaCache[string(raw)]
	schemaCacheMu.RUnlock()

	if found {
		return entry.sch, entry.ok
	}

	sch, err := parseSchema(raw)
	if err != nil {
		return nil, false
	}

	entry = cachedSchemaEntry{sch: sch, ok: uniqueKeys(sch) && !slices.Contains(sch.Keys, "$s")}

	if len(raw) <= maxCachedSchemaBytes {
		schemaCacheMu.Lock()
		if len(schemaCache) >= maxCachedSchemas {
			schemaCache = make(map[string]cachedSchemaEntry)
		}
		schemaCache[string(raw)] = entry
		schemaCacheMu.Unlock()
	}

	return entry.sch, entry.ok
}

// parseSchema parses a schema as unmarshalSlow does (unknown fields refused).
func parseSchema(raw []byte) (*schema, error) {
	var sch schema

	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()

	// raw is exactly one JSON value (skipValue found its end), so nothing can follow it
	if err := dec.Decode(&sch); err != nil {
		return nil, err
	}

	return &sch, nil
}

// uniqueKeys reports whether no schema in the tree lists a key twice.
func uniqueKeys(sch *schema) bool {
	seen := make(map[string]struct{}, len(sch.Keys))
	for _, key := range sch.Keys {
		if _, dup := seen[key]; dup {
			return false
		}

		seen[key] = struct{}{}

		if !uniqueElemKeys(sch.Properties[key]) {
			return false
		}
	}

	return true
}

func uniqueElemKeys(e *elem) bool {
	if e == nil {
		return true
	}

	if e.Schema != nil && !uniqueKeys(e.Schema) {
		return false
	}

	for _, item := range e.Items {
		if !uniqueElemKeys(item) {
			return false
		}
	}

	return true
}
