package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

func statDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// admittedPerson is a person the 支部大会 voted to admit on vote and the
// 党委 approved a month later; confirmed, when set, is the 党委's approval
// of the 转正 (after an extension of extend months, when not 0).
func admittedPerson(id string, vote time.Time, confirmed time.Time, extend int) Applicant {
	a := Applicant{ID: id, OrgID: "o1", BranchID: "b1", Gender: vocab.Female, PersonType: vocab.PersonStudent,
		Steps: []Step{
			{Kind: vocab.StepApply, Date: vote.AddDate(-2, 0, 0)},
			{Kind: vocab.StepActivist, Date: vote.AddDate(-1, -6, 0)},
			{Kind: vocab.StepCandidate, Date: vote.AddDate(0, -3, 0)},
			{Kind: vocab.StepAdmitVote, Date: vote, Outcome: vocab.OutcomePassed, Eligible: 10, Present: 9, For: 9},
			{Kind: vocab.StepApproval, Date: vote.AddDate(0, 1, 0), Outcome: vocab.OutcomePassed},
		}}
	if extend > 0 {
		a.Steps = append(a.Steps, Step{Kind: vocab.StepConfirmApproval, Date: vote.AddDate(1, 0, 10),
			Outcome: vocab.OutcomeExtended, ExtendMonths: extend})
	}
	if !confirmed.IsZero() {
		a.Steps = append(a.Steps, Step{Kind: vocab.StepConfirmApproval, Date: confirmed, Outcome: vocab.OutcomeConfirmed})
	}
	return a
}

// TestStatYears: the calendar year and the 学年 at their boundaries.
func TestStatYears(t *testing.T) {
	for _, c := range []struct {
		day              time.Time
		calendar, school string
	}{
		{statDay(2026, 6, 30), "2026年", "2025-2026学年"},
		{statDay(2026, 7, 1), "2026年", "2026-2027学年"},
		{statDay(2025, 12, 31), "2025年", "2025-2026学年"},
		{statDay(2026, 1, 1), "2026年", "2025-2026学年"},
	} {
		cy, sy := CalendarYearOf(c.day), SchoolYearOf(c.day)
		if cy.Label() != c.calendar || sy.Label() != c.school || !cy.Contains(c.day) || !sy.Contains(c.day) {
			t.Errorf("%s: %s %s, want %s %s", c.day.Format(time.DateOnly), cy.Label(), sy.Label(), c.calendar, c.school)
		}
	}
	sy := StatYear{School: true, Year: 2025}
	if !sy.From().Equal(statDay(2025, 7, 1)) || !sy.To().Equal(statDay(2026, 6, 30)) ||
		sy.Contains(statDay(2025, 6, 30)) || sy.Contains(statDay(2026, 7, 1)) {
		t.Errorf("2025-2026学年 runs %s to %s", sy.From().Format(time.DateOnly), sy.To().Format(time.DateOnly))
	}
	cy := StatYear{Year: 2025}
	if cy.Contains(statDay(2024, 12, 31)) || cy.Contains(statDay(2026, 1, 1)) || !cy.Contains(statDay(2025, 12, 31)) {
		t.Error("2025年 boundaries")
	}
}

// TestDevStatisticsAtTheBoundaries: an admission counts in the years of
// the 支部大会's vote, a 转正 in those of the 转正 date, at the boundaries
// of both statistical years; nothing counts before the 党委 approves it.
func TestDevStatisticsAtTheBoundaries(t *testing.T) {
	d := Rules2014()
	asOf := statDay(2027, 12, 31)
	cal := func(y int) StatYear { return StatYear{Year: y} }
	school := func(y int) StatYear { return StatYear{School: true, Year: y} }
	for _, c := range []struct {
		name      string
		a         Applicant
		admitted  []StatYear // the years counting the admission
		confirmed []StatYear // the years counting the 转正
	}{
		{"vote 30 June", admittedPerson("a", statDay(2026, 6, 30), time.Time{}, 0),
			[]StatYear{cal(2026), school(2025)}, nil},
		{"vote 1 July", admittedPerson("a", statDay(2026, 7, 1), time.Time{}, 0),
			[]StatYear{cal(2026), school(2026)}, nil},
		{"vote 31 December", admittedPerson("a", statDay(2025, 12, 31), time.Time{}, 0),
			[]StatYear{cal(2025), school(2025)}, nil},
		{"vote 1 January", admittedPerson("a", statDay(2026, 1, 1), time.Time{}, 0),
			[]StatYear{cal(2026), school(2025)}, nil},
		// Voted 1 July 2025: the 预备期 ends 30 June 2026, 转正 on 1 July 2026.
		{"转正 1 July", admittedPerson("a", statDay(2025, 7, 1), statDay(2026, 7, 20), 0),
			[]StatYear{cal(2025), school(2025)}, []StatYear{cal(2026), school(2026)}},
		// Voted 30 June 2025: 转正 on 30 June 2026.
		{"转正 30 June", admittedPerson("a", statDay(2025, 6, 30), statDay(2026, 7, 20), 0),
			[]StatYear{cal(2025), school(2024)}, []StatYear{cal(2026), school(2025)}},
		// Voted 1 January 2025: 转正 on 1 January 2026.
		{"转正 1 January", admittedPerson("a", statDay(2025, 1, 1), statDay(2026, 1, 20), 0),
			[]StatYear{cal(2025), school(2024)}, []StatYear{cal(2026), school(2025)}},
		// Voted 31 December 2024: 转正 on 31 December 2025.
		{"转正 31 December", admittedPerson("a", statDay(2024, 12, 31), statDay(2026, 1, 20), 0),
			[]StatYear{cal(2024), school(2024)}, []StatYear{cal(2025), school(2025)}},
		// Voted 1 July 2024, extended six months: 转正 on 1 January 2026.
		{"extended", admittedPerson("a", statDay(2024, 7, 1), statDay(2026, 1, 15), 6),
			[]StatYear{cal(2024), school(2024)}, []StatYear{cal(2026), school(2025)}},
		{"not approved", func() Applicant {
			a := admittedPerson("a", statDay(2026, 3, 1), time.Time{}, 0)
			a.Steps = a.Steps[:len(a.Steps)-1]
			return a
		}(), nil, nil},
	} {
		var years []StatYear
		for y := 2024; y <= 2027; y++ {
			years = append(years, cal(y), school(y))
		}
		st := DevStatistics([]Applicant{c.a}, d, asOf, years...)
		for _, ys := range st.Years {
			wantA, wantC := 0, 0
			for _, y := range c.admitted {
				if y == ys.Year {
					wantA = 1
				}
			}
			for _, y := range c.confirmed {
				if y == ys.Year {
					wantC = 1
				}
			}
			if ys.Total != (DevCount{wantA, wantC}) {
				t.Errorf("%s: %s counts %+v, want %d admitted, %d confirmed", c.name, ys.Year.Label(), ys.Total, wantA, wantC)
			}
			if ys.ByType[vocab.PersonStudent] != ys.Total || ys.ByBranch["b1"] != ys.Total ||
				ys.ByGender[vocab.Female] != ys.Total || ys.ByOrg["o1"] != ys.Total {
				t.Errorf("%s: %s split %+v", c.name, ys.Year.Label(), ys)
			}
		}
	}
}

// TestDevStatisticsAsOf: an approval after the day does not count yet,
// nor a step after it; the stock is each person's stage on the day; a
// person listed twice counts once; organizations add up.
func TestDevStatisticsAsOf(t *testing.T) {
	d := Rules2014()
	a := admittedPerson("a", statDay(2026, 3, 10), statDay(2027, 3, 20), 0) // approved 10 April 2026
	b := Applicant{ID: "b", OrgID: "o2", BranchID: "b2", Gender: vocab.Male, PersonType: vocab.PersonStaff,
		Steps: []Step{{Kind: vocab.StepApply, Date: statDay(2026, 1, 5)}, {Kind: vocab.StepActivist, Date: statDay(2026, 3, 5)}}}
	cy, sy := DevYears(2026, statDay(2026, 4, 1))
	years := []StatYear{cy, sy}
	st := DevStatistics([]Applicant{a, b, a}, d, statDay(2026, 4, 1), years...)
	if st.Year(years[0]).Total != (DevCount{}) || st.Stock[vocab.StageCandidate] != 1 || st.Stock[vocab.StageActivist] != 1 {
		t.Errorf("before the approval: %+v %v", st.Year(years[0]).Total, st.Stock)
	}
	st = DevStatistics([]Applicant{a, b, a}, d, statDay(2026, 4, 10), years...)
	if st.Year(years[0]).Total != (DevCount{Admitted: 1}) || st.Year(years[1]).Total != (DevCount{Admitted: 1}) ||
		st.Stock[vocab.StageProbation] != 1 || st.StockByBranch["b2"][vocab.StageActivist] != 1 ||
		st.StockByOrg["o1"][vocab.StageProbation] != 1 {
		t.Errorf("on the approval: %+v %v", st.Years, st.Stock)
	}
	var sum DevStats
	sum.Add(DevStatistics([]Applicant{a}, d, statDay(2026, 4, 10), years...))
	sum.Add(DevStatistics([]Applicant{b}, d, statDay(2026, 4, 10), years...))
	if sum.Year(years[0]).Total != st.Year(years[0]).Total || sum.Stock[vocab.StageActivist] != 1 ||
		sum.Stock[vocab.StageProbation] != 1 || sum.Year(years[1]).ByOrg["o1"].Admitted != 1 {
		t.Errorf("sum of organizations: %+v", sum)
	}
}

// TestFiguresDevStats: the figures count as DevStatistics does, as of
// their day or the day asked.
func TestFiguresDevStats(t *testing.T) {
	a := admittedPerson("a", statDay(2026, 3, 10), time.Time{}, 0)
	f := &Facts{Year: 2026, AsOf: statDay(2026, 5, 1), Applicants: []Applicant{a}}
	g := NewFigures(f, DefaultSettings())
	cy, sy := DevYears(2026, statDay(2026, 5, 1))
	years := []StatYear{cy, sy}
	if got := g.DevStats(time.Time{}, years...); got.Year(years[0]).Total.Admitted != 1 || got.Stock[vocab.StageProbation] != 1 {
		t.Errorf("as of the figures' day: %+v", got)
	}
	if got := g.DevStats(statDay(2026, 4, 1), years...); got.Year(years[0]).Total.Admitted != 0 {
		t.Errorf("before the approval: %+v", got)
	}
}

// TestDevYears: the 学年 of a year's figures is the one running on their
// day, on 31 December for a past year.
func TestDevYears(t *testing.T) {
	for _, c := range []struct {
		year        int
		asOf        time.Time
		cal, school string
	}{
		{2026, statDay(2026, 6, 30), "2026年", "2025-2026学年"},
		{2026, statDay(2026, 7, 1), "2026年", "2026-2027学年"},
		{2025, statDay(2026, 1, 1), "2025年", "2025-2026学年"},
		{2026, statDay(2026, 1, 1), "2026年", "2025-2026学年"},
	} {
		cy, sy := DevYears(c.year, c.asOf)
		if cy.Label() != c.cal || sy.Label() != c.school {
			t.Errorf("%d as of %s: %s %s, want %s %s", c.year, c.asOf.Format(time.DateOnly), cy.Label(), sy.Label(),
				c.cal, c.school)
		}
	}
}
