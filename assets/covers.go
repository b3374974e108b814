package assets

import (
	"sync"

	"golang.org/x/image/font/sfnt"
)

// coverLimit is the end of the code points a coverage set records: the BMP
// and the Supplementary Ideographic Planes 2 and 3. The faces have nothing
// beyond it.
const coverLimit = 0x40000

// coverage is a bit per code point below coverLimit, set when a face maps
// the code point to a glyph.
type coverage [coverLimit / 64]uint64

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < coverLimit && c[r/64]&(1<<(uint(r)%64)) != 0
}

// coverageOf reads the cmap of a TrueType face into a coverage set. It
// panics if the data is not a font: the faces are compiled in, so that is a
// build defect, not a condition to handle at run time.
func coverageOf(data []byte) *coverage {
	f, err := sfnt.Parse(data)
	if err != nil {
		panic("assets: embedded font: " + err.Error())
	}
	c := new(coverage)
	var buf sfnt.Buffer
	for r := rune(0); r < coverLimit; r++ {
		if r == 0xD800 { // surrogates are not characters
			r = 0xE000
		}
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			c[r/64] |= 1 << (uint(r) % 64)
		}
	}
	return c
}

var (
	printCoverage = sync.OnceValue(func() *coverage { return coverageOf(PrintSong) })
	uiCoverage    = sync.OnceValue(func() *coverage { return coverageOf(UISans) })
)

// PrintCovers reports whether the print faces (PrintSong, PrintTitle and
// PrintHei, which have the same characters) have a glyph for r. The first
// call reads the Song face's character map, once.
func PrintCovers(r rune) bool { return printCoverage().has(r) }

// UICovers reports whether the regular face of the user interface (UISans)
// has a glyph for r. The first call reads its character map, once.
func UICovers(r rune) bool { return uiCoverage().has(r) }
