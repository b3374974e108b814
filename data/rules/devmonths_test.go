package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

// A "within N months" that ends in a shorter month ends on its last day,
// not in the month after; the 预备期 is 届满 on the anniversary of the
// vote, or the month's last day. Expected dates are written out by hand.
func TestDevMonthsEndOnTheMonthsLastDay(t *testing.T) {
	d14 := Rules2014()
	talk := func(apply, on time.Time) string {
		a := Applicant{Steps: []Step{{Kind: vocab.StepApply, Date: apply}}}
		return verdict(CheckStep(d14, a, Step{Kind: vocab.StepTalk, Date: on}, nil, on), vocab.RuleDevTalk)
	}
	for _, c := range []struct {
		apply, last time.Time // the application, the last day of the talk
	}{
		{d(2026, 1, 31), d(2026, 2, 28)},
		{d(2024, 1, 31), d(2024, 2, 29)},
		{d(2024, 2, 29), d(2024, 3, 29)},
		{d(2025, 10, 31), d(2025, 11, 30)},
		{d(2025, 11, 30), d(2025, 12, 30)},
	} {
		if got := talk(c.apply, c.last); got != "" {
			t.Errorf("applied %s, talk on %s: %q", dateText(c.apply), dateText(c.last), got)
		}
		if got := talk(c.apply, c.last.AddDate(0, 0, 1)); got != "warn" {
			t.Errorf("applied %s, talk on %s: %q, want warn", dateText(c.apply), dateText(c.last.AddDate(0, 0, 1)), got)
		}
	}
	// The 党委's approval within 3 months (at most 6) of a vote on 30 November.
	vote := d(2025, 11, 30)
	steps := admittedOnDay(vote)[:4]
	steps = append(steps, Step{Kind: vocab.StepPartyTalk, Date: vote.AddDate(0, 0, 1)})
	approve := func(on time.Time) string {
		return verdict(CheckStep(d14, Applicant{Steps: steps}, Step{Kind: vocab.StepApproval, Date: on,
			Outcome: vocab.OutcomePassed}, nil, on), vocab.RuleDevApproval)
	}
	for on, want := range map[time.Time]string{d(2026, 2, 28): "", d(2026, 3, 1): "warn", d(2026, 5, 30): "warn",
		d(2026, 5, 31): "refuse"} {
		if got := approve(on); got != want {
			t.Errorf("vote 2025-11-30, approval %s: %q, want %q", dateText(on), got, want)
		}
	}
	// 确定发展对象 a year after 确定入党积极分子 on 29 February.
	act := []Step{{Kind: vocab.StepApply, Date: d(2023, 6, 1)}, {Kind: vocab.StepActivist, Date: d(2024, 2, 29)}}
	for on, want := range map[time.Time]string{d(2025, 2, 27): "refuse", d(2025, 2, 28): ""} {
		got := verdict(CheckStep(d14, Applicant{Steps: act}, Step{Kind: vocab.StepCandidate, Date: on}, nil, on),
			vocab.RuleDevActivistYear)
		if got != want {
			t.Errorf("activist 2024-02-29, candidate %s: %q, want %q", dateText(on), got, want)
		}
	}
	// The 预备期.
	ext := func(vote time.Time, months int) []Step {
		s := admittedOnDay(vote)
		if months > 0 {
			s = append(s, Step{Kind: vocab.StepConfirmVote, Date: vote.AddDate(1, 0, 0), Eligible: 10, Present: 10, For: 10,
				Outcome: vocab.OutcomeExtended, ExtendMonths: months},
				Step{Kind: vocab.StepConfirmApproval, Date: vote.AddDate(1, 0, 10), Outcome: vocab.OutcomeExtended, ExtendMonths: months})
		}
		return s
	}
	for _, c := range []struct {
		vote           time.Time
		extend         int
		end, confirmed time.Time
	}{
		{d(2025, 8, 31), 0, d(2026, 8, 30), d(2026, 8, 31)},
		{d(2025, 8, 31), 6, d(2027, 2, 27), d(2027, 2, 28)},
		{d(2026, 8, 31), 6, d(2028, 2, 28), d(2028, 2, 29)},
		{d(2024, 2, 29), 0, d(2025, 2, 27), d(2025, 2, 28)},
		{d(2025, 11, 30), 0, d(2026, 11, 29), d(2026, 11, 30)},
		{d(2025, 11, 30), 3, d(2027, 2, 27), d(2027, 2, 28)},
	} {
		s := ext(c.vote, c.extend)
		if got := ProbationEnd(s, d14); !got.Equal(c.end) {
			t.Errorf("vote %s +%d: ProbationEnd %s, want %s", dateText(c.vote), c.extend, dateText(got), dateText(c.end))
		}
		if got := ConfirmedOn(s, d14); !got.Equal(c.confirmed) {
			t.Errorf("vote %s +%d: ConfirmedOn %s, want %s", dateText(c.vote), c.extend, dateText(got), dateText(c.confirmed))
		}
	}
	// 18 on 28 February for someone born on 29 February.
	for on, want := range map[time.Time]string{d(2022, 2, 27): "refuse", d(2022, 2, 28): ""} {
		got := verdict(CheckStep(d14, Applicant{Birth: d(2004, 2, 29)}, Step{Kind: vocab.StepApply, Date: on}, nil, on), vocab.RuleDevAge)
		if got != want {
			t.Errorf("born 2004-02-29, applied %s: %q, want %q", dateText(on), got, want)
		}
	}
	// The findings: an application on 31 January, no talk.
	f := devFacts(d(2026, 3, 1), Applicant{ID: "a1", Name: "甲", Steps: []Step{{Kind: vocab.StepApply, Date: d(2026, 1, 31)}}})
	sameLines(t, devLines(All(f, DefaultSettings())), []string{
		"DEV-TALK||2026年1月31日递交入党申请书，应于2026年2月28日前谈话，尚无谈话记录"})
}

// PROBATION: a 预备期 about to end is a to-do (Due), one ended a problem;
// joined on 29 February, it is 届满 on 28 February.
func TestProbationAboutToEndIsAToDo(t *testing.T) {
	for _, c := range []struct {
		asOf time.Time
		want string
	}{
		{d(2025, 2, 28), "待办|预备期将于2025年2月28日届满，请及时讨论转正"},
		{d(2025, 3, 1), "|预备期已于2025年2月28日届满，尚未讨论转正"},
	} {
		f := newFacts(c.asOf.Year(), c.asOf)
		f.Members = []Member{member("1", "甲", "b", probationary, joined(d(2024, 2, 29)))}
		var got []string
		for _, fd := range Probation(f, DefaultSettings()) {
			due := ""
			if fd.Due {
				due = "待办"
			}
			got = append(got, due+"|"+fd.Detail)
		}
		sameLines(t, got, []string{c.want})
	}
}
