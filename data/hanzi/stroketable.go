package hanzi

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed strokes.txt
var strokesText string

// The stroke data's two dense ranges: the CJK Unified Ideographs with
// Extension A, and Extensions B to H; the few other characters (〇) are in
// a map.
const (
	strokeBMPLo, strokeBMPHi = 0x3400, 0x9FFF
	strokeSIPLo, strokeSIPHi = 0x20000, 0x323AF
)

// A stroke entry packs what is known of a character: the offset of its
// packed order in strokeTables.packed shifted left by 8, its stroke count
// in the low 7 bits and entryUnordered when only the count is known. 0 is
// a character without data.
const entryUnordered = 0x80

// strokeTables are the loaded stroke data. An order is packed three
// strokes a byte, d1·36 + d2·6 + d3 with each stroke's digit 1–5 and 0
// past the last stroke, so that packed orders of one count compare as
// their digits do.
type strokeTables struct {
	bmp    [strokeBMPHi - strokeBMPLo + 1]uint32
	sip    [strokeSIPHi - strokeSIPLo + 1]uint32
	other  map[rune]uint32
	packed []byte
	// compoundFirst has a bit for each character that begins a compound
	// surname (欧 of 欧阳), so that most names need no surname look-up.
	compoundFirst [(0xA000 - 0x4E00) / 64]uint64
}

var (
	strokesOnce   sync.Once
	strokesLoaded *strokeTables
)

// strokeData returns the stroke tables, reading the embedded text on first
// use.
func strokeData() *strokeTables {
	strokesOnce.Do(func() { strokesLoaded = loadStrokes(strokesText, data().surnames) })
	return strokesLoaded
}

// loadStrokes parses strokes.txt (see genstroke.go for its form); the
// compound surnames are those of the 拼音 tables.
func loadStrokes(text string, surnames map[string][]uint16) *strokeTables {
	t := &strokeTables{other: map[rune]uint32{}, packed: make([]byte, 0, 320_000)}
	for line := range strings.Lines(text) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		hex, rest, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		cp, err := strconv.ParseUint(hex, 16, 32)
		if !ok || err != nil {
			continue
		}
		r := rune(cp)
		for f := range strings.SplitSeq(rest, " ") {
			var e uint32
			switch {
			case f == "-":
			case strings.HasPrefix(f, "="):
				if n, err := strconv.Atoi(f[1:]); err == nil && n > 0 && n < entryUnordered {
					e = uint32(n) | entryUnordered
				}
			case len(f) > 0 && len(f) < entryUnordered && strings.Trim(f, "12345") == "":
				e = uint32(len(t.packed))<<8 | uint32(len(f))
				t.packed = packOrder(t.packed, f)
			}
			t.set(r, e)
			r++
		}
	}
	for s := range surnames {
		if first, size := utf8.DecodeRuneInString(s); size < len(s) && first >= 0x4E00 && first < 0xA000 {
			i := first - 0x4E00
			t.compoundFirst[i/64] |= 1 << (i % 64)
		}
	}
	return t
}

// packOrder appends the packed form of order, its digits '1'–'5'.
func packOrder(dst []byte, order string) []byte {
	for i := 0; i < len(order); i += 3 {
		var b byte
		for j := i; j < i+3; j++ {
			b *= 6
			if j < len(order) {
				b += order[j] - '0'
			}
		}
		dst = append(dst, b)
	}
	return dst
}

// mayBeCompound reports whether r begins a compound surname.
func (t *strokeTables) mayBeCompound(r rune) bool {
	if r < 0x4E00 || r >= 0xA000 {
		return false
	}
	i := r - 0x4E00
	return t.compoundFirst[i/64]&(1<<(i%64)) != 0
}

// set records r's entry.
func (t *strokeTables) set(r rune, e uint32) {
	switch {
	case e == 0:
	case r >= strokeBMPLo && r <= strokeBMPHi:
		t.bmp[r-strokeBMPLo] = e
	case r >= strokeSIPLo && r <= strokeSIPHi:
		t.sip[r-strokeSIPLo] = e
	default:
		t.other[r] = e
	}
}

// entry is r's entry, 0 if the data has none.
func (t *strokeTables) entry(r rune) uint32 {
	switch {
	case r >= strokeBMPLo && r <= strokeBMPHi:
		return t.bmp[r-strokeBMPLo]
	case r >= strokeSIPLo && r <= strokeSIPHi:
		return t.sip[r-strokeSIPLo]
	case r < 0x3000:
		return 0
	}
	return t.other[r]
}

// Strokes returns what the stroke data knows of the character r: its
// number of strokes and their order as digits, 1 横 (提 included), 2 竖
// (竖钩 included), 3 撇, 4 点 (捺 included), 5 折, as 《GB13000.1字符集汉字笔顺规范》
// classes them (王 4 "1121", 马 3 "551"). order is "" when only the count
// is known; count is 0 for a character without data (or not a Chinese
// character).
func Strokes(r rune) (count int, order string) {
	t := strokeData()
	e := t.entry(r)
	count = int(e & (entryUnordered - 1))
	if e&entryUnordered != 0 || count == 0 {
		return count, ""
	}
	digits := make([]byte, 0, count+2)
	for _, b := range t.packed[e>>8 : int(e>>8)+(count+2)/3] {
		digits = append(digits, '0'+b/36, '0'+b/6%6, '0'+b%6)
	}
	return count, string(digits[:count])
}
