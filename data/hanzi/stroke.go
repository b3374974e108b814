package hanzi

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// 姓氏笔画 order is the order of official lists "按姓氏笔画为序": the
// surname first, by its number of strokes, equal counts by the shape of the
// first stroke in the order 横 竖 撇 点 折, then of the second, and so on
// (the stroke orders of 《GB13000.1字符集汉字笔顺规范》, see Strokes);
// characters of equal count and order by code point. Equal surnames are
// ordered by the given name: a single-character given name before longer
// ones (高富 before 高大富), then character by character the same way.
// This is the one place of that order.

// Bytes of a stroke key. A character's key is its stroke count (1 to
// 127) followed by its packed stroke order (see strokeTables;
// strokeUnordered if the order is unknown: after the known orders of that
// count) and its code point in three bytes; characters that have no count
// start with a class byte above every count, and the code point follows.
const (
	strokeSurnameEnd  = 0x00 // between the surname and the given name
	strokeSingle      = 0x01 // a single-character given name
	strokeLonger      = 0x02 // a given name of two characters or more
	strokeUnordered   = 0xFF
	classStrokeHan    = 0xF0 // a Chinese character without stroke data
	classStrokeLetter = 0xF1
	classStrokeDigit  = 0xF2
	classStrokeOther  = 0xF3
)

// StrokeKey returns name's 姓氏笔画 key: the keys of two names compare
// (bytes.Compare) as CompareStroke compares the names, and are equal only
// for equal names. Computing it once per name makes sorting many names
// fast.
func StrokeKey(name string) []byte {
	var buf [128]byte
	return bytes.Clone(appendStrokeKey(buf[:0], data(), strokeData(), name))
}

// CompareStroke orders names by 姓氏笔画: -1 if a sorts before b, 0 if they
// are equal, +1 otherwise.
//
// The surname is the longest compound surname the name starts with (欧阳,
// 司马, 诸葛) when a given name follows it, else the first character.
// Characters compare by stroke count, then stroke by stroke in the order
// 横竖撇点折, then by code point; a character whose strokes are counted
// but not ordered comes after those of its count whose order is known.
// At the same position, after the Chinese characters with stroke data
// come those without, then letters (A and a alike, full-width as ASCII),
// then digits, then everything else (· of 阿依古丽·买买提, a byte that is
// not UTF-8), each by code point. A name that is the beginning of another
// sorts first.
func CompareStroke(a, b string) int {
	t, s := data(), strokeData()
	var ba, bb [128]byte
	return bytes.Compare(appendStrokeKey(ba[:0], t, s, a), appendStrokeKey(bb[:0], t, s, b))
}

// appendStrokeKey appends name's stroke key to dst: the keys of the
// surname's characters, then, if a given name follows, strokeSurnameEnd,
// strokeSingle or strokeLonger, and the keys of its characters.
func appendStrokeKey(dst []byte, t *tables, s *strokeTables, name string) []byte {
	end := surnameEnd(t, s, name)
	dst = appendStrokeChars(dst, s, name[:end])
	if end == len(name) {
		return dst
	}
	given := name[end:]
	class := byte(strokeLonger)
	if _, size := utf8.DecodeRuneInString(given); size == len(given) {
		class = strokeSingle
	}
	dst = append(dst, strokeSurnameEnd, class)
	return appendStrokeChars(dst, s, given)
}

// surnameEnd is the byte offset where the surname name starts with ends:
// after the longest compound surname that leaves a given name, else after
// the first character (or byte that is not UTF-8).
func surnameEnd(t *tables, s *strokeTables, name string) int {
	if first, size := utf8.DecodeRuneInString(name); !s.mayBeCompound(first) {
		return size
	}
	var ends [4]int // ends[k]: offset after k+1 characters, a character following
	n := 0
	for i := range name {
		if i == 0 {
			continue
		}
		ends[n] = i
		n++
		if n == len(ends) || n > t.maxRunes {
			break
		}
	}
	if n == 0 {
		return len(name)
	}
	for k := min(n, t.maxRunes) - 1; k >= 1; k-- {
		if _, ok := t.surnames[name[:ends[k]]]; ok {
			return ends[k]
		}
	}
	return ends[0]
}

// appendStrokeChars appends the keys of the characters of text.
func appendStrokeChars(dst []byte, s *strokeTables, text string) []byte {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			r = 0x110000 + rune(text[i])
			dst = append(dst, classStrokeOther)
		} else {
			dst = appendStrokeChar(dst, s, r)
		}
		dst = append(dst, byte(r>>16), byte(r>>8), byte(r))
		i += size
	}
	return dst
}

// appendStrokeChar appends the start of r's key, all but the code point.
func appendStrokeChar(dst []byte, s *strokeTables, r rune) []byte {
	if e := s.entry(r); e != 0 {
		n := e & (entryUnordered - 1)
		dst = append(dst, byte(n))
		if e&entryUnordered != 0 {
			return append(dst, strokeUnordered)
		}
		off := e >> 8
		return append(dst, s.packed[off:off+(n+2)/3]...)
	}
	f := fold(r)
	switch {
	case unicode.Is(unicode.Han, r):
		return append(dst, classStrokeHan)
	case f >= '0' && f <= '9':
		return append(dst, classStrokeDigit, byte(f))
	case f != 0 && f < utf8.RuneSelf:
		return append(dst, classStrokeLetter, byte(f))
	case f != 0:
		return append(dst, classStrokeLetter, 0x7F)
	}
	return append(dst, classStrokeOther)
}
