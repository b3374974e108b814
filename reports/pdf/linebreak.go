package pdf

import "strings"

// noLineStart are characters a line must not begin with, and noLineEnd
// characters it must not end with (避头尾).
const (
	noLineStart = "，。、；：？！）」』》〉】〕”’…—,.;:?!)]}%"
	noLineEnd   = "（「『《〈【〔“‘([{"
)

// wrap breaks text into lines no wider than width, measured by measure.
// Explicit newlines are kept. A word joiner (U+2060) forbids a break on
// either side of it. A line never starts with closing punctuation nor ends
// with opening punctuation: the break moves back a character instead. Runs
// of ASCII letters and digits (with the marks inside numbers and dates)
// are kept whole when they fit on a line.
func wrap(text string, width float64, measure func(rune) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapLine([]rune(para), width, measure)...)
	}
	return lines
}

func wrapLine(rs []rune, width float64, measure func(rune) float64) []string {
	var lines []string
	for len(rs) > 0 {
		w, n := 0.0, 0
		for n < len(rs) && w+measure(rs[n]) <= width {
			w += measure(rs[n])
			n++
		}
		if n == len(rs) {
			lines = append(lines, string(rs))
			break
		}
		if n == 0 {
			n = 1 // a character wider than the line still takes a line
		}
		n = breakPoint(rs, n)
		lines = append(lines, string(rs[:n]))
		rs = rs[n:]
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// breakPoint moves a break at n back so that the next line does not start
// with closing punctuation, the line does not end with opening punctuation,
// no WordJoiner-kept run is broken, and an ASCII word is not cut; it never
// returns less than 1. When no such break exists on the line (a kept run
// longer than the line), the line is broken at n.
func breakPoint(rs []rune, n int) int {
	b := n
	for {
		start := b
		for b > 1 && (strings.ContainsRune(noLineStart, rs[b]) || strings.ContainsRune(noLineEnd, rs[b-1]) || joined(rs, b)) {
			b--
		}
		if joined(rs, b) {
			return n
		}
		if isWordRune(rs[b]) && isWordRune(rs[b-1]) {
			w := b
			for w > 1 && isWordRune(rs[w-1]) {
				w--
			}
			if w > 1 || !isWordRune(rs[0]) {
				b = w
			}
		}
		if b == start || b <= 1 {
			return max(b, 1)
		}
	}
}

// joined reports whether a break before rs[b] would cut a run kept whole
// with word joiners (U+2060 between two characters).
func joined(rs []rune, b int) bool {
	return rs[b] == wordJoiner || rs[b-1] == wordJoiner
}

// isWordRune reports whether r belongs to a run kept whole: ASCII letters
// and digits, and the marks inside numbers, dates and ratios (2026.03.05,
// 28/32, 10:30, 1990-05, 91.1%).
func isWordRune(r rune) bool {
	return r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r == '.' || r == '/' || r == ':' || r == '-' || r == '%')
}
