package docx

import (
	"strings"
	"testing"
	"unicode/utf8"

	"dangjian/reports/layout"
)

// shown is user text as a Word cell shows it: typeset, without the
// characters XML cannot hold, bytes that are not UTF-8 as U+FFFD, and any
// line break as one.
func shown(s string) string {
	s = typeset(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r < 0x20 && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzUserText puts any text where users' text goes (a name in the
// header, a title, a table cell, a form cell, a field) and checks that the
// package is well-formed and that the cell reads back as typed.
func FuzzUserText(f *testing.F) {
	for _, s := range []string{"魏𬱖", "a<b>&\"c'", "张三(出差),李四:病假", "\x00\x1f\uFFFE\xff", "  两端 空格  ", "x\r\ny\rz\tw", "转字〔2026〕第017号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &layout.Document{Title: s, Org: s, Period: s}
		d.NewPart(s, s, s).Add(
			&layout.Table{Caption: s, Columns: []layout.Column{{Title: s}, {Title: "备注"}}, Rows: []layout.Row{{Cells: []string{s, layout.Keep(s)}}}},
			&layout.Form{Rows: []layout.FormRow{{Cells: []layout.Cell{{Text: s, Label: true}, {Text: s, Sign: []layout.SignLine{{Who: s}}}}}}},
			&layout.Fields{Items: []layout.Field{{Label: s, Value: s}}},
		)
		p := renderDoc(t, d)
		for _, name := range p.order {
			p.xmlOf(t, name)
		}
		tbl := p.body(t).children("tbl")[0]
		// Word joiners go where the text fits its cell.
		unjoined := func(s string) string { return strings.ReplaceAll(s, joiner, "") }
		if got, want := cells(tbl)[1][0], shown(s); unjoined(got) != unjoined(want) {
			t.Errorf("cell %q, want %q (typed %q)", got, want, s)
		}
	})
}
