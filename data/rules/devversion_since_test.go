package rules

import (
	"testing"
	"time"
)

// TestVersionInForceOnADay: a revised version chosen in 设置 applies from
// its 施行日期; a day before it falls under the version before, down to the
// 2014 one, so that choosing it changes nothing decided earlier.
func TestVersionInForceOnADay(t *testing.T) {
	v2026, err := ParseDevRules("2026", "《中国共产党发展党员工作细则》（2026年修订）",
		`{"since":"2026-07-01","params":{"probation_months":12,"talk_months":2}}`)
	if err != nil {
		t.Fatal(err)
	}
	v2030, err := ParseDevRules("2030", "某新规定", `{"since":"2030-01-01","params":{"talk_months":3}}`)
	if err != nil {
		t.Fatal(err)
	}
	all := append(BuiltinDevRules(), v2026, v2030)
	chosen := WithEarlier(v2030, all)
	for _, c := range []struct {
		day  time.Time
		want string
		talk int
	}{
		{time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), DevVersion2014, 1},
		{time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), "2026", 2},
		{time.Date(2029, 12, 31, 0, 0, 0, 0, time.UTC), "2026", 2},
		{time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), "2030", 3},
	} {
		got := chosen.On(c.day)
		if got.Version != c.want || got.Params.TalkMonths != c.talk {
			t.Errorf("%s: version %s (talk %d), want %s (%d)", c.day.Format(time.DateOnly), got.Version,
				got.Params.TalkMonths, c.want, c.talk)
		}
	}
	if got := Rules2014().On(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)); got.Version != DevVersion2014 {
		t.Errorf("2014 on any day: %s", got.Version)
	}
	// Another text cites none of the 2014 text's chapters.
	if src := v2030.Source("DEV-TALK"); src != "某新规定" {
		t.Errorf("source of a version of another text: %q", src)
	}
	back, err := ParseDevRules("2026", v2026.Title, v2026.EncodeBody())
	if err != nil || back.Since != v2026.Since || back.Params != v2026.Params {
		t.Errorf("encoded and read back: %+v %v", back, err)
	}
}
