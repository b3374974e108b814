package merge

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// wellFormed reports whether b is well-formed XML.
func wellFormed(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// FuzzTemplate feeds the template reader a document body from outside: it
// never panics, and a template it accepts gives, filled, a document that
// is well formed whenever the template's was, with every placeholder
// replaced.
func FuzzTemplate(f *testing.F) {
	f.Add(para("{{姓名}}"))
	f.Add(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{{</w:t></w:r><w:r><w:t>姓名}}</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:r><w:t>{{目标}}</w:t></w:r></w:p><w:tbl><w:tr><w:tc>` + para("{{目标序号}}") + `</w:tc><w:tc>` + para("{{目标}}") + `</w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:r><w:t/><w:t>{{{姓名}}}</w:t><w:tab/><w:t>｛｛性别}}</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:r><w:t>&lt;{{&amp;}}</w:t></w:r><w:p><w:r><w:t>{{姓名}}</w:t></w:r></w:p></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		parts := docxParts(body, para("{{姓名}}"), "")
		tmpl := zipParts(t, parts)
		tp, err := ParseTemplate("fuzz.docx", tmpl)
		if err != nil {
			return
		}
		for _, m := range tp.Malformed() {
			if !utf8.ValidString(m) || !strings.ContainsAny(m, "{}｛｝") {
				t.Fatalf("the text around a malformed placeholder %q holds no brace", m)
			}
		}
		_ = tp.Check(Members) // any template is told, never a panic
		r := &Record{Values: map[string]string{}, Items: []map[string]string{{}, {}}}
		for _, name := range tp.Placeholders() {
			r.Values[name] = "值<&>"
			r.Items[0][name], r.Items[1][name] = "甲", "乙"
		}
		var buf bytes.Buffer
		if err := tp.Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		out := unzipParts(t, buf.Bytes())
		doc := out["word/document.xml"]
		if wellFormed([]byte(parts["word/document.xml"])) && !wellFormed(doc) {
			t.Fatalf("filled document not well formed:\n%s", doc)
		}
		again, err := ParseTemplate("filled.docx", buf.Bytes())
		if err != nil {
			t.Fatalf("filled document unreadable: %v", err)
		}
		for _, name := range again.Placeholders() {
			if name != "" && !bytes.Contains([]byte(body), []byte(name)) {
				t.Fatalf("placeholder {{%s}} appeared from nowhere", name)
			}
		}
		var all bytes.Buffer
		if err := tp.WriteAll(&all, []Record{*r, *r}); err != nil {
			t.Fatal(err)
		}
		if wellFormed([]byte(parts["word/document.xml"])) && !wellFormed(unzipParts(t, all.Bytes())["word/document.xml"]) {
			t.Fatal("one-file document not well formed")
		}
	})
}
