// Added to FerretDB's sjson package by tools/infra (see tools/infra/README.md, "FerretDB").
//
// The one-pass decoder must decode every text exactly as FerretDB's own decoder does: the same
// document, or an error where that decoder errs.

package sjson

import (
	"bytes"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/internal/types"
)

// sameAsSlow checks that Unmarshal answers the text as unmarshalSlow does.
func sameAsSlow(t *testing.T, data []byte) {
	t.Helper()

	want, wantErr := unmarshalSlow(data)
	got, gotErr := Unmarshal(data)

	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("%s\nunmarshalSlow error: %v\nUnmarshal error: %v", data, wantErr, gotErr)
	}

	if wantErr != nil {
		return
	}

	if !reflect.DeepEqual(want, got) {
		t.Fatalf("%s\nunmarshalSlow: %#v\nUnmarshal: %#v", data, want, got)
	}

	// DeepEqual takes -0 for 0; the encoded forms tell them apart
	wantText, err := Marshal(want)
	if err != nil {
		t.Fatal(err)
	}

	gotText, err := Marshal(got)
	if err != nil {
		t.Fatal(err)
	}

	if !bytes.Equal(wantText, gotText) {
		t.Fatalf("%s\nre-encoded from unmarshalSlow: %s\nre-encoded from Unmarshal: %s", data, wantText, gotText)
	}
}

// docGen makes random documents of every type sjson stores.
type docGen struct {
	r     *rand.Rand
	rare  bool // also binData and regex, which the one-pass decoder leaves to unmarshalSlow
	depth int
}

var sampleStrings = []string{
	"", "a", "mentee", "line\nbreak", `quote " and \ backslash`, "tab\tand\u0001control",
	"caf\u00e9", "\u65e5\u672c", "emoji \U0001F600", "\u2028\u2029", "<script>&amp;",
	"slash / and \u007f", strings.Repeat("x", 300),
}

func (g *docGen) key(i int) string {
	keys := []string{"_id", "name", "tenantId", "dueAt", "status", "caf\u00e9", "a b"}
	if g.depth > 0 {
		// FerretDB's Marshal writes top-level keys without escaping them (so a quote there makes
		// text no decoder reads); embedded documents escape theirs
		keys = append(keys, "x\"y", "n\\m", "tab\t")
	}

	if g.r.Intn(4) == 0 {
		return keys[g.r.Intn(len(keys))] + string(rune('a'+i))
	}

	return "f" + string(rune('a'+i))
}

func (g *docGen) document(n int) *types.Document {
	d := types.MakeDocument(n)
	for i := 0; i < n; i++ {
		d.Set(g.key(i), g.value())
	}

	return d
}

func (g *docGen) value() any {
	kinds := 12
	if g.rare {
		kinds = 14
	}

	switch g.r.Intn(kinds) {
	case 0:
		if g.depth >= 4 {
			return "leaf"
		}

		g.depth++
		defer func() { g.depth-- }()

		return g.document(g.r.Intn(5))
	case 1:
		if g.depth >= 4 {
			return int32(1)
		}

		g.depth++
		defer func() { g.depth-- }()

		a := types.MakeArray(0)
		for i, n := 0, g.r.Intn(5); i < n; i++ {
			a.Append(g.value())
		}

		return a
	case 2:
		doubles := []float64{0, math.Copysign(0, -1), 1.5, -2.25, 1e300, -1e-300, 5e-324, math.MaxFloat64, 42, 1e21, 123456789.125}
		return doubles[g.r.Intn(len(doubles))]
	case 3:
		return sampleStrings[g.r.Intn(len(sampleStrings))]
	case 4:
		var id types.ObjectID
		g.r.Read(id[:])

		return id
	case 5:
		return g.r.Intn(2) == 0
	case 6:
		ms := []int64{0, 1, -1, 1_700_000_000_123, -62_135_596_800_000, 253_402_300_799_999}
		return time.UnixMilli(ms[g.r.Intn(len(ms))])
	case 7:
		return types.Null
	case 8:
		ints := []int32{0, 1, -1, math.MaxInt32, math.MinInt32, 7}
		return ints[g.r.Intn(len(ints))]
	case 9:
		longs := []int64{0, -1, math.MaxInt64, math.MinInt64, 1 << 40}
		return longs[g.r.Intn(len(longs))]
	case 10:
		stamps := []types.Timestamp{0, 1, math.MaxUint64, 1 << 63}
		return stamps[g.r.Intn(len(stamps))]
	case 11:
		return types.NewTimestamp(time.Unix(1_700_000_000, 0), uint32(g.r.Intn(100)))
	case 12:
		return types.Binary{Subtype: types.BinaryGeneric, B: []byte{1, 2, 3}}
	default:
		return types.Regex{Pattern: "^a.*b$", Options: "i"}
	}
}

func TestUnmarshalFastDecodesWhatMarshalWrites(t *testing.T) {
	for _, rare := range []bool{false, true} {
		g := docGen{r: rand.New(rand.NewSource(7)), rare: rare}

		handled := 0
		for i := 0; i < 3000; i++ {
			d := g.document(1 + g.r.Intn(12))

			data, err := Marshal(d)
			if err != nil {
				t.Fatal(err)
			}

			sameAsSlow(t, data)

			if _, ok := unmarshalFast(data); ok {
				handled++
			}
		}

		// without binData and regex every document Marshal writes takes the one-pass way
		if !rare && handled != 3000 {
			t.Fatalf("the one-pass decoder took %d of 3000 documents, want all", handled)
		}

		if rare && (handled == 0 || handled == 3000) {
			t.Fatalf("with binData and regex the one-pass decoder took %d of 3000 documents", handled)
		}
	}
}

// Texts Marshal never writes: each must get FerretDB's own answer, document or error.
var unusualTexts = []string{
	`{"$s":{"p":{"a":{"t":"int"},"b":{"t":"string"}},"$k":["a","b"]},"b":"x","a":1}`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1} `,
	` {"$s":{"p":{"a":{"t":"int"}},"$k":["a"]} , "a" : 1 }`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1,"a":2}`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a","a"]},"a":1,"a":2}`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1.5}`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":2147483648}`,
	`{"$s":{"p":{"a":{"t":"long"}},"$k":["a"]},"a":1e3}`,
	`{"$s":{"p":{"a":{"t":"double"}},"$k":["a"]},"a":1e400}`,
	`{"$s":{"p":{"a":{"t":"double"}},"$k":["a"]},"a":01}`,
	`{"$s":{"p":{"a":{"t":"double"}},"$k":["a"]},"a":-}`,
	`{"$s":{"p":{"a":{"t":"string"}},"$k":["a"]},"a":"\u00e9\ud83d\ude00\n"}`,
	`{"$s":{"p":{"a":{"t":"string"}},"$k":["a"]},"a":"bad \x escape"}`,
	"{\"$s\":{\"p\":{\"a\":{\"t\":\"string\"}},\"$k\":[\"a\"]},\"a\":\"invalid \xff utf-8\"}",
	"{\"$s\":{\"p\":{\"a\":{\"t\":\"string\"}},\"$k\":[\"a\"]},\"a\":\"raw \x01 control\"}",
	`{"$s":{"p":{"\u0061":{"t":"int"}},"$k":["a"]},"\u0061":1}`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"],"x":1},"a":1}`,
	`{"$s":{"p":{"$s":{"t":"int"}},"$k":["$s"]},"$s":1}`,
	`{"$s":{"p":{"a":{"t":"objectId"}},"$k":["a"]},"a":"0123456789abcdefABCDEF01"}`,
	`{"$s":{"p":{"a":{"t":"objectId"}},"$k":["a"]},"a":"0123456789abcdefABCDEFzz"}`,
	`{"$s":{"p":{"a":{"t":"bool"}},"$k":["a"]},"a":1}`,
	`{"$s":{"p":{"a":{"t":"null"}},"$k":["a"]},"a":1}`,
	`{"$s":{"p":{"a":{"t":"date"}},"$k":["a"]},"a":-5}`,
	`{"$s":{"p":{"a":{"t":"timestamp"}},"$k":["a"]},"a":-5}`,
	`{"$s":{"p":{"a":{"t":"object","$s":{"p":{"x":{"t":"int"}},"$k":["x"]}}},"$k":["a"]},"a":{}}`,
	`{"$s":{"p":{"a":{"t":"object","$s":{"p":{"x":{"t":"int"},"y":{"t":"int"}},"$k":["x","y"]}}},"$k":["a"]},"a":{"y":2,"x":1}}`,
	`{"$s":{"p":{"a":{"t":"object","$s":{"p":{},"$k":[]}}},"$k":["a"]},"a":{"x":1}}`,
	`{"$s":{"p":{"a":{"t":"object"}},"$k":["a"]},"a":{"x":1}}`,
	`{"$s":{"p":{"a":{"t":"array","i":[{"t":"int"}]}},"$k":["a"]},"a":[]}`,
	`{"$s":{"p":{"a":{"t":"array","i":[{"t":"int"}]}},"$k":["a"]},"a":[1,2]}`,
	`{"$s":{"p":{"a":{"t":"array"}},"$k":["a"]},"a":[]}`,
	`{"$s":{"p":{"a":{"t":"array","i":[{"t":"int"},{"t":"string"}]}},"$k":["a"]},"a":[ 1 , null ]}`,
	`{"$s":{"p":{"a":{"t":"mystery"}},"$k":["a"]},"a":1}`,
	`{"$s":{"p":{},"$k":[]}}`,
	`{"$s":{}}`,
	`{"a":1,"$s":{"p":{"a":{"t":"int"}},"$k":["a"]}}`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"b":1}`,
	`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]}}`,
	`[]`,
	``,
}

func TestUnmarshalFastAnswersUnusualTextsAsFerretDB(t *testing.T) {
	for _, text := range unusualTexts {
		sameAsSlow(t, []byte(text))
	}
}

func TestUnmarshalFastSchemaCacheKeepsSchemasApart(t *testing.T) {
	a := []byte(`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1}`)
	b := []byte(`{"$s":{"p":{"a":{"t":"long"}},"$k":["a"]},"a":1}`)

	for i := 0; i < 3; i++ {
		da, err := Unmarshal(a)
		if err != nil {
			t.Fatal(err)
		}

		db, err := Unmarshal(b)
		if err != nil {
			t.Fatal(err)
		}

		if v, _ := da.Get("a"); v != int32(1) {
			t.Fatalf("int field decoded as %#v", v)
		}

		if v, _ := db.Get("a"); v != int64(1) {
			t.Fatalf("long field decoded as %#v", v)
		}
	}
}

func FuzzUnmarshalFast(f *testing.F) {
	for _, text := range unusualTexts {
		f.Add([]byte(text))
	}

	g := docGen{r: rand.New(rand.NewSource(11)), rare: true}
	for i := 0; i < 50; i++ {
		data, err := Marshal(g.document(1 + g.r.Intn(6)))
		if err != nil {
			f.Fatal(err)
		}

		f.Add(data)
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsSlow(t, data)
	})
}

func BenchmarkUnmarshal(b *testing.B) {
	g := docGen{r: rand.New(rand.NewSource(3))}

	docs := make([][]byte, 200)
	for i := range docs {
		data, err := Marshal(g.document(8 + g.r.Intn(8)))
		if err != nil {
			b.Fatal(err)
		}

		docs[i] = data
	}

	for _, bc := range []struct {
		name string
		fn   func([]byte) (*types.Document, error)
	}{{"ferretdb", unmarshalSlow}, {"one-pass", Unmarshal}} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := bc.fn(docs[i%len(docs)]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
