package docx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/reports/documents"
	"dangjian/reports/docx"
	"dangjian/reports/layout"
)

// TestEveryDocumentOfTheDemo renders every document of a demo
// organization as Word and checks that its text is the document's
// content as layout.PlainText gives it (the content the PDF prints): every
// title, heading, paragraph, table cell, form cell, field and signature
// line, in order; and the organization and period in the running header.
func TestEveryDocumentOfTheDemo(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "demo.db")
	clock := data.WithClock(func() time.Time { return now })
	ctx := context.Background()
	s, err := data.Create(ctx, path, "计算机科学与技术学院党委", "DEMO", clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Generate(ctx, s, demo.Options{Members: 40, Seed: 7, AsOf: now}); err != nil {
		t.Fatal(err)
	}
	for _, k := range documents.Kinds {
		t.Run(string(k), func(t *testing.T) {
			d, err := documents.Build(ctx, s, k, documents.Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := docx.Render(ctx, d, &buf); err != nil {
				t.Fatal(err)
			}
			if keep := os.Getenv("DOCX_KEEP"); keep != "" { // a folder to look at the files in
				os.WriteFile(filepath.Join(keep, string(k)+".docx"), buf.Bytes(), 0o644)
			}
			parts := unzip(t, buf.Bytes())
			body := wordText(t, parts["word/document.xml"])
			cursor := 0
			for _, tok := range plainTokens(layout.PlainText(d)) {
				if tok.anywhere {
					if !strings.Contains(body, tok.text) {
						t.Errorf("the Word document lacks the table heading %q", tok.text)
					}
					continue
				}
				i := strings.Index(body[cursor:], tok.text)
				if i < 0 {
					at := body[cursor:]
					if len(at) > 120 {
						at = at[:120]
					}
					t.Fatalf("the Word document lacks %q where the content has it (after …%s)", tok.text, at)
				}
				cursor += i + len(tok.text)
			}
			head := wordText(t, parts["word/header1.xml"])
			if !strings.Contains(head, normal(d.Org)) || !strings.Contains(head, normal(d.Period)) {
				t.Errorf("the running header %q lacks %q or %q", head, d.Org, d.Period)
			}
		})
	}
}

// token is a piece of text the Word document must show.
type token struct {
	text     string
	anywhere bool // a table's heading: its rows may order it differently
}

var (
	groupSpan = regexp.MustCompile(`×\d+$`)
	markers   = []string{"【表】", "【标题】", "【副标题】", "【表单】", "（满页）"}
)

// plainTokens reads layout.PlainText back into the texts a rendering of
// the document shows, leaving out the document's header lines (they are
// the running header and the footer) and the record names (never printed).
func plainTokens(plain string) []token {
	var out []token
	lines := strings.Split(plain, "\n")
	i := 0
	for i < len(lines) && !strings.HasPrefix(lines[i], "======== ") {
		i++
	}
	head := 0 // the table heading lines still to come
	for ; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "======== "), strings.HasPrefix(line, "【记录】"),
			line == "【表完】", line == "【表单完】", line == "【分页】", line == "":
			continue
		case strings.HasPrefix(line, "【表】"):
			head = 1
			if i+1 < len(lines) && isGroupLine(lines[i+1]) {
				head = 2
			}
		case strings.HasPrefix(line, "#"):
			line = strings.TrimLeft(line, "#")
		}
		anywhere := false
		if head > 0 && !strings.HasPrefix(line, "【表】") {
			anywhere = true
			head--
		}
		for _, m := range markers {
			line = strings.TrimPrefix(line, m)
		}
		line = strings.TrimPrefix(line, "＝") // a total row
		for _, cell := range regexp.MustCompile("\t| \\| ").Split(line, -1) {
			cell = groupSpan.ReplaceAllString(cell, "")
			if strings.HasPrefix(cell, "[") && strings.HasSuffix(cell, "]") {
				cell = cell[1 : len(cell)-1]
			}
			if n := normal(cell); n != "" {
				out = append(out, token{text: n, anywhere: anywhere})
			}
		}
	}
	return out
}

// isGroupLine reports whether a PlainText line is a table's groups
// (「入党日期×2	…」).
func isGroupLine(line string) bool {
	for _, f := range strings.Split(line, "\t") {
		if !groupSpan.MatchString(f) {
			return false
		}
	}
	return line != ""
}

// punct maps the full-width punctuation Typeset sets to the ASCII a
// builder may have typed.
var punct = strings.NewReplacer("，", ",", "：", ":", "；", ";", "！", "!", "？", "?", "（", "(", "）", ")")

// normal is text as compared: without spaces of any width, the blanks to
// write on, word joiners and line-break marks; punctuation in one width.
func normal(s string) string {
	s = punct.Replace(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '_', '↵', layout.WordJoiner:
			return -1
		}
		return r
	}, s)
}

// unzip reads the parts of a .docx.
func unzip(t *testing.T, raw []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

// wordText is the text of a WordprocessingML part in order (the w:t
// elements), normalized.
func wordText(t *testing.T, part []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(part))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			inText = v.Name.Local == "t"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				b.Write(v)
			}
		}
	}
	if os.Getenv("DOCX_SHOW") != "" {
		t.Log(b.String())
	}
	return normal(b.String())
}
