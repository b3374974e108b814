package pdf

import (
	"strings"
	"testing"
)

func TestWrapKeepsClosingPunctuationOffLineStarts(t *testing.T) {
	unit := func(r rune) float64 {
		if r < 128 {
			return 0.5
		}
		return 1
	}
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		{"党员教育管理", 10, []string{"党员教育管理"}},
		{"党员教育管理", 4, []string{"党员教育", "管理"}},
		// 。 would start the second line: 理 moves down with it.
		{"党员教育管理。好", 6, []string{"党员教育管", "理。好"}},
		// Two closing marks in a row.
		{"学习党章）。下一步", 5, []string{"学习党", "章）。下一", "步"}},
		// An opening bracket does not end a line.
		{"参加《党章》学习", 3, []string{"参加", "《党", "章》学", "习"}},
		// A number is not cut.
		{"第2026号文件", 2.5, []string{"第", "2026", "号文", "件"}},
		{"甲\n乙", 10, []string{"甲", "乙"}},
		// 〔〕 of letter numbers: 〕 never starts a line, 〔 never ends one.
		{"一二三四五〔2026〕第012号", 8, []string{"一二三四五", "〔2026〕第012号"}},
		{"一二三四五六七（2026）", 8, []string{"一二三四五六七", "（2026）"}},
		{"", 10, []string{""}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width, unit)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		for _, line := range got[1:] {
			if line != "" && strings.ContainsRune(noLineStart, []rune(line)[0]) {
				t.Errorf("wrap(%q): a line starts with %q", tt.text, line)
			}
		}
	}
}
