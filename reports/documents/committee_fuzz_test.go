package documents

import (
	"strings"
	"testing"
)

// FuzzProseDates: the dates of a finding's text, which the committee's
// documents take from the cross-organization checks, are rewritten in the
// prose form without a panic, and no date in the 2026-03-05 form is left.
func FuzzProseDates(f *testing.F) {
	for _, s := range []string{
		"“挂空”: 外国语学院党委的王同名转往计算机学院党委(介绍信转字〔2026〕第031号,2026-03-02开具,有效期90天)已逾期",
		"某组织本学期(2026-08-01起)没有快照,最近一次为2026-02-30",
		"0000-00-00", "9999-99-99", "2026-1-1", "x2026-03-05y", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := proseDates(s)
		if isoDate.MatchString(got) && !isoDate.MatchString(s) {
			t.Fatalf("%q became %q", s, got)
		}
		if m := isoDate.FindString(got); m != "" && strings.Contains(s, m) && isoDate.FindString(s) == m {
			t.Fatalf("%q keeps the date %q in the 2026-03-05 form: %q", s, m, got)
		}
	})
}
