package data

import "fmt"

// badChar is the first character of s that no text field may hold: a
// control character other than tab and line breaks (they cannot be seen,
// printed or written into an Excel sheet, and reach the database only
// through an escape such as Excel's _x0001_), or a Unicode noncharacter.
func badChar(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return r, true
		case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
			return r, true
		}
	}
	return 0, false
}

// checkCharacters fails every text field of r holding a character that no
// text may hold, unless the field has a problem already.
func checkCharacters(r Record, c *checker) {
	for _, f := range r.Fields() {
		p, ok := f.Ptr.(*string)
		if !ok || c.failed(f.Col) {
			continue
		}
		if bad, found := badChar(*p); found {
			c.fail(f.Col, fmt.Sprintf("含有不可见的控制字符（U+%04X），请删除后重试", bad))
		}
	}
}
