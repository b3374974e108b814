package pdf

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"dangjian/assets"
)

// face is one of the three print faces a rendered document uses.
type face int

// The faces: body text (宋体), headings and table headers (黑体), and titles
// (小标宋 style).
const (
	faceSong face = iota
	faceHei
	faceTitle
	faceCount
)

// faceFamilies name the faces inside the PDF.
var faceFamilies = [faceCount]string{faceSong: "song", faceHei: "hei", faceTitle: "title"}

// faceData returns the TrueType data of a face.
func faceData(f face) []byte {
	switch f {
	case faceHei:
		return assets.PrintHei
	case faceTitle:
		return assets.PrintTitle
	}
	return assets.PrintSong
}

// faceInfo is what the renderer needs of a face's font file: its glyph
// coverage and advance widths, read with sfnt (which reads the format 12
// cmap of characters outside the BMP too).
type faceInfo struct {
	font   *sfnt.Font
	upem   fixed.Int26_6
	parsed *fpdf.UTF8Font // the face as the PDF library reads it, shared by documents
}

var (
	faceInfoMu    sync.Mutex
	faceInfoCache = map[*byte]*faceInfo{}
)

// parsedFace parses a face's data once per process (a large face takes
// tens of milliseconds to read).
func parsedFace(data []byte) (*faceInfo, error) {
	faceInfoMu.Lock()
	defer faceInfoMu.Unlock()
	if fi, ok := faceInfoCache[&data[0]]; ok {
		return fi, nil
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	parsed, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		return nil, err
	}
	fi := &faceInfo{font: f, upem: fixed.I(int(f.UnitsPerEm())), parsed: parsed}
	faceInfoCache[&data[0]] = fi
	return fi, nil
}

// glyphCache holds, per rune, a face's advance width in thousandths of
// the em and whether the face has a glyph for it. BMP runes are kept in
// flat arrays (a roster measures hundreds of thousands of runes).
type glyphCache struct {
	info  *faceInfo
	buf   sfnt.Buffer
	width []float32 // BMP: width in 1/1000 em; negative when not yet read
	has   []bool    // BMP: the face has a glyph (valid when width ≥ 0)
	other map[rune]glyphEntry
}

type glyphEntry struct {
	width float32
	has   bool
}

// missingWidth is the advance of a character the face lacks (its box),
// in 1/1000 em.
const missingWidth = 1000

func newGlyphCache(info *faceInfo) *glyphCache {
	c := &glyphCache{info: info, width: make([]float32, 0x10000), has: make([]bool, 0x10000),
		other: map[rune]glyphEntry{}}
	for i := range c.width {
		c.width[i] = -1
	}
	return c
}

// get returns a rune's width (1/1000 em) and whether the face has it. The
// word joiner takes no room and needs no glyph.
func (c *glyphCache) get(r rune) (float32, bool) {
	if r < 0x10000 {
		if w := c.width[r]; w >= 0 {
			return w, c.has[r]
		}
		w, ok := c.read(r)
		c.width[r], c.has[r] = w, ok
		return w, ok
	}
	if e, ok := c.other[r]; ok {
		return e.width, e.has
	}
	w, ok := c.read(r)
	c.other[r] = glyphEntry{w, ok}
	return w, ok
}

func (c *glyphCache) read(r rune) (float32, bool) {
	if r == wordJoiner {
		return 0, true
	}
	idx, err := c.info.font.GlyphIndex(&c.buf, r)
	if err != nil || idx == 0 {
		if r < 0x20 {
			return 0, true // control characters are not drawn
		}
		return missingWidth, false
	}
	adv, err := c.info.font.GlyphAdvance(&c.buf, idx, c.info.upem, font.HintingNone)
	if err != nil {
		return missingWidth, true
	}
	return float32(float64(adv) * 1000 / float64(c.info.upem)), true
}
