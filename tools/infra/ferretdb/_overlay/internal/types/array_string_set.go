// Added to FerretDB's types package by tools/infra (see tools/infra/README.md, "FerretDB").
//
// A `$in` of many strings (a group of ids) was matched against every returned document by
// comparing it with each element in turn, about a sixth of FerretDB's CPU under the scheduling
// benchmark. An array now keeps the set of its elements, built the first time it is asked for
// and dropped by anything that changes the array (every change goes through checkFrozen, or
// removeByPath for nested arrays).

package types

import "sync/atomic"

// minStringSetLen is the smallest array worth a set; shorter ones are scanned.
const minStringSetLen = 8

// stringSetCache holds the set of an array's elements once built.
type stringSetCache struct {
	p atomic.Pointer[stringSet]
}

// stringSet is nil when some element is not a string.
type stringSet struct {
	set map[string]struct{}
}

// reset drops the set; the array is about to change.
func (c *stringSetCache) reset() {
	c.p.Store(nil)
}

// StringSet returns the array's elements as a set when there are at least minStringSetLen of
// them and every one is a string, or nil otherwise. The set must not be modified.
//
// For a string s and such an array, Compare(s, element) is Equal for some element exactly when
// s is in the set: two strings compare Equal only when they are the same string, and a string
// never compares Equal to a value of another type.
func (a *Array) StringSet() map[string]struct{} {
	if a == nil || len(a.s) < minStringSetLen {
		return nil
	}

	if c := a.stringSet.p.Load(); c != nil {
		return c.set
	}

	c := &stringSet{set: make(map[string]struct{}, len(a.s))}

	for _, v := range a.s {
		s, ok := v.(string)
		if !ok {
			c.set = nil
			break
		}

		c.set[s] = struct{}{}
	}

	a.stringSet.p.Store(c)

	return c.set
}
