// Added by tools/infra: tests of array_string_set.go.

package types

import (
	"fmt"
	"testing"
)

func stringsArray(n int) *Array {
	a := MakeArray(n)
	for i := 0; i < n; i++ {
		a.Append(fmt.Sprintf("id-%d", i))
	}

	return a
}

func TestStringSetOnlyForLongArraysOfStrings(t *testing.T) {
	if set := stringsArray(minStringSetLen - 1).StringSet(); set != nil {
		t.Fatalf("a short array got a set: %v", set)
	}

	long := stringsArray(minStringSetLen + 2)
	set := long.StringSet()
	if len(set) != minStringSetLen+2 {
		t.Fatalf("set of %d strings has %d members", minStringSetLen+2, len(set))
	}
	for i := 0; i < long.Len(); i++ {
		if _, ok := set[fmt.Sprintf("id-%d", i)]; !ok {
			t.Fatalf("id-%d missing from the set", i)
		}
	}

	mixed := stringsArray(minStringSetLen + 2)
	mixed.Append(int32(1))
	if set := mixed.StringSet(); set != nil {
		t.Fatalf("an array with an int32 got a set: %v", set)
	}

	var none *Array
	if set := none.StringSet(); set != nil {
		t.Fatalf("a nil array got a set: %v", set)
	}
}

func TestStringSetFollowsEveryChange(t *testing.T) {
	has := func(a *Array, s string) bool {
		_, ok := a.StringSet()[s]
		return ok
	}

	a := stringsArray(minStringSetLen)
	if !has(a, "id-0") || has(a, "new") {
		t.Fatal("set before any change is wrong")
	}

	a.Append("new")
	if !has(a, "new") {
		t.Fatal("Append: the new element is not in the set")
	}

	if err := a.Set(0, "replaced"); err != nil {
		t.Fatal(err)
	}
	if has(a, "id-0") || !has(a, "replaced") {
		t.Fatal("Set: the set still has the old element or lacks the new one")
	}

	a.Remove(0)
	if has(a, "replaced") {
		t.Fatal("Remove: the removed element is still in the set")
	}

	a.RemoveByPath(NewStaticPath("0"))
	if has(a, "id-1") {
		t.Fatal("RemoveByPath: the removed element is still in the set")
	}

	if err := a.Set(0, int64(7)); err != nil {
		t.Fatal(err)
	}
	if a.StringSet() != nil {
		t.Fatal("Set of a non-string: the array still has a set")
	}
}

func TestStringSetFollowsRemovalFromANestedArray(t *testing.T) {
	nested := stringsArray(minStringSetLen + 1)
	doc, err := NewDocument("ids", nested)
	if err != nil {
		t.Fatal(err)
	}

	if _, ok := nested.StringSet()["id-0"]; !ok {
		t.Fatal("id-0 missing before the removal")
	}

	doc.RemoveByPath(NewStaticPath("ids", "0"))
	if _, ok := nested.StringSet()["id-0"]; ok {
		t.Fatal("removing ids.0 through the document left id-0 in the nested array's set")
	}
}
