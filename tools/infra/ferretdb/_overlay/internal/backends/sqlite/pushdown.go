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
// SQLite has no statistics on these indexes, so the clause is shaped for the one index the filter
// fits best (the longest run of leading index fields the filter names; a condition on _id, which
// is unique, beats any other): equality on every field of that run, plus one term per field for
// documents where that field holds an array (an array matches by element, which is checked in
// Go). Every term uses the index, so SQLite reads only the index entries the filter can match.
// Without a fitting index the conditions are still evaluated in SQL, which spares decoding the
// documents they exclude; boolean conditions (hardly selective) are then left out unless nothing
// else is there.
func prepareWhereClause(filter *types.Document, indexes []metadata.IndexInfo) (string, []any) {
	if filter == nil {
		return "", nil
	}

	conditions := map[string][]string{} // field -> JSON texts, for fields with one condition
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

		candidates := candidateValues(value)
		if len(candidates) == 1 {
			conditions[key] = candidates[0]
		}

		for _, values := range candidates {
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

	if len(byID) > 0 {
		return joinConditions(byID)
	}

	prefix := bestIndexPrefix(conditions, indexes)

	if clause, args, ok := orBranchesClause(filter, conditions, len(prefix), indexes); ok {
		return clause, args
	}

	if len(prefix) > 0 {
		return indexPrefixClause(prefix, conditions)
	}

	if len(others) > 0 {
		return joinConditions(others)
	}

	return joinConditions(flags)
}

// orBranchesClause returns `(branch 1) OR (branch 2) ...` for a top-level $or whose every branch,
// together with the conditions beside the $or, fits an index better than those conditions alone
// (a lookup by _id, or a longer run of leading index fields): {tenantId: t, $or: [{menteeId: m},
// {mentorId: m}]} reads the two index ranges instead of the whole tenant. A document matching the
// filter matches the conditions beside the $or and one branch, so it is in that branch's terms.
func orBranchesClause(filter *types.Document, outer map[string][]string, outerPrefix int, indexes []metadata.IndexInfo) (string, []any, bool) {
	value, err := filter.Get("$or")
	if err != nil {
		return "", nil, false
	}

	branches, ok := value.(*types.Array)
	if !ok || branches.Len() == 0 {
		return "", nil, false
	}

	terms := make([]string, 0, branches.Len())

	var args []any

	for i := 0; i < branches.Len(); i++ {
		element, _ := branches.Get(i)

		branch, ok := element.(*types.Document)
		if !ok {
			return "", nil, false
		}

		conditions := make(map[string][]string, len(outer)+branch.Len())
		for field, texts := range outer {
			conditions[field] = texts
		}

		for _, key := range branch.Keys() {
			if key == "" || strings.HasPrefix(key, "$") || strings.Contains(key, ".") {
				continue
			}

			operand, _ := branch.Get(key)
			if candidates := candidateValues(operand); len(candidates) == 1 {
				conditions[key] = candidates[0]
			}
		}

		var clause string
		var clauseArgs []any

		if texts, ok := conditions["_id"]; ok {
			clause, clauseArgs = equalityCondition("_id", texts)
		} else {
			prefix := bestIndexPrefix(conditions, indexes)
			if len(prefix) <= outerPrefix {
				return "", nil, false
			}

			clause, clauseArgs = indexPrefixClause(prefix, conditions)
			clause = strings.TrimPrefix(clause, " WHERE ")
		}

		terms = append(terms, "("+clause+")")
		args = append(args, clauseArgs...)
	}

	return " WHERE (" + strings.Join(terms, " OR ") + ")", args, true
}

// pushdownCondition is one field that must have one of the JSON texts.
type pushdownCondition struct {
	key   string
	texts []string
}

// bestIndexPrefix returns the leading fields of the index whose longest run of leading fields
// all have a condition (the first such index on a tie).
func bestIndexPrefix(conditions map[string][]string, indexes []metadata.IndexInfo) []string {
	var best []string

	for _, index := range indexes {
		var prefix []string

		for _, key := range index.Key {
			if _, ok := conditions[key.Field]; !ok {
				break
			}

			prefix = append(prefix, key.Field)
		}

		if len(prefix) > len(best) {
			best = prefix
		}
	}

	return best
}

// indexPrefixClause returns `(f1 = v1 AND ... AND fk = vk) OR (f1 is an array) OR (f1 = v1 AND
// f2 is an array) OR ...`: every document whose fields equal the values or hold arrays at the
// first field that is not equal, each term a range of the same index.
func indexPrefixClause(prefix []string, conditions map[string][]string) (string, []any) {
	var terms []string
	var args []any

	for i := 0; i <= len(prefix); i++ {
		var parts []string

		for _, field := range prefix[:i] {
			part, partArgs := equalityOnly(field, conditions[field])
			parts = append(parts, part)
			args = append(args, partArgs...)
		}

		if i < len(prefix) {
			parts = append(parts, isArray(prefix[i]))
		}

		terms = append(terms, "("+strings.Join(parts, " AND ")+")")
	}

	return " WHERE (" + strings.Join(terms, " OR ") + ")", args
}

func joinConditions(conditions []pushdownCondition) (string, []any) {
	if len(conditions) == 0 {
		return "", nil
	}

	parts := make([]string, 0, len(conditions))

	var args []any

	for _, c := range conditions {
		condition, conditionArgs := equalityCondition(c.key, c.texts)
		parts = append(parts, condition)
		args = append(args, conditionArgs...)
	}

	return " WHERE " + strings.Join(parts, " AND "), args
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

// fieldExpr is written exactly as the index expressions in metadata/registry.go, so SQLite
// matches them.
func fieldExpr(key string) string {
	return fmt.Sprintf("%s->%q", metadata.DefaultColumn, key)
}

// equalityOnly is the field having one of the texts.
func equalityOnly(key string, texts []string) (string, []any) {
	args := make([]any, len(texts))
	for i, text := range texts {
		args[i] = text
	}

	if len(texts) == 1 {
		return fmt.Sprintf("%s = ?", fieldExpr(key)), args
	}

	return fmt.Sprintf("%s IN (%s)", fieldExpr(key), strings.TrimSuffix(strings.Repeat("?, ", len(texts)), ", ")), args
}

// isArray is the field holding an array: JSON arrays, and only they, start with '['.
func isArray(key string) string {
	expr := fieldExpr(key)
	return fmt.Sprintf(`(%s >= '[' AND %s < '\')`, expr, expr)
}

// equalityCondition keeps documents whose field has one of the texts, or is an array (an array
// field matches when one of its elements does; those are matched in Go).
func equalityCondition(key string, texts []string) (string, []any) {
	match, args := equalityOnly(key, texts)
	return fmt.Sprintf("(%s OR %s)", match, isArray(key)), args
}
