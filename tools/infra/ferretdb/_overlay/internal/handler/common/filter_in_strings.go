// Added to FerretDB's handler by tools/infra (see tools/infra/README.md, "FerretDB").

package common

import "github.com/FerretDB/FerretDB/internal/types"

// inStrings answers `$in` and `$nin` for a string field and an array of strings from the
// array's set (types.Array.StringSet), instead of comparing the field with each element.
// decided is false when it cannot (another type on either side, or a short array); the caller
// then compares element by element as FerretDB does.
func inStrings(fieldValue any, arr *types.Array) (found, decided bool) {
	s, ok := fieldValue.(string)
	if !ok {
		return false, false
	}

	set := arr.StringSet()
	if set == nil {
		return false, false
	}

	_, found = set[s]

	return found, true
}
