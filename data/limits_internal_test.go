package data

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// allRecords is one empty record of every type, in recordTables order.
func allRecords() []Record {
	out := make([]Record, len(recordTables))
	for i, table := range recordTables {
		out[i] = recordTypes[table]()
	}
	return out
}

// TestEveryTextFieldHasALimit keeps the table of limits complete: every
// text field of every record is listed, and nothing else is.
func TestEveryTextFieldHasALimit(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range allRecords() {
		for _, f := range r.Fields() {
			if _, ok := f.Ptr.(*string); !ok {
				continue
			}
			key := r.Table() + "." + f.Col
			seen[key] = true
			if _, ok := textLimits[r.Table()][f.Col]; !ok {
				t.Errorf("%s (%s) has no limit", key, f.Label)
			}
		}
	}
	for table, cols := range textLimits {
		for col := range cols {
			if !seen[table+"."+col] {
				t.Errorf("%s.%s is not a text field", table, col)
			}
		}
	}
}

// TestEveryTextFieldRefusesOneCharacterTooMany: for every text field of
// every record, a text of exactly its limit passes the length check, one
// character more fails it with a message naming the field and both
// lengths. The characters are outside the Basic Multilingual Plane (four
// bytes in UTF-8, two UTF-16 units), and each counts as one.
func TestEveryTextFieldRefusesOneCharacterTooMany(t *testing.T) {
	const wide = "𠀀" // CJK Extension B, as in some people's names
	for _, r := range allRecords() {
		for i, f := range r.Fields() {
			if _, ok := f.Ptr.(*string); !ok {
				continue
			}
			limit := int(MaxChars(r.Table(), f.Col))
			for _, n := range []int{limit, limit + 1} {
				*r.Fields()[i].Ptr.(*string) = strings.Repeat(wide, n)
				c := newChecker(r, time.Now())
				checkLengths(r, c)
				if n == limit && c.failed(f.Col) {
					t.Errorf("%s.%s: %d characters refused: %v", r.Table(), f.Col, n, c.err())
				}
				want := fmt.Sprintf("「%s」不能超过%d个字（现为%d个字）", f.Label, limit, n)
				if n > limit && (c.err() == nil || c.err().Error() != want) {
					t.Errorf("%s.%s: %d characters: %v, want %s", r.Table(), f.Col, n, c.err(), want)
				}
			}
			*r.Fields()[i].Ptr.(*string) = ""
		}
	}
}
