package hanzi

import (
	"bytes"
	"unicode"
)

// Class bytes of characters without a reading: above every letter.
const (
	classUnknownHan = 'z' + 1 + iota
	classDigit
	classOther
)

// PinyinKey returns a key whose byte order is ComparePinyin's order:
// computing it once per name makes sorting many names fast.
func PinyinKey(name string) string {
	var buf [96]byte
	return string(appendKey(buf[:0], data(), name))
}

// ComparePinyin orders names by 拼音: -1 if a sorts before b, 0 if they are
// equal, +1 otherwise.
//
// Names compare character by character, so that the people of one surname
// stay together (all 陈 before all 沈). Characters compare by the letters of
// their reading (u and ü alike), then u before ü (lu, lü, luan, lüe), then
// tone (1, 2, 3, 4, neutral), then code point, so that characters of one
// reading (张, 章) do not interleave and the order is total. The surname is
// read as a surname. A letter that is not a Chinese character (Anna, ＡＢ)
// sorts with the readings spelt with it, just before them (A before 阿);
// then come characters of unknown reading, then digits, then everything
// else, each by code point. A name that is the beginning of another sorts
// first.
func ComparePinyin(a, b string) int {
	t := data()
	var ba, bb [96]byte
	return bytes.Compare(appendKey(ba[:0], t, a), appendKey(bb[:0], t, b))
}

// appendKey appends name's pinyin key to dst: for each character its
// letters (or a class byte above 'z'), a 0 byte, a tone byte (0 for a
// letter, 1–5, 6–10 for ü) and its code point in three bytes; a byte that is
// not UTF-8 counts as code point 0x110000 plus its value.
func appendKey(dst []byte, t *tables, name string) []byte {
	w := t.walk(name)
	for {
		r, raw, syl, ok := w.next()
		if !ok {
			return dst
		}
		dst = appendCharKey(dst, t, r, raw, syl)
	}
}

// appendCharKey appends one character's key: r (-1 for the byte raw that
// is not UTF-8) with the syllable syl of its reading, 0 if none.
func appendCharKey(dst []byte, t *tables, r rune, raw byte, syl uint16) []byte {
	var tone byte
	switch {
	case syl != 0:
		s := &t.syllables[syl-1]
		dst = append(dst, s.letters...)
		tone = s.tone
		if s.umlaut {
			tone += 5
		}
	case r < 0:
		dst = append(dst, classOther)
		r = 0x110000 + rune(raw)
	default:
		f := fold(r)
		switch {
		case f >= 'a' && f <= 'z':
			dst = append(dst, byte(f))
		case unicode.Is(unicode.Han, r):
			dst = append(dst, classUnknownHan)
		case unicode.IsDigit(r):
			dst = append(dst, classDigit)
		default:
			dst = append(dst, classOther)
		}
	}
	return append(dst, 0, tone, byte(r>>16), byte(r>>8), byte(r))
}
