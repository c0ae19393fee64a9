// Added to FerretDB's sjson package by tools/infra (see tools/infra/README.md, "FerretDB").
//
// FerretDB 1.24 decodes every stored document three times over: the whole text into a map of raw
// values, the schema with a reflecting decoder, then each value with a json.Decoder of its own.
// Under the services' load that was over a third of the server's CPU. This decoder reads the
// document once, front to back, with the schema (parsed once per distinct schema text and kept).
// It accepts only what Marshal writes: the schema first, then the fields in the schema's order.
// Anything else (another order, an escape in a key, a rare type, text that is not valid JSON)
// goes to FerretDB's own decoder, so every document decodes exactly as before.

package sjson

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/FerretDB/FerretDB/internal/types"
)

// Unmarshal decodes the top-level document.
// It decodes document's schema from the `$s` field and uses it to decode the data of the document.
func Unmarshal(data []byte) (*types.Document, error) {
	if doc, ok := unmarshalFast(data); ok {
		return doc, nil
	}

	return unmarshalSlow(data)
}

// unmarshalFast decodes the document in one pass, or returns false to leave it to unmarshalSlow.
func unmarshalFast(data []byte) (*types.Document, bool) {
	s := fastScanner{data: data}

	s.skipSpace()
	if !s.expect('{') {
		return nil, false
	}

	if !s.fieldName("$s") {
		return nil, false
	}

	start := s.pos
	if !s.skipValue(0) {
		return nil, false
	}

	sch, ok := cachedSchema(data[start:s.pos])
	if !ok {
		return nil, false
	}

	doc := types.MakeDocument(len(sch.Keys))

	for _, key := range sch.Keys {
		s.skipSpace()
		if !s.expect(',') {
			return nil, false
		}

		if !s.fieldName(key) {
			return nil, false
		}

		v, ok := s.value(sch.Properties[key], 0)
		if !ok {
			return nil, false
		}

		doc.Set(key, v)
	}

	s.skipSpace()
	if !s.expect('}') || s.pos != len(data) {
		// FerretDB's decoder refuses anything after the document, even white space
		return nil, false
	}

	return doc, true
}

// maxFastDepth bounds the nesting this decoder follows; deeper documents go to unmarshalSlow.
const maxFastDepth = 100

// fastScanner reads one JSON text front to back.
type fastScanner struct {
	data []byte
	pos  int
}

func (s *fastScanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *fastScanner) expect(c byte) bool {
	if s.pos < len(s.data) && s.data[s.pos] == c {
		s.pos++
		return true
	}

	return false
}

func (s *fastScanner) literal(word string) bool {
	if len(s.data)-s.pos >= len(word) && string(s.data[s.pos:s.pos+len(word)]) == word {
		s.pos += len(word)
		return true
	}

	return false
}

// fieldName reads `"<key>":` with the white space around it and checks that the key is the one given.
func (s *fastScanner) fieldName(want string) bool {
	s.skipSpace()
	key, ok := s.decodedString()
	if !ok || key != want {
		return false
	}

	s.skipSpace()
	if !s.expect(':') {
		return false
	}

	s.skipSpace()

	return true
}

// stringToken reads a JSON string and returns its content (without quotes); escaped is true when
// the content holds a backslash escape or bytes that are not ASCII, which then need JSON's own
// decoding (escapes, invalid UTF-8 replaced).
func (s *fastScanner) stringToken() (content []byte, escaped, ok bool) {
	if !s.expect('"') {
		return nil, false, false
	}

	start := s.pos
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			content = s.data[start:s.pos]
			s.pos++

			return content, escaped, true
		case c == '\\':
			escaped = true
			s.pos++
			if s.pos >= len(s.data) {
				return nil, false, false
			}

			switch s.data[s.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos++
			case 'u':
				if len(s.data)-s.pos < 5 {
					return nil, false, false
				}

				for _, h := range s.data[s.pos+1 : s.pos+5] {
					if !isHex(h) {
						return nil, false, false
					}
				}
				s.pos += 5
			default:
				return nil, false, false
			}
		case c < 0x20:
			return nil, false, false
		case c >= utf8.RuneSelf:
			escaped = true
			s.pos++
		default:
			s.pos++
		}
	}

	return nil, false, false
}

// decodedString reads a JSON string and decodes it exactly as encoding/json does.
func (s *fastScanner) decodedString() (string, bool) {
	start := s.pos

	content, escaped, ok := s.stringToken()
	if !ok {
		return "", false
	}

	if !escaped || (utf8.Valid(content) && bytes.IndexByte(content, '\\') < 0) {
		return string(content), true
	}

	var str string
	if err := json.Unmarshal(s.data[start:s.pos], &str); err != nil {
		return "", false
	}

	return str, true
}

// numberToken reads a JSON number (the grammar of RFC 8259, as encoding/json checks it).
func (s *fastScanner) numberToken() (string, bool) {
	start := s.pos
	s.expect('-')

	switch {
	case s.expect('0'):
	case s.pos < len(s.data) && s.data[s.pos] >= '1' && s.data[s.pos] <= '9':
		s.digits()
	default:
		return "", false
	}

	if s.expect('.') {
		if !s.digits() {
			return "", false
		}
	}

	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		if !s.expect('+') {
			s.expect('-')
		}

		if !s.digits() {
			return "", false
		}
	}

	return string(s.data[start:s.pos]), true
}

// digits reads one or more decimal digits.
func (s *fastScanner) digits() bool {
	start := s.pos
	for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
		s.pos++
	}

	return s.pos > start
}

// skipValue reads over any JSON value, checking its syntax.
func (s *fastScanner) skipValue(depth int) bool {
	if depth > maxFastDepth || s.pos >= len(s.data) {
		return false
	}

	switch c := s.data[s.pos]; {
	case c == '"':
		_, _, ok := s.stringToken()
		return ok
	case c == '{':
		s.pos++
		s.skipSpace()
		if s.expect('}') {
			return true
		}

		for {
			s.skipSpace()
			if _, _, ok := s.stringToken(); !ok {
				return false
			}

			s.skipSpace()
			if !s.expect(':') {
				return false
			}

			s.skipSpace()
			if !s.skipValue(depth + 1) {
				return false
			}

			s.skipSpace()
			if s.expect('}') {
				return true
			}

			if !s.expect(',') {
				return false
			}
		}
	case c == '[':
		s.pos++
		s.skipSpace()
		if s.expect(']') {
			return true
		}

		for {
			s.skipSpace()
			if !s.skipValue(depth + 1) {
				return false
			}

			s.skipSpace()
			if s.expect(']') {
				return true
			}

			if !s.expect(',') {
				return false
			}
		}
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	default:
		_, ok := s.numberToken()
		return ok
	}
}

// value decodes one value with its schema, as unmarshalSingleValue does.
func (s *fastScanner) value(sch *elem, depth int) (any, bool) {
	if s.literal("null") {
		return types.Null, true
	}

	if sch == nil || depth > maxFastDepth {
		return nil, false
	}

	switch sch.Type {
	case elemTypeObject:
		if sch.Schema == nil {
			return nil, false
		}

		return s.document(sch.Schema, depth+1)
	case elemTypeArray:
		if sch.Items == nil {
			return nil, false
		}

		return s.array(sch.Items, depth+1)
	case elemTypeDouble:
		n, ok := s.numberToken()
		if !ok {
			return nil, false
		}

		f, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return nil, false
		}

		return f, true
	case elemTypeString:
		return s.decodedString()
	case elemTypeObjectID:
		content, escaped, ok := s.stringToken()
		if !ok || escaped || len(content) != 2*types.ObjectIDLen {
			return nil, false
		}

		var id types.ObjectID
		if _, err := hex.Decode(id[:], content); err != nil {
			return nil, false
		}

		return id, true
	case elemTypeBool:
		switch {
		case s.literal("true"):
			return true, true
		case s.literal("false"):
			return false, true
		default:
			return nil, false
		}
	case elemTypeDate:
		ms, ok := s.integer(64)
		if !ok {
			return nil, false
		}

		return time.UnixMilli(ms), true
	case elemTypeInt:
		i, ok := s.integer(32)
		if !ok {
			return nil, false
		}

		return int32(i), true
	case elemTypeLong:
		return s.integer(64)
	case elemTypeTimestamp:
		n, ok := s.numberToken()
		if !ok {
			return nil, false
		}

		u, err := strconv.ParseUint(n, 10, 64)
		if err != nil {
			return nil, false
		}

		return types.Timestamp(u), true
	default:
		// binData, regex and a non-null value under a null schema are left to unmarshalSlow
		return nil, false
	}
}

// integer reads a JSON number that is an integer of the given size, as encoding/json decodes
// one into an int32 or int64 (no fraction, no exponent, in range).
func (s *fastScanner) integer(bits int) (int64, bool) {
	n, ok := s.numberToken()
	if !ok {
		return 0, false
	}

	i, err := strconv.ParseInt(n, 10, bits)
	if err != nil {
		return 0, false
	}

	return i, true
}

// document decodes an embedded document whose fields come in the schema's order.
func (s *fastScanner) document(sch *schema, depth int) (any, bool) {
	if !s.expect('{') {
		return nil, false
	}

	s.skipSpace()
	if s.expect('}') {
		// FerretDB's decoder returns an empty document for {} whatever the schema says
		return types.MakeDocument(0), true
	}

	doc := types.MakeDocument(len(sch.Keys))

	for i, key := range sch.Keys {
		if i > 0 {
			s.skipSpace()
			if !s.expect(',') {
				return nil, false
			}
		}

		if !s.fieldName(key) {
			return nil, false
		}

		v, ok := s.value(sch.Properties[key], depth)
		if !ok {
			return nil, false
		}

		doc.Set(key, v)
	}

	s.skipSpace()
	if len(sch.Keys) == 0 || !s.expect('}') {
		return nil, false
	}

	return doc, true
}

// array decodes an array with one schema per item.
func (s *fastScanner) array(items []*elem, depth int) (any, bool) {
	if !s.expect('[') {
		return nil, false
	}

	arr := types.MakeArray(len(items))

	s.skipSpace()
	if s.expect(']') {
		return arr, len(items) == 0
	}

	for i := 0; ; i++ {
		if i >= len(items) {
			return nil, false
		}

		s.skipSpace()
		v, ok := s.value(items[i], depth)
		if !ok {
			return nil, false
		}

		arr.Append(v)

		s.skipSpace()
		if s.expect(']') {
			return arr, i+1 == len(items)
		}

		if !s.expect(',') {
			return nil, false
		}
	}
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
