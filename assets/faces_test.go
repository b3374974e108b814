package assets

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// commonPunctuation is the punctuation of Chinese text every face must draw.
const commonPunctuation = "、，。：；？！“”‘’（）《》〔〕【】—…·"

// documentSymbols are the marks printed forms and the user interface use.
const documentSymbols = "①②⑩⑳〔〕【】《》「」『』○□■☐☑√×▲▼▶✓"

// faces are the embedded faces, by the name a failure reports.
var faces = []struct {
	name string
	data []byte
}{
	{"PrintSong", PrintSong},
	{"PrintTitle", PrintTitle},
	{"PrintHei", PrintHei},
	{"UISans", UISans},
	{"UISansBold", UISansBold},
}

// tongyong reads the 8,105 characters of 《通用规范汉字表》 from the table
// kept with the hanzi package's tests.
func tongyong(t testing.TB) []rune {
	t.Helper()
	f, err := os.Open("../data/hanzi/testdata/tongyong-8105.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []rune
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "U+") {
			continue
		}
		cp, err := strconv.ParseUint(strings.Fields(line)[0][2:], 16, 32)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		out = append(out, rune(cp))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) != 8105 {
		t.Fatalf("the table has %d characters, want 8,105", len(out))
	}
	return out
}

// inkOf loads the glyph of r and returns its bounds, and whether it has a
// cubic segment (TrueType outlines have none). It fails when r has no glyph.
func inkOf(f *sfnt.Font, buf *sfnt.Buffer, r rune) (fixed.Rectangle26_6, bool, error) {
	g, err := f.GlyphIndex(buf, r)
	if err != nil {
		return fixed.Rectangle26_6{}, false, err
	}
	if g == 0 {
		return fixed.Rectangle26_6{}, false, fmt.Errorf("no glyph")
	}
	segs, err := f.LoadGlyph(buf, g, fixed.I(1000), nil)
	if err != nil {
		return fixed.Rectangle26_6{}, false, err
	}
	cubic := false
	for _, s := range segs {
		cubic = cubic || s.Op == sfnt.SegmentOpCubeTo
	}
	return segs.Bounds(), cubic, nil
}

func TestEveryFaceDrawsEveryCharacterOfTheTable(t *testing.T) {
	chars := append(tongyong(t), []rune(commonPunctuation+documentSymbols)...)
	beyondBMP := 0
	for _, r := range chars {
		if r > 0xFFFF {
			beyondBMP++
		}
	}
	if beyondBMP < 190 {
		t.Fatalf("%d characters outside the BMP in the test list, want the table's 196", beyondBMP)
	}
	for _, face := range faces {
		t.Run(face.name, func(t *testing.T) {
			f, err := sfnt.Parse(face.data)
			if err != nil {
				t.Fatal(err)
			}
			var buf sfnt.Buffer
			var missing []string
			for _, r := range chars {
				b, cubic, err := inkOf(f, &buf, r)
				switch {
				case err != nil:
					missing = append(missing, fmt.Sprintf("%c U+%04X (%v)", r, r, err))
				case b.Max.X <= b.Min.X || b.Max.Y <= b.Min.Y:
					missing = append(missing, fmt.Sprintf("%c U+%04X (empty glyph)", r, r))
				case cubic:
					t.Fatalf("%c U+%04X has cubic curves: not a TrueType outline", r, r)
				}
			}
			if len(missing) > 0 {
				t.Errorf("%d of %d characters not drawn, first: %s", len(missing), len(chars),
					strings.Join(missing[:min(len(missing), 20)], ", "))
			}
		})
	}
}

func TestFacesAreRenamed(t *testing.T) {
	// A modified OFL font does not keep the original's name: no family may
	// present itself as Noto or Source (the reserved name of Noto CJK).
	want := map[string]string{
		"PrintSong": "Dangjian Song", "PrintTitle": "Dangjian Song Title", "PrintHei": "Dangjian Hei",
		"UISans": "Dangjian Sans", "UISansBold": "Dangjian Hei",
	}
	for _, face := range faces {
		f, err := sfnt.Parse(face.data)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		for _, id := range []sfnt.NameID{sfnt.NameIDFamily, sfnt.NameIDFull, sfnt.NameIDPostScript} {
			name, err := f.Name(&buf, id)
			if err != nil {
				t.Fatalf("%s: name %d: %v", face.name, id, err)
			}
			if strings.Contains(name, "Noto") || strings.Contains(name, "Source") {
				t.Errorf("%s: name %d is %q, still the original's", face.name, id, name)
			}
		}
		if fam, _ := f.Name(&buf, sfnt.NameIDFamily); fam != want[face.name] {
			t.Errorf("%s: family %q, want %q", face.name, fam, want[face.name])
		}
	}
}

func TestCoverage(t *testing.T) {
	for _, c := range []struct {
		r         rune
		print, ui bool
		why       string
	}{
		{'王', true, true, "GB 2312"},
		{'堃', true, true, "in the table, not in GB 2312"},
		{'𬱖', true, true, "in the table, outside the BMP"},
		{'𫖮', true, true, "in the table, outside the BMP"},
		{'A', true, true, "Basic Latin"},
		{'é', true, true, "Latin-1"},
		{'①', true, true, "enclosed numeral"},
		{'〔', true, true, "document-number bracket"},
		{'☑', true, true, "ticked box"},
		{'龍', false, true, "GBK hanzi outside the table: UI only"},
		{'喆', true, true, "name character"},
		{'한', false, false, "Hangul, not kept"},
		{0x1F600, false, false, "emoji"},
		{0x30000, false, false, "CJK Extension G"},
		{0x110000, false, false, "not a code point"},
		{-1, false, false, "negative"},
	} {
		if got := PrintCovers(c.r); got != c.print {
			t.Errorf("PrintCovers(U+%04X %s) = %v, want %v", c.r, c.why, got, c.print)
		}
		if got := UICovers(c.r); got != c.ui {
			t.Errorf("UICovers(U+%04X %s) = %v, want %v", c.r, c.why, got, c.ui)
		}
	}
}

func TestCoverageAgreesWithEveryPrintFace(t *testing.T) {
	// PrintCovers is read from the Song face; the title and Hei faces must
	// have the same characters, or a title could lose one silently.
	song := coverageOf(PrintSong)
	for _, face := range faces[1:3] {
		if other := coverageOf(face.data); *other != *song {
			n := 0
			for r := rune(0); r < coverLimit; r++ {
				if other.has(r) != song.has(r) {
					n++
				}
			}
			t.Errorf("%s and PrintSong differ on %d characters", face.name, n)
		}
	}
}

func BenchmarkPrintCovers(b *testing.B) {
	PrintCovers('王')
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		PrintCovers(rune(0x4E00 + i%0x5000))
	}
}

func BenchmarkCoverageOf(b *testing.B) {
	for b.Loop() {
		coverageOf(PrintSong)
	}
}

func TestNamesAreTheFilesOfTheFaces(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
	}{
		{PrintSongName, PrintSong}, {PrintTitleName, PrintTitle}, {PrintHeiName, PrintHei},
		{UISansName, UISans}, {UISansBoldName, UISansBold},
	} {
		file, err := os.ReadFile("fonts/" + c.name)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !bytes.Equal(file, c.data) {
			t.Errorf("%s is not the face registered under its name", c.name)
		}
	}
}

func TestFacesStayWithinTheirSizeBudget(t *testing.T) {
	// The binary carries every face: 16.5 MB now (the interface face 7 MB
	// of it, for GBK's hanzi). A face that grows much, by hinting or a
	// wider subset, should be a decision, not an accident.
	total := 0
	for _, face := range faces[:4] { // UISansBold is PrintHei
		total += len(face.data)
	}
	const budget = 18 << 20
	if total > budget {
		t.Errorf("the faces take %d bytes, more than the budget of %d", total, budget)
	}
}
