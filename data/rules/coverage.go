package rules

import (
	"fmt"
	"time"

	"dangjian/data/field"
)

// Coverage is, per kind of record, the first month (its first day) that
// the records kept here cover. A month before it is not counted as missing
// anything: the organization kept those records elsewhere. The zero time
// means every month is covered.
type Coverage struct {
	Meetings   time.Time // 组织生活 and attendance
	Training   time.Time // 学习培训
	Dues       time.Time // 党费
	Talks      time.Time // 谈心谈话
	Agreements time.Time // 目标管理责任书
}

// monthStart is the first day of t's month (zero stays zero).
func monthStart(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// monthText formats a month as 2026年10月.
func monthText(t time.Time) string {
	return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
}

// countFrom is the first day counted for member m against records covered
// from cov: the latest of cov's month, the member's admission and the
// member's arrival here.
func countFrom(m *Member, cov time.Time) time.Time {
	return later(monthStart(cov), since(m))
}

// DuesFrom is the first month (its first day) a member owes dues here: the
// latest of the dues records' coverage, the month of admission (预备党员 pay
// from admission) and the member's arrival — the month after the one the
// transfer letter says dues are paid up to, or else the month of arrival.
// Zero when none is known.
func DuesFrom(m *Member, cov Coverage) time.Time {
	start := later(monthStart(cov.Dues), monthStart(m.Joined))
	arrival := monthStart(m.Since)
	if !m.DuesPaidUntil.IsZero() {
		arrival = monthStart(m.DuesPaidUntil).AddDate(0, 1, 0)
	}
	return later(start, arrival)
}

// DuesUntil is the last month (its first day) a member owes dues here: the
// month the member left the rolls (a member transferred out owes nothing
// from the month after the transfer); zero while on the rolls.
func DuesUntil(m *Member) time.Time { return monthStart(m.Left) }

// start is where the earliest kind of record begins: zero when any kind
// covers every month.
func (c Coverage) start() time.Time {
	var s time.Time
	for i, t := range []time.Time{c.Meetings, c.Training, c.Dues, c.Talks, c.Agreements} {
		if t.IsZero() {
			return time.Time{}
		}
		if i == 0 || t.Before(s) {
			s = t
		}
	}
	return s
}

// cov is the coverage of the organization orgID: its own in a
// consolidated database, else the Facts'.
func (e *engine) cov(orgID string) Coverage {
	if c, ok := e.f.OrgCoverage[orgID]; ok {
		return c
	}
	return e.f.Coverage
}

// coveredWholeYear reports whether records covered from cov show the whole
// of the checked year: a yes-or-no requirement over the year (a talk, a
// signed agreement, a 党课) is not checked on records that begin later.
func (e *engine) coveredWholeYear(cov time.Time) bool {
	return cov.IsZero() || monthIndex(cov) <= e.cal.jan
}

// RecordsSinceText describes where the records begin for a finding's
// detail, e.g. 「（自记录起始月份2026年10月起计）」, or "" when c is zero.
func recordsSinceText(c time.Time) string {
	if c.IsZero() {
		return ""
	}
	return "（自记录起始月份" + monthText(c) + "起计）"
}

// RecordsSinceKey is the settings key of 记录起始月份.
const RecordsSinceKey = "records.since"

// recordsSinceSpec is the 记录起始月份 setting: a month such as 2026-10, or
// empty for the default.
func recordsSinceSpec() settingSpec {
	const label = "记录起始月份(此前的记录不在本系统，不计为缺失；留空则自动)"
	return settingSpec{
		def: SettingDef{Key: RecordsSinceKey, Label: label},
		get: func(s Settings) string {
			if s.RecordsSince <= 0 {
				return ""
			}
			return fmt.Sprintf("%04d-%02d", s.RecordsSince/12, s.RecordsSince%12+1)
		},
		set: func(s *Settings, v string) error {
			if v == "" {
				s.RecordsSince = 0
				return nil
			}
			t, err := field.ParseMonth(v)
			if err != nil || t.Year() < 1921 || t.Year() > 2100 {
				return fmt.Errorf("记录起始月份应为年月，如2026-10，或留空，不能是“%s”", v)
			}
			s.RecordsSince = monthIndex(t)
			return nil
		},
	}
}

// RecordsSinceMonth is the 记录起始月份 setting as the first day of its
// month, or zero when it is left to the default.
func (s Settings) RecordsSinceMonth() time.Time {
	if s.RecordsSince <= 0 {
		return time.Time{}
	}
	return time.Date(s.RecordsSince/12, time.Month(s.RecordsSince%12+1), 1, 0, 0, 0, 0, time.UTC)
}

// CheckDay is the day a year's figures are computed as of, by every
// surface: today for the current year (or a later one); for a past year,
// 1 January of the next, so that every month of it is over.
func CheckDay(year int, today time.Time) time.Time {
	if year < today.Year() {
		return time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return civil(today)
}
