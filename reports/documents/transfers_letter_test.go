package documents

import (
	"strings"
	"testing"
	"unicode"
)

func TestLetterNo(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{"转字〔2026〕第017号", "转字〔2026〕第017号"},
		{"转字(2026)第017号", "转字〔2026〕第017号"},
		{"转字（2026）第17号", "转字〔2026〕第17号"},
		{"转字[2026]第17号", "转字〔2026〕第17号"},
		{"京教工委转字【2025】第0123号", "京教工委转字〔2025〕第0123号"},
		{"转字［ 2026 ］第3号 ", "转字〔2026〕第3号"},
		{"转字2026第3号", "转字2026第3号"},   // no brackets: as typed
		{"转字(第3号)", "转字(第3号)"},       // brackets around no year: as typed
		{"组字(12345)号", "组字(12345)号"}, // not a year
		{"", ""},
	} {
		if got := letterNo(c.typed); got != c.want {
			t.Errorf("letterNo(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
}

// FuzzLetterNo: whatever is typed, the number keeps its digits and
// letters, and writing it again changes nothing.
func FuzzLetterNo(f *testing.F) {
	for _, s := range []string{"转字(2026)第017号", "转字【1999】第1号", "((2026))", "〔2026〕〔2027〕", "(2026"} {
		f.Add(s)
	}
	keep := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) || unicode.Is(unicode.Han, r) || unicode.IsLetter(r) {
				return r
			}
			return -1
		}, s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := letterNo(s)
		if letterNo(got) != got {
			t.Errorf("letterNo(%q) = %q is changed again", s, got)
		}
		if keep(got) != keep(strings.TrimSpace(s)) {
			t.Errorf("letterNo(%q) = %q lost or added characters", s, got)
		}
	})
}
