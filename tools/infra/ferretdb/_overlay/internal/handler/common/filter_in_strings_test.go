// Added by tools/infra: tests of filter_in_strings.go.
//
// $in and $nin of many strings are answered from a set; each answer must be FerretDB's own, got
// here by adding an element no document holds (a binary value), which sends the filter down
// FerretDB's element-by-element comparison.

package common

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// fieldValues are what the documents' field holds: strings in and out of the filters, other
// scalar types, a string array, a document, null and an empty string.
func fieldValue(r *rand.Rand) any {
	switch r.Intn(9) {
	case 0:
		return int32(r.Intn(3))
	case 1:
		return float64(r.Intn(3))
	case 2:
		return types.Null
	case 3:
		return must.NotFail(types.NewArray(fmt.Sprintf("s%d", r.Intn(40)), fmt.Sprintf("s%d", r.Intn(40))))
	case 4:
		return must.NotFail(types.NewDocument("k", fmt.Sprintf("s%d", r.Intn(40))))
	case 5:
		return ""
	default:
		return fmt.Sprintf("s%d", r.Intn(40))
	}
}

func filterValues(r *rand.Rand, n int) []any {
	values := make([]any, n)
	for i := range values {
		values[i] = fmt.Sprintf("s%d", r.Intn(40))
	}

	if r.Intn(4) == 0 {
		values[r.Intn(n)] = ""
	}

	return values
}

func match(t *testing.T, doc *types.Document, operator string, values []any) bool {
	t.Helper()

	filter := must.NotFail(types.NewDocument(
		"f", must.NotFail(types.NewDocument(operator, must.NotFail(types.NewArray(values...)))),
	))

	ok, err := FilterDocument(doc, filter)
	if err != nil {
		t.Fatalf("%s %v: %v", operator, values, err)
	}

	return ok
}

func TestInStringsAnswersAsFerretDB(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	decided := 0

	for i := 0; i < 20_000; i++ {
		doc := must.NotFail(types.NewDocument("_id", int32(i), "f", fieldValue(r)))
		if r.Intn(10) == 0 {
			doc = must.NotFail(types.NewDocument("_id", int32(i)))
		}

		values := filterValues(r, 1+r.Intn(30))
		reference := append(append([]any{}, values...), types.Binary{B: []byte("never held")})

		f, _ := doc.Get("f")
		if _, d := inStrings(f, must.NotFail(types.NewArray(values...))); d {
			decided++
		}

		for _, operator := range []string{"$in", "$nin"} {
			if got, want := match(t, doc, operator, values), match(t, doc, operator, reference); got != want {
				t.Fatalf("%v %s %v: got %v, FerretDB's comparison says %v", doc, operator, values, got, want)
			}
		}
	}

	// the set answered a good share of the cases, not only the fallback
	if decided < 5_000 {
		t.Fatalf("the set decided only %d of 20000 cases", decided)
	}
}

func TestInStringsLeavesOtherCasesToFerretDB(t *testing.T) {
	long := make([]any, 10)
	for i := range long {
		long[i] = fmt.Sprintf("s%d", i)
	}

	for name, c := range map[string]struct {
		field  any
		values []any
	}{
		"short array":         {"s1", long[:3]},
		"non-string element":  {"s1", append(append([]any{}, long...), int32(1))},
		"array field":         {must.NotFail(types.NewArray("s1")), long},
		"number field":        {int32(1), long},
		"regular expressions": {"s1", append(append([]any{}, long...), types.Regex{Pattern: "^s"})},
	} {
		if found, decided := inStrings(c.field, must.NotFail(types.NewArray(c.values...))); decided {
			t.Errorf("%s: decided (found=%v), should be left to FerretDB", name, found)
		}
	}

	if found, decided := inStrings("s3", must.NotFail(types.NewArray(long...))); !decided || !found {
		t.Errorf("s3 in %v: found=%v decided=%v", long, found, decided)
	}

	if found, decided := inStrings("S3", must.NotFail(types.NewArray(long...))); !decided || found {
		t.Errorf("S3 (case differs) in %v: found=%v decided=%v", long, found, decided)
	}
}

// A filter error FerretDB raises while scanning (an operator nested in $in) is still raised.
func TestInStringsKeepsFerretDBErrors(t *testing.T) {
	values := []any{"a", "b", "c", "d", "e", "f", "g", "h", must.NotFail(types.NewDocument("$eq", "a"))}
	filter := must.NotFail(types.NewDocument(
		"f", must.NotFail(types.NewDocument("$in", must.NotFail(types.NewArray(values...)))),
	))

	if _, err := FilterDocument(must.NotFail(types.NewDocument("f", "zzz")), filter); err == nil {
		t.Fatal("an operator nested in $in was accepted")
	}
}
