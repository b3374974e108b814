package layout

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// TableDate is the one date form of tables and forms: 2026.03.05. The zero
// time gives "".
func TableDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006.01.02")
}

// TableMonth is the month form of tables: 2026.03.
func TableMonth(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006.01")
}

// ProseDate is the one date form of running text, titles and signature
// lines: 2026年3月5日. The zero time gives "".
func ProseDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// ProseMonth is the month form of running text: 2026年3月.
func ProseMonth(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
}

// WordJoiner (U+2060) between two characters forbids a line break there;
// renderers draw it as nothing.
const WordJoiner = '\u2060'

// Keep returns s with a WordJoiner between its characters, so that a name
// or a document number such as 「转字〔2026〕第017号」 is never broken across
// lines.
func Keep(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteRune(WordJoiner)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fullWidth maps the ASCII punctuation that GB/T 15834 writes full-width in
// Chinese text.
var fullWidth = map[rune]rune{
	',': '，', ':': '：', ';': '；', '!': '！', '?': '？',
}

// Typeset returns text as it is printed: ASCII , : ; ( ) ! ? next to a
// Chinese character become full-width (GB/T 15834), so that text typed
// with a half-width keyboard prints as official documents do. Text without
// Chinese beside the mark (「10:30」, 「(1)」 in a number list) is left as it is.
func Typeset(s string) string {
	rs := []rune(s)
	changed := false
	var open []int // indexes of unmatched '('
	for i, r := range rs {
		switch r {
		case '(':
			open = append(open, i)
			continue
		case ')':
			if len(open) == 0 {
				break
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			// A pair goes full-width together: when Chinese is inside it
			// or next to either bracket.
			if hasHan(rs[o+1:i]) || nearHan(rs, o) || nearHan(rs, i) {
				rs[o], rs[i] = '（', '）'
				changed = true
			}
			continue
		}
		fw, ok := fullWidth[r]
		if !ok {
			continue
		}
		if nearHan(rs, i) {
			rs[i] = fw
			changed = true
		}
	}
	for _, o := range open { // an unmatched '(' goes by its neighbours
		if nearHan(rs, o) {
			rs[o] = '（'
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

// nearHan reports whether the nearest non-space character before or after
// rs[i] is Chinese (word joiners are looked through) (a Han character or full-width punctuation).
func nearHan(rs []rune, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if rs[j] == ' ' || rs[j] == WordJoiner {
			continue
		}
		if isChinese(rs[j]) {
			return true
		}
		break
	}
	for j := i + 1; j < len(rs); j++ {
		if rs[j] == ' ' || rs[j] == WordJoiner {
			continue
		}
		return isChinese(rs[j])
	}
	return false
}

// hasHan reports whether rs holds a Han character.
func hasHan(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func isChinese(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
