package rules

import (
	"fmt"
	"slices"
	"time"

	"dangjian/data/vocab"
)

// Birthday (BIRTHDAY, 政治生日): when AsOf is within the year, the members
// whose 入党 anniversary (at least the first) falls in AsOf's month, for that
// month's 主题党日.
func Birthday(f *Facts, s Settings) []Finding { return runOne(f, s, rBirthday) }

// Probation (PROBATION): 预备党员 whose one-year 预备期 (from Joined) has
// ended by AsOf without 转正, or ends within ProbationWarnDays. A member
// made from the pipeline of 发展党员 (Applicant.MemberID) takes the end of
// the 预备期 from ProbationEnd (extensions included) and is left out once
// the 支部大会 has discussed the 转正 (DEV-CONFIRM follows the approval);
// DEV-PROBATION does not report what PROBATION reports. A 预备期 届满 on
// ConfirmedOn (the anniversary) and overdue the day after; one about to end
// (将于…届满) is a to-do (Finding.Due), not one of the 待整改问题.
func Probation(f *Facts, s Settings) []Finding { return runOne(f, s, rProbation) }

// Fifty (FIFTY, 光荣在党): 正式党员 whose 党龄 reaches GloryYears in the year.
func Fifty(f *Facts, s Settings) []Finding { return runOne(f, s, rFifty) }

func (e *engine) birthday() []Finding {
	asOf := e.cal.asOf
	if asOf.Year() != e.f.Year {
		return nil
	}
	var out []Finding
	for _, m := range e.normal {
		if !e.applies(rBirthday, m) {
			continue
		}
		j := civil(m.Joined)
		if j.IsZero() || j.Month() != asOf.Month() || asOf.Year()-j.Year() < 1 {
			continue
		}
		out = append(out, e.memberFinding(rBirthday, m, fmt.Sprintf("%d月政治生日：入党%d周年（%s入党）",
			int(asOf.Month()), asOf.Year()-j.Year(), dateText(j))))
	}
	return out
}

func (e *engine) probation() []Finding {
	asOf := e.cal.asOf
	var out []Finding
	linked := map[string]*Applicant{}
	for i := range e.f.Applicants {
		if a := &e.f.Applicants[i]; a.MemberID != "" {
			linked[a.MemberID] = a
		}
	}
	for _, m := range e.normal {
		if m.Category != vocab.CategoryProbation || m.Joined.IsZero() || !e.applies(rProbation, m) {
			continue
		}
		end := addMonths(civil(m.Joined), 12)
		if a := linked[m.ID]; a != nil {
			steps := slices.Clone(a.Steps)
			SortSteps(steps)
			steps = before(steps, asOf)
			// As for the others, the 预备期 is taken as 届满 on the
			// anniversary: the day after its last day (ConfirmedOn).
			if pe := ConfirmedOn(steps, e.s.Dev.orDefault()); !pe.IsZero() {
				if !ConfirmVotePending(steps) {
					continue
				}
				end = pe
			}
		}
		switch {
		case asOf.After(end):
			out = append(out, e.memberFinding(rProbation, m, "预备期已于"+dateText(end)+"届满，尚未讨论转正"))
		case !asOf.Before(end.AddDate(0, 0, -e.s.ProbationWarnDays)):
			// Not yet due: a to-do, not one of the 待整改问题.
			f := e.memberFinding(rProbation, m, "预备期将于"+dateText(end)+"届满，请及时讨论转正")
			f.Due = true
			out = append(out, f)
		}
	}
	return out
}

// fifty lists members whose 党龄 reaches GloryYears in the year. 党龄 runs
// from 转正 (the end of the 预备期), taken as a year after 入党 when the
// 转正日期 is not recorded.
func (e *engine) fifty() []Finding {
	var out []Finding
	for _, m := range e.normal {
		start := PartyAgeStart(m.Joined, m.Confirmed)
		if m.Category != vocab.CategoryFull || start.IsZero() || e.f.Year-start.Year() != e.s.GloryYears || !e.applies(rFifty, m) {
			continue
		}
		out = append(out, e.memberFinding(rFifty, m, fmt.Sprintf(
			"%d年党龄满%d年（%d年转正），可颁发“光荣在党%d年”纪念章",
			e.f.Year, e.s.GloryYears, start.Year(), e.s.GloryYears)))
	}
	return out
}

// PartyAgeStart is the day 党龄 runs from: 转正, or a year after 入党 when
// the 转正日期 is not recorded; zero when neither date is.
func PartyAgeStart(joined, confirmed time.Time) time.Time {
	if !confirmed.IsZero() {
		return civil(confirmed)
	}
	if !joined.IsZero() {
		return addMonths(civil(joined), 12)
	}
	return time.Time{}
}
