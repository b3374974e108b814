package documents

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// asciiBesideHan finds ASCII punctuation next to a Chinese character, which
// GB/T 15834 writes full-width in Chinese text.
var asciiBesideHan = regexp.MustCompile(`\p{Han}[,:;()!?]|[,:;()!?]\p{Han}`)

// otherDateForms finds dates in neither the table form (2026.03.05) nor the
// prose form (2026年3月5日).
var otherDateForms = regexp.MustCompile(`\b\d{4}[-/]\d{1,2}[-/]\d{1,2}\b|\b\d{4}-\d{2}\b`)

// TestEveryDocumentIsTypesetAsOfficialDocuments reads every document of
// the demo organization back — the PDF with pdftotext and the Word
// version's document.xml — and fails on ASCII punctuation beside Chinese
// characters and on a date in a third form.
func TestEveryDocumentIsTypesetAsOfficialDocuments(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is missing (poppler-utils is installed by scripts/deps.sh)")
	}
	s := demoStore(t)
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) {
			o := Options{Now: testNow}
			var pdf, word bytes.Buffer
			if _, err := Write(context.Background(), s, k, PDF, &pdf, o); err != nil {
				t.Fatal(err)
			}
			if _, err := Write(context.Background(), s, k, Word, &word, o); err != nil {
				t.Fatal(err)
			}
			check := func(format, text string) {
				t.Helper()
				for _, m := range firstMatches(asciiBesideHan, text, 5) {
					t.Errorf("%s: ASCII punctuation in Chinese text: …%s…", format, m)
				}
				for _, m := range firstMatches(otherDateForms, text, 5) {
					t.Errorf("%s: a date in neither the table nor the prose form: …%s…", format, m)
				}
			}
			check("PDF", pdfToText(t, pdf.Bytes()))
			check("Word", wordText(t, word.Bytes()))
		})
	}
}

// firstMatches returns up to n matches of re in text, each with a few
// characters around it.
func firstMatches(re *regexp.Regexp, text string, n int) []string {
	var out []string
	for _, loc := range re.FindAllStringIndex(text, n) {
		from, to := max(loc[0]-12, 0), min(loc[1]+12, len(text))
		out = append(out, strings.ToValidUTF8(text[from:to], ""))
	}
	return out
}

// pdfToText is the text pdftotext reads from a PDF, line by line as laid
// out.
func pdfToText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// wordText is the text of a .docx's body: its w:t runs, a paragraph a line.
func wordText(t *testing.T, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	dec := xml.NewDecoder(f)
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if e.Name.Local == "p" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(e)
			}
		}
	}
	return b.String()
}
