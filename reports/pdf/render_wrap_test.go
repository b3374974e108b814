package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// unitWidth measures ASCII as half a unit and anything else as one.
func unitWidth(r rune) float64 {
	switch {
	case r == wordJoiner:
		return 0
	case r < 128:
		return 0.5
	}
	return 1
}

func TestWrapNeverBreaksAtAWordJoiner(t *testing.T) {
	const j = string(wordJoiner)
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		// The break moves before a kept name.
		{"参加人员魏" + j + "雪" + j + "晴等", 6, []string{"参加人员", "魏" + j + "雪" + j + "晴等"}},
		// A kept document number is not broken at 第.
		{"介绍信转" + j + "字" + j + "〔" + j + "2" + j + "0" + j + "2" + j + "6" + j + "〕" + j + "第" + j + "0" + j + "1" + j + "7" + j + "号", 10,
			[]string{"介绍信", "转" + j + "字" + j + "〔" + j + "2" + j + "0" + j + "2" + j + "6" + j + "〕" + j + "第" + j + "0" + j + "1" + j + "7" + j + "号"}},
		// A ratio and a date are not cut at their marks.
		{"朱天翔（22/32）、王", 6, []string{"朱天翔", "（22/32）、", "王"}},
		{"日期为2026.03.05", 6, []string{"日期为", "2026.03.05"}},
		// A kept run longer than the line is broken at the width: the last resort.
		{"魏" + j + "雪" + j + "晴" + j + "晴", 2, []string{"魏" + j + "雪" + j, "晴" + j + "晴"}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width, unitWidth)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// FuzzWrap checks, for any text, that wrap keeps every character in order,
// keeps lines within the width unless a single character or a forced
// break needs more, and starts no line with closing punctuation when the
// line before could give up a character.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"党员教育管理。好", "学习党章）。下一步", "第2026号文件", "魏\u2060雪\u2060晴", "a\nb", "", "（（（）））"} {
		f.Add(s, 3.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width < 1 || width > 200 {
			return
		}
		lines := wrap(text, width, unitWidth)
		if got := strings.Join(lines, ""); got != strings.ReplaceAll(text, "\n", "") {
			t.Fatalf("wrap(%q, %v) lost text: %q", text, width, lines)
		}
		for _, l := range lines {
			w := 0.0
			for _, r := range l {
				w += unitWidth(r)
			}
			if w > width && utf8.RuneCountInString(strings.ReplaceAll(l, string(wordJoiner), "")) > 1 &&
				!strings.ContainsRune(l, wordJoiner) && !isASCIIWordLine(l) {
				t.Fatalf("wrap(%q, %v): line %q is %v wide", text, width, l, w)
			}
		}
	})
}

// isASCIIWordLine reports whether a line is one ASCII word (kept whole).
func isASCIIWordLine(l string) bool {
	for _, r := range l {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}
