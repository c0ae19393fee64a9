// Added to FerretDB's SQLite backend by tools/infra (see tools/infra/README.md, "FerretDB").
//
// FerretDB 1.24 on SQLite reads every row of a collection for any filter but a lone string _id and
// matches documents in Go, so every query costs a full scan. This turns equality conditions on
// top-level fields into SQL on the very expressions FerretDB builds its indexes on, so SQLite
// can use an index. The handler still matches every returned document against the whole
// filter, so a condition here only has to keep every document that could match.

package sqlite

import (
	"errors"
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
)

// maxPushdownValues bounds the placeholders one $in adds.
const maxPushdownValues = 500

// prepareWhereClause returns a WHERE clause (with its arguments) for the equality and $in
// conditions of the filter that can be pushed down, or an empty string when there is none.
//
// SQLite has no statistics on these indexes, so it may pick any index a condition names: a
// condition on _id (unique) is therefore pushed alone, and boolean conditions (two values, so
// hardly selective) only when nothing else is, so that SQLite never walks a flag's index while a
// selective one was at hand.
func prepareWhereClause(filter *types.Document) (string, []any) {
	if filter == nil {
		return "", nil
	}

	var byID, others, flags []pushdownCondition

	iter := filter.Iterator()
	defer iter.Close()

	for {
		key, value, err := iter.Next()
		if err != nil {
			if errors.Is(err, iterator.ErrIteratorDone) {
				break
			}

			return "", nil
		}

		// operators ($and, $or, ...), dotted paths (which may cross arrays) and empty keys stay in Go
		if key == "" || strings.HasPrefix(key, "$") || strings.Contains(key, ".") {
			continue
		}

		for _, values := range candidateValues(value) {
			c := pushdownCondition{key: key, texts: values}

			switch {
			case key == "_id":
				byID = append(byID, c)
			case values[0] == "true" || values[0] == "false":
				flags = append(flags, c)
			default:
				others = append(others, c)
			}
		}
	}

	chosen := byID
	if len(chosen) == 0 {
		chosen = others
	}

	if len(chosen) == 0 {
		chosen = flags
	}

	if len(chosen) == 0 {
		return "", nil
	}

	conditions := make([]string, 0, len(chosen))

	var args []any

	for _, c := range chosen {
		condition, conditionArgs := equalityCondition(c.key, c.texts)
		conditions = append(conditions, condition)
		args = append(args, conditionArgs...)
	}

	return " WHERE " + strings.Join(conditions, " AND "), args
}

// pushdownCondition is one field that must have one of the JSON texts.
type pushdownCondition struct {
	key   string
	texts []string
}

// candidateValues returns, for each condition on the field that can be pushed down, the JSON
// texts one of which the field must have: {f: v} and {f: {$eq: v}} give one, {f: {$in: [...]}}
// gives several.
func candidateValues(value any) [][]string {
	if doc, ok := value.(*types.Document); ok {
		var res [][]string

		for _, op := range doc.Keys() {
			operand, _ := doc.Get(op)

			switch op {
			case "$eq":
				if text, ok := scalarText(operand); ok {
					res = append(res, []string{text})
				}
			case "$in":
				if texts, ok := arrayTexts(operand); ok {
					res = append(res, texts)
				}
			}
		}

		return res
	}

	if text, ok := scalarText(value); ok {
		return [][]string{{text}}
	}

	return nil
}

// scalarText returns the JSON text FerretDB stores for strings, ObjectIDs and booleans. Numbers
// and dates are left out: equal values may be stored as different texts (1 and 1.0).
func scalarText(value any) (string, bool) {
	switch value.(type) {
	case string, types.ObjectID, bool:
		b, err := sjson.MarshalSingleValue(value)
		if err != nil {
			return "", false
		}

		return string(b), true
	default:
		return "", false
	}
}

func arrayTexts(value any) ([]string, bool) {
	arr, ok := value.(*types.Array)
	if !ok || arr.Len() == 0 || arr.Len() > maxPushdownValues {
		return nil, false
	}

	texts := make([]string, 0, arr.Len())

	for i := 0; i < arr.Len(); i++ {
		element, err := arr.Get(i)
		if err != nil {
			return nil, false
		}

		text, ok := scalarText(element)
		if !ok {
			// {$in: [null, ...]} also matches a missing field; regexes match by pattern
			return nil, false
		}

		texts = append(texts, text)
	}

	return texts, true
}

// equalityCondition keeps documents whose field has one of the texts, or is an array (an array
// field matches when one of its elements does; those are matched in Go). The expression is
// written exactly as the index expressions in metadata/registry.go, so SQLite matches them.
func equalityCondition(key string, texts []string) (string, []any) {
	expr := fmt.Sprintf("%s->%q", metadata.DefaultColumn, key)

	placeholders := make([]string, len(texts))
	args := make([]any, len(texts))

	for i, text := range texts {
		placeholders[i] = "?"
		args[i] = text
	}

	match := fmt.Sprintf("%s = ?", expr)
	if len(texts) > 1 {
		match = fmt.Sprintf("%s IN (%s)", expr, strings.Join(placeholders, ", "))
	}

	return fmt.Sprintf(`(%s OR (%s >= '[' AND %s < '\'))`, match, expr, expr), args
}
