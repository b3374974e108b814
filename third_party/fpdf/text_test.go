// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
)

// pdfEscape escapes a PDF string as upstream's escape does.
var pdfEscape = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`)

// utf16BE returns s as two bytes per character, as a UTF-8 font encodes
// BMP characters (each its own CID).
func utf16BE(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return b.String()
}

// Text writes the same operators as upstream's
// sprintf("BT %.2f %.2f Td (%s) Tj ET", ...): coordinates in points with
// two decimals, the text encoded and escaped, including CID bytes that are
// ( ) or \ (丨 U+4E28, 丩 U+4E29, 乜 U+4E5C) and a carriage return; with a
// core font and with a text colour as well.
func TestTextOperators(t *testing.T) {
	_, face := faceWithNonBMP(t)
	const k = 72 / 25.4
	cases := []struct {
		name    string
		utf8    bool
		color   bool
		x, y    float64
		text    string
		encoded string
	}{
		{name: "UTF-8", utf8: true, x: 20, y: 30, text: "王小明（正式党员）"},
		{name: "UTF-8, CID bytes to escape", utf8: true, x: 12.345, y: 296.999, text: "丨丩乜(a)\\b\r"},
		{name: "UTF-8, at the origin", utf8: true, x: 0, y: 297, text: "第 1 页 共 2 页"},
		{name: "UTF-8 in colour", utf8: true, color: true, x: 105.5, y: 148.25, text: "党支部(盖章)"},
		{name: "core font", x: 20, y: 40, text: `a(b)c\d` + "\r"},
		{name: "core font in colour", color: true, x: 33.3, y: 44.4, text: "Total (2026)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.SetCompression(false)
			if c.utf8 {
				pdf.AddUTF8FontFromBytes("face", "", face)
				pdf.SetFont("face", "", 12)
			} else {
				pdf.SetFont("Helvetica", "", 12)
			}
			pdf.AddPage()
			if c.color {
				pdf.SetTextColor(200, 0, 0)
			}
			pdf.Text(c.x, c.y, c.text)
			var out bytes.Buffer
			if err := pdf.Output(&out); err != nil {
				t.Fatal(err)
			}
			text := c.text
			if c.utf8 {
				text = utf16BE(text)
			}
			want := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", c.x*k, (297-c.y)*k, pdfEscape.Replace(text))
			if c.color {
				want = fmt.Sprintf("q 0.784 0.000 0.000 rg %s Q", want)
			}
			if !bytes.Contains(out.Bytes(), []byte("\n"+want+"\n")) {
				i := bytes.Index(out.Bytes(), []byte(" Td ("))
				got := ""
				if i >= 0 {
					start := max(0, bytes.LastIndexByte(out.Bytes()[:i], '\n')+1)
					end := i + bytes.IndexByte(out.Bytes()[i:], '\n')
					got = string(out.Bytes()[start:end])
				}
				t.Errorf("the page has\n%q\nwant the line\n%q", got, want)
			}
		})
	}
}

// The pages of a long document are compressed side by side: the PDF is the
// same, byte for byte, as when they are compressed one by one, and each
// page reads back with its own text, in order.
func TestPagesCompressedSideBySide(t *testing.T) {
	pdftotext := poppler(t, "pdftotext")
	_, face := faceWithNonBMP(t)
	write := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetCompression(true)
		pdf.SetCreationDate(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
		pdf.AddUTF8FontFromBytes("face", "", face)
		for p := 1; p <= 40; p++ {
			pdf.AddPage()
			pdf.SetFont("face", "", 12)
			for line := range p { // pages of different lengths
				pdf.Text(20, 20+float64(line%50)*5, fmt.Sprintf("第%d页第%d行 王%s", p, line+1, nonBMPChar))
			}
		}
		var out bytes.Buffer
		if err := pdf.Output(&out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	one, many := write(1), write(4)
	if !bytes.Equal(one, many) {
		t.Fatalf("the PDF compressed on 4 goroutines (%d bytes) differs from the one compressed on 1 (%d bytes)", len(many), len(one))
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, many, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []int{1, 2, 17, 40} {
		out, err := exec.Command(pdftotext, "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		want := fmt.Sprintf("第%d页第%d行 王%s", p, p, nonBMPChar)
		if !strings.Contains(string(out), want) {
			t.Errorf("page %d reads %q, want it to hold %q", p, out, want)
		}
	}
}

// An embedded UTF-8 face is a subset, named as one (a tag of six capital
// letters and +, which pdffonts reports as "sub yes"), and its font file
// is far smaller than the face.
func TestUTF8FontEmbeddedAsSubset(t *testing.T) {
	pdffonts := poppler(t, "pdffonts")
	_, face := faceWithNonBMP(t)
	pdf := newDoc(t, face, 12)
	pdf.Text(20, 20, "党员花名册 "+nonBMPName)
	path := writePDF(t, pdf)
	out, err := exec.Command(pdffonts, path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 {
		t.Fatalf("pdffonts lists %d fonts, want 1:\n%s", len(lines)-2, out)
	}
	fields := strings.Fields(lines[2])
	name, sub := fields[0], fields[len(fields)-4]
	if len(name) < 8 || name[6] != '+' || strings.Trim(name[:6], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" ||
		name[7:] != "utf8face" || sub != "yes" {
		t.Errorf("the font is %q, subset %q; want a tag, +utf8face and yes:\n%s", name, sub, out)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > int64(len(face))/20 {
		t.Errorf("the PDF is %d bytes for a face of %d: the face is not subset", info.Size(), len(face))
	}
}

// Selecting a font, or another size of it, writes upstream's
// "BT /F<id> <size, two decimals> Tf ET" line to the page.
func TestFontSelectOperators(t *testing.T) {
	_, face := faceWithNonBMP(t)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddUTF8FontFromBytes("face", "", face)
	pdf.AddPage()
	pdf.SetFont("face", "", 12)
	pdf.SetFontSize(10.5)
	pdf.SetFontUnitSize(25.4 / 72 * 7.25) // 7.25 pt
	pdf.SetFont("Helvetica", "", 9.125)
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	got := regexp.MustCompile(`(?m)^BT /F\S+ (\S+) Tf ET$`).FindAllStringSubmatch(out.String(), -1)
	var sizes []string
	for _, m := range got {
		sizes = append(sizes, m[1])
	}
	if want := []string{"12.00", "10.50", "7.25", "9.12"}; !slices.Equal(sizes, want) {
		t.Errorf("font selections with sizes %q, want %q", sizes, want)
	}
}
