package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

// episodeFacts is one member (options opts) of one branch, checked in 2026
// as of asOf, with the given episodes.
func episodeFacts(asOf time.Time, eps []Episode, opts ...func(*Member)) *Facts {
	f := newFacts(2026, asOf)
	f.Branches = []Branch{branch("b", "一支部")}
	f.Members = []Member{member("1", "甲", "b", opts...)}
	f.Episodes = eps
	return f
}

func TestAddMonths(t *testing.T) {
	tests := []struct{ from, want time.Time }{
		{d(2026, 5, 15), d(2026, 11, 15)},
		{d(2025, 8, 31), d(2026, 2, 28)},
		{d(2023, 8, 31), d(2024, 2, 29)},
		{d(2026, 3, 31), d(2026, 9, 30)},
	}
	for _, tt := range tests {
		if got := addMonths(tt.from, 6); !got.Equal(tt.want) {
			t.Errorf("addMonths(%v, 6) = %v, want %v", tt.from, got, tt.want)
		}
	}
}

func TestLostContact(t *testing.T) {
	lost := func(since time.Time, searched bool) []Episode {
		return []Episode{{MemberID: "1", Kind: vocab.EpisodeLost, Since: since, Searched: searched}}
	}
	tests := []struct {
		name string
		asOf time.Time
		eps  []Episode
		disp []Disposition
		opts []func(*Member)
		want []string
	}{
		{name: "a day short of 6 months", asOf: d(2026, 11, 14), eps: lost(d(2026, 5, 15), true)},
		{name: "exactly 6 months", asOf: d(2026, 11, 15), eps: lost(d(2026, 5, 15), true),
			want: []string{"自2026年5月15日起失联已满6个月，应停止党籍（已记录查找情况）"}},
		{name: "no searches recorded", asOf: d(2026, 11, 15), eps: lost(d(2026, 1, 1), false),
			want: []string{"自2026年1月1日起失联已满6个月，应停止党籍（尚未记录查找情况，应先认真查找）"}},
		{name: "ended", asOf: d(2026, 11, 15),
			eps: []Episode{{MemberID: "1", Kind: vocab.EpisodeLost, Since: d(2026, 1, 1), Until: d(2026, 10, 1)}}},
		{name: "ends after the reference day: open then", asOf: d(2027, 1, 1),
			eps:  []Episode{{MemberID: "1", Kind: vocab.EpisodeLost, Since: d(2026, 1, 1), Until: d(2027, 1, 10)}},
			want: []string{"自2026年1月1日起失联已满6个月，应停止党籍（尚未记录查找情况，应先认真查找）"}},
		{name: "already 停止党籍, under 2 years", asOf: d(2026, 11, 15), eps: lost(d(2024, 1, 1), true),
			disp: []Disposition{{MemberID: "1", Kind: vocab.DispositionSuspend, Date: d(2024, 11, 16)}},
			opts: []func(*Member){status(vocab.StatusSuspended)}},
		{name: "停止党籍 exactly 2 years", asOf: d(2026, 11, 15), eps: lost(d(2024, 1, 1), true),
			disp: []Disposition{{MemberID: "1", Kind: vocab.DispositionSuspend, Date: d(2024, 11, 15)}},
			opts: []func(*Member){status(vocab.StatusSuspended)},
			want: []string{"自2024年11月15日停止党籍已满2年仍失联，应按自行脱党予以除名"}},
		{name: "restored under 6 months ago", asOf: d(2026, 11, 15), eps: lost(d(2023, 1, 1), true),
			disp: []Disposition{{MemberID: "1", Kind: vocab.DispositionSuspend, Date: d(2023, 9, 1)},
				{MemberID: "1", Kind: vocab.DispositionRestore, Date: d(2026, 5, 16)}}},
		{name: "restored exactly 6 months ago", asOf: d(2026, 11, 15), eps: lost(d(2023, 1, 1), true),
			disp: []Disposition{{MemberID: "1", Kind: vocab.DispositionSuspend, Date: d(2023, 9, 1)},
				{MemberID: "1", Kind: vocab.DispositionRestore, Date: d(2026, 5, 15)}},
			want: []string{"自2026年5月15日恢复党籍后仍失联已满6个月，应停止党籍（已记录查找情况）"}},
		{name: "restored before the episode began", asOf: d(2026, 11, 15), eps: lost(d(2026, 5, 15), true),
			disp: []Disposition{{MemberID: "1", Kind: vocab.DispositionRestore, Date: d(2025, 1, 1)}},
			want: []string{"自2026年5月15日起失联已满6个月，应停止党籍（已记录查找情况）"}},
		{name: "自行脱党除名 decided", asOf: d(2026, 11, 15), eps: lost(d(2023, 1, 1), true),
			disp: []Disposition{{MemberID: "1", Kind: vocab.DispositionLapsed, Date: d(2026, 1, 1)}}},
		{name: "党内除名 decided", asOf: d(2026, 11, 15), eps: lost(d(2023, 1, 1), true),
			disp: []Disposition{{MemberID: "1", Kind: vocab.DispositionExpelled, Date: d(2026, 1, 1)}}},
		{name: "失联日期 on the member record, no episode", asOf: d(2026, 11, 15),
			opts: []func(*Member){func(m *Member) { m.LostContact, m.LostDate = true, d(2026, 5, 15) }},
			want: []string{"自2026年5月15日起失联已满6个月，应停止党籍（尚未记录查找情况，应先认真查找）"}},
		{name: "失联日期 on the record a day short", asOf: d(2026, 11, 14),
			opts: []func(*Member){func(m *Member) { m.LostDate = d(2026, 5, 15) }}},
		{name: "marked 失联 without a date", asOf: d(2026, 11, 15),
			opts: []func(*Member){func(m *Member) { m.LostContact, m.HasLostCircumstance = true, true }}},
		{name: "a recorded episode wins over the record's date", asOf: d(2026, 11, 15), eps: lost(d(2026, 6, 1), true),
			opts: []func(*Member){func(m *Member) { m.LostContact, m.LostDate = true, d(2025, 1, 1) }}},
		{name: "transferred out", asOf: d(2026, 11, 15), eps: lost(d(2025, 1, 1), true),
			opts: []func(*Member){status(vocab.StatusTransferred)}},
		{name: "a different episode", asOf: d(2026, 11, 15),
			eps: []Episode{{MemberID: "1", Kind: vocab.EpisodeAway, Since: d(2025, 1, 1)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := episodeFacts(tt.asOf, tt.eps, tt.opts...)
			f.Dispositions = tt.disp
			sameLines(t, details(LostContact(f, DefaultSettings())), tt.want)
		})
	}
	// The months are a setting.
	f := episodeFacts(d(2026, 11, 15), lost(d(2026, 8, 15), true))
	s := DefaultSettings()
	s.LostMonths = 3
	if got := LostContact(f, s); len(got) != 1 {
		t.Errorf("3 months with the setting at 3: %v", lines(got))
	}
}

func TestAbroad(t *testing.T) {
	abroad := func(since, last time.Time) []Episode {
		return []Episode{{MemberID: "1", Kind: vocab.EpisodeAbroad, Since: since, Place: "英国", LastContact: last}}
	}
	tests := []struct {
		name string
		asOf time.Time
		eps  []Episode
		disp []Disposition
		want []string
	}{
		{name: "contact exactly 6 months ago", asOf: d(2026, 11, 15), eps: abroad(d(2025, 9, 1), d(2026, 5, 15))},
		{name: "contact more than 6 months ago", asOf: d(2026, 11, 16), eps: abroad(d(2025, 9, 1), d(2026, 5, 15)),
			want: []string{"出国（境）学习研究期间超过6个月未与党组织联系（最近一次联系为2026年5月15日）"}},
		{name: "no contact recorded: from leaving", asOf: d(2026, 11, 15), eps: abroad(d(2026, 3, 1), time.Time{}),
			want: []string{"出国（境）学习研究期间超过6个月未与党组织联系（出国（境）为2026年3月1日）"}},
		{name: "exactly 5 years: not yet", asOf: d(2026, 11, 15), eps: abroad(d(2021, 11, 15), d(2026, 10, 1))},
		{name: "more than 5 years", asOf: d(2026, 11, 16), eps: abroad(d(2021, 11, 15), d(2026, 10, 1)),
			want: []string{"自2021年11月15日起出国（境）学习研究已超过5年，一般应停止党籍"}},
		{name: "more than 5 years, 停止党籍 decided", asOf: d(2026, 11, 16), eps: abroad(d(2021, 11, 15), d(2026, 10, 1)),
			disp: []Disposition{{MemberID: "1", Kind: vocab.DispositionSuspend, Date: d(2026, 11, 1)}}},
		{name: "returned", asOf: d(2026, 11, 16),
			eps: []Episode{{MemberID: "1", Kind: vocab.EpisodeAbroad, Since: d(2020, 1, 1), Until: d(2026, 1, 1)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := episodeFacts(tt.asOf, tt.eps)
			f.Dispositions = tt.disp
			sameLines(t, details(Abroad(f, DefaultSettings())), tt.want)
		})
	}
}

func TestAway(t *testing.T) {
	away := func(since time.Time, place string) []Episode {
		return []Episode{{MemberID: "1", Kind: vocab.EpisodeAway, Since: since, Place: place}}
	}
	tests := []struct {
		name string
		asOf time.Time
		eps  []Episode
		want []string
	}{
		{name: "a day short", asOf: d(2026, 11, 14), eps: away(d(2026, 5, 15), "深圳市")},
		{name: "exactly 6 months", asOf: d(2026, 11, 15), eps: away(d(2026, 5, 15), "深圳市"),
			want: []string{"自2026年5月15日起外出（深圳市）已满6个月，应将组织关系转至所在地党组织"}},
		{name: "no fixed place", asOf: d(2026, 11, 15), eps: away(d(2025, 1, 1), "")},
		{name: "back", asOf: d(2026, 11, 15),
			eps: []Episode{{MemberID: "1", Kind: vocab.EpisodeAway, Since: d(2025, 1, 1), Until: d(2026, 3, 1), Place: "深圳市"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameLines(t, details(Away(episodeFacts(tt.asOf, tt.eps), DefaultSettings())), tt.want)
		})
	}
}

func TestGraduate(t *testing.T) {
	kept := []Episode{{MemberID: "1", Kind: vocab.EpisodeGraduate, Since: d(2024, 6, 30)}}
	tests := []struct {
		name string
		asOf time.Time
		eps  []Episode
		want []string
	}{
		{name: "20 months", asOf: d(2026, 3, 29), eps: kept},
		{name: "exactly 21 months", asOf: d(2026, 3, 30), eps: kept,
			want: []string{"毕业生组织关系自2024年6月30日起保留已满21个月，保留期将满（2026年6月30日到期）"}},
		{name: "a day short of 2 years", asOf: d(2026, 6, 29), eps: kept,
			want: []string{"毕业生组织关系自2024年6月30日起保留已满21个月，保留期将满（2026年6月30日到期）"}},
		{name: "exactly 2 years", asOf: d(2026, 6, 30), eps: kept,
			want: []string{"毕业生组织关系自2024年6月30日起保留已满2年，保留期已满，应转出"}},
		{name: "transferred out (ended)", asOf: d(2026, 8, 1),
			eps: []Episode{{MemberID: "1", Kind: vocab.EpisodeGraduate, Since: d(2024, 6, 30), Until: d(2026, 7, 1)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameLines(t, details(Graduate(episodeFacts(tt.asOf, tt.eps), DefaultSettings())), tt.want)
		})
	}
}

func TestCorrection(t *testing.T) {
	tests := []struct {
		name string
		asOf time.Time
		c    Correction
		want []string
	}{
		{name: "on the deadline day: not yet", asOf: d(2026, 9, 30),
			c: Correction{MemberID: "1", Date: d(2026, 3, 1), Deadline: d(2026, 9, 30)}},
		{name: "the day after the deadline", asOf: d(2026, 10, 1),
			c:    Correction{MemberID: "1", Date: d(2026, 3, 1), Deadline: d(2026, 9, 30)},
			want: []string{"2026年3月1日决定的限期改正已于2026年9月30日到期，尚未记录处理结果"}},
		{name: "no deadline: 12 months, on the day", asOf: d(2026, 3, 1), c: Correction{MemberID: "1", Date: d(2025, 3, 1)}},
		{name: "no deadline: 12 months, the day after", asOf: d(2026, 3, 2), c: Correction{MemberID: "1", Date: d(2025, 3, 1)},
			want: []string{"2025年3月1日决定的限期改正已于2026年3月1日到期，尚未记录处理结果"}},
		{name: "outcome recorded", asOf: d(2026, 10, 1),
			c: Correction{MemberID: "1", Date: d(2025, 3, 1), Outcome: vocab.CorrectionDone, OutcomeDate: d(2026, 2, 1)}},
		{name: "outcome after the reference day", asOf: d(2027, 1, 1),
			c:    Correction{MemberID: "1", Date: d(2025, 3, 1), Outcome: vocab.CorrectionDone, OutcomeDate: d(2027, 1, 5)},
			want: []string{"2025年3月1日决定的限期改正已于2026年3月1日到期，尚未记录处理结果"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := episodeFacts(tt.asOf, nil)
			f.Corrections = []Correction{tt.c}
			sameLines(t, details(CorrectionRule(f, DefaultSettings())), tt.want)
		})
	}
	f := episodeFacts(d(2025, 9, 2), nil)
	f.Year = 2025
	f.Corrections = []Correction{{MemberID: "1", Date: d(2025, 3, 1)}}
	s := DefaultSettings()
	s.CorrectionMonths = 6
	if got := CorrectionRule(f, s); len(got) != 1 {
		t.Errorf("6-month setting: %v", lines(got))
	}
}
