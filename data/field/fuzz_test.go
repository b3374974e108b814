package field

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParseIDNumber(f *testing.F) {
	for _, s := range []string{
		"11010519491231002X", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ",
		"110101199003071233", "110101202402290016", "110101202603160015",
		"440524188001010014", "11010519491231002", " 110105 19491231 002X ", "",
		"11010519491231002中", "X10519491231002X12",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseIDNumber(s, today)
		if err != nil {
			if !idErrorText.MatchString(err.Error()) {
				t.Fatalf("unexpected error text %q", err)
			}
			if id != (IDNumber{}) {
				t.Fatalf("non-zero IDNumber %+v with error", id)
			}
			return
		}
		n := id.Number
		if len(n) != 18 || !allDigits(n[:17]) || !(isDigit(n[17]) || n[17] == 'X') {
			t.Fatalf("accepted malformed number %q", n)
		}
		again, err := ParseIDNumber(n, today)
		if err != nil || again != id {
			t.Fatalf("re-parse of %q: %+v, %v", n, again, err)
		}
		if id.Birth.Before(firstBirth) || id.Birth.After(today) || FormatDate(id.Birth) != n[6:10]+"-"+n[10:12]+"-"+n[12:14] {
			t.Fatalf("birth %s of %q", id.Birth, n)
		}
		if CheckIDMatches(id, id.Birth, map[bool]string{true: "男", false: "女"}[id.Male]) != nil {
			t.Fatalf("%q does not match itself", n)
		}
		seq := atoi(n[14:16]) + 100*(atoi(n[16:17])/2)
		if made := MakeIDNumber(n[:6], id.Birth, seq, id.Male); made != n {
			t.Fatalf("MakeIDNumber round trip: %q, want %q", made, n)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2019-07-01", "2019/7/1", "2019.07.01", "2019年7月1日", "2019 年 7 月 1 日", "20190701",
		"２０１９－０７－０１", "43647", "43647.5", "60", "61", "2019-02-30", "2024-02-29",
		"2019-07-01 00:00:00", "2019-07-01T00:00:00Z", "2019", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("non-zero date with error %v", err)
			}
			return
		}
		if d.Location() != time.UTC || d.Hour()+d.Minute()+d.Second()+d.Nanosecond() != 0 {
			t.Fatalf("%q: not midnight UTC: %s", s, d)
		}
		if d.Year() < minYear || d.Year() > maxYear {
			t.Fatalf("%q: year out of range: %s", s, d)
		}
		text := FormatDate(d)
		back, err := ParseDate(text)
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q → %s → %s, %v", s, text, back, err)
		}
	})
}

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{
		"2026-03", "2026-3", "2026/3", "2026.03", "2026年3月", "202603", "2026-03-15",
		"46096", "2026-13", "2026", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if err != nil {
			if !m.IsZero() {
				t.Fatalf("non-zero month with error %v", err)
			}
			return
		}
		if m.Day() != 1 || m.Hour()+m.Minute()+m.Second()+m.Nanosecond() != 0 || m.Location() != time.UTC {
			t.Fatalf("%q: not the first of a month at midnight UTC: %s", s, m)
		}
		if m.Year() < minYear || m.Year() > maxYear {
			t.Fatalf("%q: year out of range: %s", s, m)
		}
		text := FormatMonth(m)
		back, err := ParseMonth(text)
		if err != nil || !back.Equal(m) {
			t.Fatalf("%q → %s → %s, %v", s, text, back, err)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"\u3000张三\u3000", "１２３ＡＢＣ", "ｱｲｳﾞ", "\xff\xfe１", " a b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, Normalize(n))
		}
		if utf8.ValidString(s) && strings.TrimFunc(n, isBlank) != n {
			t.Fatalf("%q: blanks left around %q", s, n)
		}
	})
}
