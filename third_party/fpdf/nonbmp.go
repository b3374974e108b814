// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode/utf16"
)

// A UTF-8 font is written with the Identity-H encoding: two bytes per
// character, a CID. A character of the BMP is its own CID. A character
// outside the BMP is given, in order of first use in the document, a CID of
// the UTF-16 surrogate range, which no character has; the CIDToGIDMap, the
// widths and the ToUnicode CMap of the font say which glyph, width and
// character that CID stands for.
const (
	firstWideCID = 0xD800
	lastWideCID  = 0xDFFF
)

// wideCIDs holds, for one font of one document, the CIDs given to the
// characters outside the BMP.
type wideCIDs struct {
	cid   map[rune]int // character -> CID
	runes []rune       // runes[i] has the CID firstWideCID+i
}

// newWideCIDs returns an empty set of CIDs.
func newWideCIDs() *wideCIDs {
	return &wideCIDs{cid: make(map[rune]int)}
}

// get returns the CID of r, giving it the next free one if r has none yet;
// 0 (drawn as .notdef) when all 2,048 are taken.
func (w *wideCIDs) get(r rune) int {
	if cid, ok := w.cid[r]; ok {
		return cid
	}
	if len(w.runes) > lastWideCID-firstWideCID {
		return 0
	}
	cid := firstWideCID + len(w.runes)
	w.cid[r] = cid
	w.runes = append(w.runes, r)
	return cid
}

// rune returns the character that cid stands for, if cid is one of the
// CIDs given.
func (w *wideCIDs) rune(cid int) (rune, bool) {
	if w == nil || cid < firstWideCID || cid-firstWideCID >= len(w.runes) {
		return 0, false
	}
	return w.runes[cid-firstWideCID], true
}

// hasGlyph reports whether the UTF-8 font has a glyph for r.
func (font *fontDefType) hasGlyph(r rune) bool {
	if r >= 0 && int(r) < len(font.Cw) {
		return font.Cw[r] != 0
	}
	_, ok := font.wideCw[int(r)]
	return ok
}

// runeWidth returns the width of r in the UTF-8 font, in thousandths of the
// font size: the width of .notdef (MissingWidth) for a character the font
// has no glyph for, which is what is drawn then.
func (font *fontDefType) runeWidth(r rune) int {
	var w int
	if r >= 0 && int(r) < len(font.Cw) {
		w = font.Cw[r]
	} else {
		w = font.wideCw[int(r)]
	}
	switch w {
	case 0: // no glyph
		return font.Desc.MissingWidth
	case 65535: // a glyph of no width
		return 0
	}
	return w
}

// cidWidth returns the width of the glyph that cid shows, for the widths
// array of the font, and whether the array lists it: it does when the font
// has a glyph for the character and the document uses it (or it is one of
// the first 256).
func (font *fontDefType) cidWidth(cid int) (width int, listed bool) {
	if r, ok := font.wideCIDs.rune(cid); ok {
		width = font.wideCw[int(r)]
	} else if cid < len(font.Cw) {
		width = font.Cw[cid]
		if width == 0 {
			return 0, false
		}
		if numb, ok := font.usedRunes[cid]; cid > 255 && (!ok || numb == 0) {
			return 0, false
		}
	}
	switch width {
	case 0:
		return 0, false
	case 65535:
		return 0, true
	}
	return width, true
}

// encodeUTF8 returns the string s as the current UTF-8 font shows it: two
// bytes, a CID, per character (not yet escaped). It notes the characters
// used, for the font subset, gives CIDs to those outside the BMP and records
// the characters the font has no glyph for (see MissingGlyphs).
func (f *Fpdf) encodeUTF8(s string) string {
	font := &f.currentFont
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		cid := f.cid(font, r)
		b = append(b, byte(cid>>8), byte(cid))
	}
	return string(b)
}

// appendUTF8Escaped appends s to dst as encodeUTF8 encodes it, escaped as
// escape does (a backslash before \, ( and ), and \r for a carriage return).
func (f *Fpdf) appendUTF8Escaped(dst []byte, s string) []byte {
	font := &f.currentFont
	for _, r := range s {
		cid := f.cid(font, r)
		dst = appendEscapedByte(dst, byte(cid>>8))
		dst = appendEscapedByte(dst, byte(cid))
	}
	return dst
}

// appendEscaped appends s to dst escaped as escape does.
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = appendEscapedByte(dst, s[i])
	}
	return dst
}

// appendEscapedByte appends one byte of a PDF string, escaped.
func appendEscapedByte(dst []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(dst, '\\', c)
	case '\r':
		return append(dst, '\\', 'r')
	}
	return append(dst, c)
}

// cid returns the CID of r in the UTF-8 font, noting r as used (for the
// subset), giving it a CID when it lies outside the BMP and recording it
// when the font has no glyph for it.
func (f *Fpdf) cid(font *fontDefType, r rune) int {
	if r >= 0 && r < 0x10000 && font.usedBMP != nil {
		// The map is written once per character, not once per use.
		if !font.usedBMP.has(r) {
			font.usedBMP.add(r)
			font.usedRunes[int(r)] = int(r)
		}
	} else {
		font.usedRunes[int(r)] = int(r)
	}
	if r >= ' ' && !font.hasGlyph(r) {
		if f.missingGlyphs == nil {
			f.missingGlyphs = make(map[rune]bool)
		}
		f.missingGlyphs[r] = true
	}
	if r > 0xFFFF {
		return font.wideCIDs.get(r)
	}
	return int(r)
}

// runeBits is a set of BMP runes.
type runeBits [0x10000 / 64]uint64

func (b *runeBits) has(r rune) bool { return b[r>>6]&(1<<(r&63)) != 0 }
func (b *runeBits) add(r rune)      { b[r>>6] |= 1 << (r & 63) }

// MissingGlyphs returns the characters, sorted and each once, that the
// document was asked to print with a UTF-8 font that has no glyph for them.
// Such a character is printed as the font's .notdef glyph (usually an empty
// box) and still copies out of the PDF as itself; a caller can name these
// characters to the user or print them with another font.
func (f *Fpdf) MissingGlyphs() []rune {
	runes := make([]rune, 0, len(f.missingGlyphs))
	for r := range f.missingGlyphs {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	return runes
}

// toUnicodeCMap returns the ToUnicode CMap of a UTF-8 font: each BMP CID
// maps to the character of that code, each CID of the surrogate range given
// to a character outside the BMP to that character (a UTF-16 surrogate
// pair). Blocks hold at most 100 entries.
func (font *fontDefType) toUnicodeCMap() []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	// Identity, one range per first byte (a range increments the last
	// byte only), the surrogates left out; at most 100 entries a block.
	var firstBytes []int
	for hi := 0; hi <= 0xFF; hi++ {
		if hi < firstWideCID>>8 || hi > lastWideCID>>8 {
			firstBytes = append(firstBytes, hi)
		}
	}
	for start := 0; start < len(firstBytes); start += 100 {
		block := firstBytes[start:min(start+100, len(firstBytes))]
		fmt.Fprintf(&b, "%d beginbfrange\n", len(block))
		for _, hi := range block {
			fmt.Fprintf(&b, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi)
		}
		b.WriteString("endbfrange\n")
	}
	var runes []rune
	if font.wideCIDs != nil {
		runes = font.wideCIDs.runes
	}
	for start := 0; start < len(runes); start += 100 {
		block := runes[start:min(start+100, len(runes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for i, r := range block {
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&b, "<%04X> <%04X%04X>\n", firstWideCID+start+i, hi, lo)
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return []byte(b.String())
}

// subsetTag returns the tag that names an embedded subset of a font: six
// capital letters made from the characters it holds, as PDF 32000-1, 9.6.4
// asks, so that readers (and pdffonts) know the face is a subset. The same
// characters give the same tag.
func subsetTag(used map[int]int) string {
	runes := make([]int, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	h := fnv.New64a()
	var b [4]byte
	for _, r := range runes {
		b[0], b[1], b[2], b[3] = byte(r>>24), byte(r>>16), byte(r>>8), byte(r)
		h.Write(b[:])
	}
	sum := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	return string(tag)
}
