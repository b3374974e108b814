// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// The characters these tests print: 𬱖 (U+2CC56) and 𬘬 (U+2C62C) are
// among the 8,105 of 《通用规范汉字表》 and lie outside the BMP, as does 𠀀
// (U+20000), which is not among them.
const (
	nonBMPName = "王𬱖"
	nonBMPChar = "𬱖"
)

// Faces with glyphs outside the BMP, in order of preference: the print
// faces of the application, then a face that Debian ships
// (fonts-hanazono).
var nonBMPFaceCandidates = []string{
	"../../assets/fonts/dangjian-song.ttf",
	"../../assets/fonts/*.ttf",
	"/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
}

// The face without a format 12 cmap, of the kind the library always printed
// with: a subset of the print face, 287 characters of the BMP
// (scripts/fonts/make_format4_face.py; licence in testdata/OFL.txt).
const format4Face = "testdata/format4-song.ttf"

// requireEnv, when set to 1 (make fpdf-test sets it), turns the skips of
// tests that lack poppler-utils or a face into failures, so that a check
// never passes without reading the PDFs back.
const requireEnv = "FPDF_TEST_REQUIRE"

// skipf skips the test, or fails it when requireEnv is set.
func skipf(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv(requireEnv) == "1" {
		tb.Fatalf(format+" ("+requireEnv+"=1: not skipped)", args...)
	}
	tb.Skipf(format, args...)
}

var nonBMPFace struct {
	once sync.Once
	path string
	data []byte
}

// faceWithNonBMP returns the first candidate face that has glyphs for 王
// and 𬱖, or skips the test.
func faceWithNonBMP(tb testing.TB) (string, []byte) {
	tb.Helper()
	path, data := findFaceWithNonBMP()
	if data == nil {
		skipf(tb, "no TrueType face with glyphs for %s (U+2CC56) among %v", nonBMPName, nonBMPFaceCandidates)
	}
	return path, data
}

// findFaceWithNonBMP returns the first candidate face that has glyphs for
// 王 and 𬱖; nil when there is none.
func findFaceWithNonBMP() (string, []byte) {
	nonBMPFace.once.Do(func() {
		for _, pattern := range nonBMPFaceCandidates {
			paths, _ := filepath.Glob(pattern)
			for _, path := range paths {
				data, err := os.ReadFile(path)
				if err != nil {
					continue
				}
				pdf := fpdf.New("P", "mm", "A4", "")
				pdf.AddUTF8FontFromBytes("face", "", data)
				pdf.AddPage()
				pdf.SetFont("face", "", 12)
				pdf.Text(10, 10, nonBMPName)
				if pdf.Err() || len(pdf.MissingGlyphs()) > 0 {
					continue
				}
				nonBMPFace.path, nonBMPFace.data = path, data
				return
			}
		}
	})
	return nonBMPFace.path, nonBMPFace.data
}

// readFace returns the contents of a font file of the repository.
func readFace(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("face %s: %v", path, err)
	}
	return data
}

// poppler returns the path of a poppler-utils program, or skips the test.
func poppler(tb testing.TB, name string) string {
	tb.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		skipf(tb, "%s is not installed (poppler-utils, see scripts/deps.sh): the PDF cannot be read back", name)
	}
	return path
}

// newDoc returns an A4 document in millimetres with one page and the face
// selected at size pt as family "face".
func newDoc(t testing.TB, face []byte, pt float64) *fpdf.Fpdf {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(true)
	pdf.AddUTF8FontFromBytes("face", "", face)
	pdf.AddPage()
	pdf.SetFont("face", "", pt)
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	return pdf
}

// writePDF writes the document into the test's temporary directory.
func writePDF(t *testing.T, pdf *fpdf.Fpdf) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// textLines returns the text pdftotext reads from the PDF, one entry per
// line, with the blanks around each line trimmed and empty lines left out.
func textLines(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var lines []string
	for _, line := range strings.Split(string(out), "\n") {
		if line = strings.TrimSpace(strings.Trim(line, "\f")); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// multiCellWidth returns the width of a MultiCell that holds exactly n
// ideographs a line.
func multiCellWidth(pdf *fpdf.Fpdf, n int) float64 {
	return float64(n)*pdf.GetStringWidth("王") + 2*pdf.GetCellMargin() + 0.01
}

// The text printed in a table cell, by Text and by MultiCell, with
// characters outside the BMP among others, is read back whole and in order
// from the PDF.
func TestNonBMPTextReadsBack(t *testing.T) {
	poppler(t, "pdftotext")
	_, face := faceWithNonBMP(t)
	cases := []struct {
		name string
		draw func(pdf *fpdf.Fpdf)
		want []string
	}{{
		name: "CellFormat left",
		draw: func(pdf *fpdf.Fpdf) {
			pdf.CellFormat(80, 10, "姓名："+nonBMPName+"（正式党员）", "1", 1, "L", false, 0, "")
		},
		want: []string{"姓名：王𬱖（正式党员）"},
	}, {
		name: "CellFormat centred",
		draw: func(pdf *fpdf.Fpdf) { pdf.CellFormat(80, 10, "第7党支部 "+nonBMPName, "1", 1, "C", false, 0, "") },
		want: []string{"第7党支部 王𬱖"},
	}, {
		name: "CellFormat right",
		draw: func(pdf *fpdf.Fpdf) { pdf.CellFormat(80, 10, nonBMPName+"𬘬同志", "LR", 1, "R", true, 0, "") },
		want: []string{"王𬱖𬘬同志"},
	}, {
		name: "Text",
		draw: func(pdf *fpdf.Fpdf) { pdf.Text(20, 20, "发展对象："+nonBMPName) },
		want: []string{"发展对象：王𬱖"},
	}, {
		name: "MultiCell wraps six to a line",
		draw: func(pdf *fpdf.Fpdf) {
			pdf.MultiCell(multiCellWidth(pdf, 6), 8, "王𬱖同志在支部委员会上作了关于王𬱖同志", "1", "L", false)
		},
		want: []string{"王𬱖同志在支", "部委员会上作", "了关于王𬱖同", "志"},
	}, {
		name: "MultiCell breaks at spaces",
		draw: func(pdf *fpdf.Fpdf) {
			pdf.MultiCell(multiCellWidth(pdf, 6), 8, "No. 王𬱖 2026", "", "L", false)
		},
		want: []string{"No. 王𬱖", "2026"},
	}, {
		name: "MultiCell justified",
		draw: func(pdf *fpdf.Fpdf) {
			pdf.MultiCell(multiCellWidth(pdf, 8), 8, "党员 王𬱖 张𬘬华 同志 2026 年度", "1", "J", false)
		},
		want: []string{"党员 王𬱖 张𬘬华", "同志 2026 年度"},
	}, {
		name: "Write",
		draw: func(pdf *fpdf.Fpdf) {
			pdf.Write(8, "发展对象 "+nonBMPName+" 同志")
		},
		want: []string{"发展对象 王𬱖 同志"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdf := newDoc(t, face, 14)
			pdf.SetFillColor(230, 230, 230)
			c.draw(pdf)
			if missing := pdf.MissingGlyphs(); len(missing) > 0 {
				t.Errorf("MissingGlyphs() = %q, want none", missing)
			}
			if got := textLines(t, writePDF(t, pdf)); !slices.Equal(got, c.want) {
				t.Errorf("pdftotext read %q, want %q", got, c.want)
			}
		})
	}
}

// A cell aligns text with characters outside the BMP by their true width:
// the words pdftotext finds end at the right margin of a right-aligned
// cell and are centred in a centred one.
func TestNonBMPCellAlignment(t *testing.T) {
	pdftotext := poppler(t, "pdftotext")
	_, face := faceWithNonBMP(t)
	const x, w, mmToPt = 20.0, 120.0, 72 / 25.4
	cases := []struct {
		align string
		edge  func(xMin, xMax, margin float64) (got, want float64)
	}{
		{"L", func(xMin, _, margin float64) (float64, float64) { return xMin, x + margin }},
		{"C", func(xMin, xMax, _ float64) (float64, float64) { return (xMin + xMax) / 2, x + w/2 }},
		{"R", func(_, xMax, margin float64) (float64, float64) { return xMax, x + w - margin }},
	}
	for _, c := range cases {
		t.Run(c.align, func(t *testing.T) {
			pdf := newDoc(t, face, 14)
			pdf.SetX(x)
			pdf.CellFormat(w, 10, "党员"+nonBMPName+"𬘬𬱖", "1", 1, c.align, false, 0, "")
			margin := pdf.GetCellMargin()
			out, err := exec.Command(pdftotext, "-bbox", writePDF(t, pdf), "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			var xMin, yMin, xMax float64
			var word string
			_, after, _ := strings.Cut(string(out), "<word ")
			if _, err := fmt.Sscanf(after, `xMin="%f" yMin="%f" xMax="%f"`, &xMin, &yMin, &xMax); err != nil {
				t.Fatalf("no word box in %s: %v", out, err)
			}
			if _, word, _ = strings.Cut(after, ">"); !strings.HasPrefix(word, "党员王𬱖𬘬𬱖<") {
				t.Fatalf("first word %q, want 党员王𬱖𬘬𬱖", word)
			}
			got, want := c.edge(xMin/mmToPt, xMax/mmToPt, margin)
			if d := got - want; d < -0.2 || d > 0.2 {
				t.Errorf("text edge at %.2f mm, want %.2f mm", got, want)
			}
		})
	}
}

// SplitText breaks lines where MultiCell does and loses no character.
func TestNonBMPSplitText(t *testing.T) {
	_, face := faceWithNonBMP(t)
	pdf := newDoc(t, face, 14)
	got := pdf.SplitText("王𬱖同志在支部委员会上作了关于王𬱖同志", multiCellWidth(pdf, 6))
	want := []string{"王𬱖同志在支", "部委员会上作", "了关于王𬱖同", "志"}
	if !slices.Equal(got, want) {
		t.Errorf("SplitText = %q, want %q", got, want)
	}
}

// A character outside the BMP measures as its glyph: as wide as a BMP
// ideograph in a CJK face; a character the face lacks as .notdef.
func TestNonBMPWidths(t *testing.T) {
	_, face := faceWithNonBMP(t)
	song := readFace(t, format4Face)
	cases := []struct {
		name      string
		face      []byte
		text, ref string
	}{
		{"non-BMP ideograph", face, nonBMPChar, "王"},
		{"another non-BMP ideograph", face, "𬘬", "王"},
		{"name", face, nonBMPName, "王小"},
		{"with Latin", face, "A" + nonBMPChar + "1", "A王1"},
		{"lacking face: .notdef, as a lacked BMP character", song, nonBMPChar, "\uFFFE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdf := newDoc(t, c.face, 12)
			got, want := pdf.GetStringWidth(c.text), pdf.GetStringWidth(c.ref)
			if got != want || got <= 0 {
				t.Errorf("GetStringWidth(%q) = %v, want %v (that of %q)", c.text, got, want, c.ref)
			}
		})
	}
}

// Drawn, the character outside the BMP leaves ink where it stands, as a
// BMP ideograph does, and not the .notdef box of a character the face
// lacks: its glyph is in the font subset embedded in the PDF and reached
// through the CIDToGIDMap.
func TestNonBMPGlyphHasInk(t *testing.T) {
	pdftoppm := poppler(t, "pdftoppm")
	_, face := faceWithNonBMP(t)
	pdf := newDoc(t, face, 72) // 1 inch: a glyph fills about 72×72 pixels at 72 dpi
	pdf.SetXY(0, 0)
	pdf.SetCellMargin(0)
	chars := []string{nonBMPChar, "王", "\uFFFE"} // U+FFFE is no character: .notdef
	for _, c := range chars {
		pdf.CellFormat(25.4, 25.4, c, "", 0, "LM", false, 0, "")
	}
	path := writePDF(t, pdf)

	const side = 72
	cells := make([][]byte, len(chars))
	for i := range chars {
		out, err := exec.Command(pdftoppm, "-r", "72", "-gray", "-x", fmt.Sprint(i*side), "-y", "0",
			"-W", fmt.Sprint(side), "-H", fmt.Sprint(side), path).Output()
		if err != nil {
			t.Fatalf("pdftoppm: %v", err)
		}
		if cells[i], err = pgmPixels(out); err != nil {
			t.Fatal(err)
		}
	}
	dark := func(pixels []byte) int {
		n := 0
		for _, p := range pixels {
			if p < 128 {
				n++
			}
		}
		return n
	}
	differ := 0
	for i, p := range cells[0] {
		if (p < 128) != (cells[2][i] < 128) {
			differ++
		}
	}
	glyph, bmp := dark(cells[0]), dark(cells[1])
	t.Logf("dark pixels: %s %d, 王 %d, .notdef %d; %d differ from .notdef", nonBMPChar, glyph, bmp, dark(cells[2]), differ)
	if bmp == 0 || glyph < bmp/2 {
		t.Errorf("%d pixels are dark where %s is drawn, want at least half of the %d of 王", glyph, nonBMPChar, bmp)
	}
	if differ < glyph/2 {
		t.Errorf("%s drawn differs from .notdef in %d pixels only", nonBMPChar, differ)
	}
}

// pgmPixels returns the samples of a binary 8-bit PGM (P5) image.
func pgmPixels(data []byte) ([]byte, error) {
	var magic string
	var w, h, maxVal int
	r := bytes.NewReader(data)
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxVal); err != nil || magic != "P5" {
		return nil, fmt.Errorf("not a PGM image (%s): %v", magic, err)
	}
	if maxVal > 255 {
		return nil, fmt.Errorf("PGM of %d levels, want 8 bits", maxVal)
	}
	pixels := data[len(data)-r.Len()+1:] // one whitespace byte after the header
	if len(pixels) != w*h {
		return nil, fmt.Errorf("PGM of %d×%d has %d samples", w, h, len(pixels))
	}
	return pixels, nil
}

// A face without the character prints .notdef in its place, without a
// panic, and the document names the character in MissingGlyphs; the text
// still copies out of the PDF whole.
func TestMissingGlyphs(t *testing.T) {
	poppler(t, "pdftotext")
	song := readFace(t, format4Face)
	pdf := newDoc(t, song, 14)
	pdf.CellFormat(80, 10, "党员"+nonBMPName, "1", 1, "L", false, 0, "")
	pdf.MultiCell(80, 10, "𠀀与"+nonBMPName, "", "L", false)
	pdf.Text(20, 60, "王"+nonBMPChar)
	want := []rune{0x20000, 0x2CC56}
	if got := pdf.MissingGlyphs(); !slices.Equal(got, want) {
		t.Errorf("MissingGlyphs() = %U, want %U", got, want)
	}
	if got, want := textLines(t, writePDF(t, pdf)), []string{"党员王𬱖", "𠀀与王𬱖", "王𬱖"}; !slices.Equal(got, want) {
		t.Errorf("pdftotext read %q, want %q", got, want)
	}
}

// A face with a format 4 cmap only (no format 12) prints as before, and a
// document whose characters are all in the face reports none missing.
func TestFormat4FaceUnchanged(t *testing.T) {
	poppler(t, "pdftotext")
	song := readFace(t, format4Face)
	if formats := cmapFormats(t, song); !slices.Equal(formats, []uint16{4, 4}) {
		t.Fatalf("%s has cmap subtables of formats %v, want two of format 4 only", format4Face, formats)
	}
	pdf := newDoc(t, song, 14)
	pdf.CellFormat(80, 10, "中共某大学委员会组织部", "1", 1, "C", false, 0, "")
	pdf.MultiCell(multiCellWidth(pdf, 5), 8, "党员教育管理工作台账", "1", "L", false)
	if got := pdf.MissingGlyphs(); len(got) != 0 {
		t.Errorf("MissingGlyphs() = %U, want none", got)
	}
	want := []string{"中共某大学委员会组织部", "党员教育管", "理工作台账"}
	if got := textLines(t, writePDF(t, pdf)); !slices.Equal(got, want) {
		t.Errorf("pdftotext read %q, want %q", got, want)
	}
}

// cmapFormats returns the format of each subtable of a TrueType face's
// cmap table, in the order they are listed.
func cmapFormats(t *testing.T, face []byte) []uint16 {
	t.Helper()
	u16 := func(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }
	u32 := func(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
	for i := range int(u16(face[4:])) {
		record := face[12+16*i:]
		if string(record[:4]) != "cmap" {
			continue
		}
		cmap := face[u32(record[8:]):]
		var formats []uint16
		for j := range int(u16(cmap[2:])) {
			formats = append(formats, u16(cmap[u32(cmap[4+8*j+4:]):]))
		}
		return formats
	}
	t.Fatal("the face has no cmap table")
	return nil
}

// The document information (title, author) keeps characters outside the BMP.
func TestNonBMPDocumentInformation(t *testing.T) {
	pdfinfo := poppler(t, "pdfinfo")
	_, face := faceWithNonBMP(t)
	pdf := newDoc(t, face, 12)
	pdf.SetTitle(nonBMPName+"的档案", true)
	pdf.SetAuthor(nonBMPName, true)
	path := writePDF(t, pdf)
	out, err := exec.Command(pdfinfo, "-enc", "UTF-8", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	info := make(map[string]string)
	for _, line := range strings.Split(string(out), "\n") {
		if key, value, ok := strings.Cut(line, ":"); ok {
			info[key] = strings.TrimSpace(value)
		}
	}
	if info["Title"] != nonBMPName+"的档案" || info["Author"] != nonBMPName {
		t.Errorf("pdfinfo read title %q and author %q, want %q and %q", info["Title"], info["Author"], nonBMPName+"的档案", nonBMPName)
	}
}

// A face parsed once serves documents made at the same time: each prints
// its own text, gives CIDs to its own characters outside the BMP and
// records its own missing characters.
func TestParsedFontSharedByDocuments(t *testing.T) {
	poppler(t, "pdftotext")
	_, face := faceWithNonBMP(t)
	parsed, err := fpdf.ParseUTF8Font(face)
	if err != nil {
		t.Fatal(err)
	}
	song, err := fpdf.ParseUTF8Font(readFace(t, format4Face))
	if err != nil {
		t.Fatal(err)
	}
	docs := []struct {
		lines   []string
		missing []rune
	}{
		{[]string{"王𬱖", "张𬘬华"}, []rune{}},
		{[]string{"张𬘬华", "王𬱖", "𬱖与𬘬"}, []rune{}},
		{[]string{"李明", "王𬱖"}, []rune{0x2CC56}},
	}
	paths := make([]string, len(docs))
	missing := make([][]rune, len(docs))
	errs := make([]error, len(docs))
	dir := t.TempDir()
	var wg sync.WaitGroup
	for i, doc := range docs {
		wg.Go(func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromParsed("face", "", parsed)
			pdf.AddUTF8FontFromParsed("song", "", song)
			pdf.AddPage()
			for j, line := range doc.lines {
				if i == 2 && j == 1 {
					pdf.SetFont("song", "", 14) // lacks 𬱖
				} else {
					pdf.SetFont("face", "", 14)
				}
				pdf.CellFormat(80, 10, line, "1", 1, "L", false, 0, "")
			}
			missing[i] = pdf.MissingGlyphs()
			paths[i] = filepath.Join(dir, fmt.Sprintf("doc%d.pdf", i))
			errs[i] = pdf.OutputFileAndClose(paths[i])
		})
	}
	wg.Wait()
	for i, doc := range docs {
		if errs[i] != nil {
			t.Fatalf("document %d: %v", i, errs[i])
		}
		if !slices.Equal(missing[i], doc.missing) {
			t.Errorf("document %d: MissingGlyphs() = %U, want %U", i, missing[i], doc.missing)
		}
		if got := textLines(t, paths[i]); !slices.Equal(got, doc.lines) {
			t.Errorf("document %d: pdftotext read %q, want %q", i, got, doc.lines)
		}
	}
}
