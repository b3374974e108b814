package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

// revisedFrom is a revised version taking effect on 2026-07-01 with other
// intervals (talk 2 months, 预备期 18 months, approval 2 months), chosen
// in 设置 and linked to the 2014 one before it.
func revisedFrom(t *testing.T) DevRules {
	t.Helper()
	v, err := ParseDevRules("2026", "某细则（2026年修订）", `{"since":"2026-07-01","params":{"talk_months":2,
		"probation_months":18,"approval_months":2,"approval_max_months":4}}`)
	if err != nil {
		t.Fatal(err)
	}
	return WithEarlier(v, append(BuiltinDevRules(), v))
}

// admittedOnDay is a history passed by the 支部大会 on vote and approved by
// the 党委 twenty days later.
func admittedOnDay(vote time.Time) []Step {
	return []Step{
		{Kind: vocab.StepApply, Date: vote.AddDate(-2, 0, 0)},
		{Kind: vocab.StepActivist, Date: vote.AddDate(-1, -6, 0)},
		{Kind: vocab.StepCandidate, Date: vote.AddDate(0, -3, 0)},
		{Kind: vocab.StepAdmitVote, Date: vote, Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed},
		{Kind: vocab.StepApproval, Date: vote.AddDate(0, 0, 20), Outcome: vocab.OutcomePassed},
	}
}

// Choosing a revised version does not move the 预备期 of someone admitted
// before its 施行日期; someone admitted from it on has its 预备期.
func TestProbationUnderTheVersionOfTheVote(t *testing.T) {
	chosen := revisedFrom(t)
	for _, c := range []struct {
		vote, end, confirmed time.Time
	}{
		{d(2026, 6, 30), d(2027, 6, 29), d(2027, 6, 30)}, // 2014: 12 months
		{d(2026, 7, 1), d(2027, 12, 31), d(2028, 1, 1)},  // revised: 18 months
		{d(2026, 3, 10), d(2027, 3, 9), d(2027, 3, 10)},
	} {
		steps := admittedOnDay(c.vote)
		if got := ProbationEnd(steps, chosen); !got.Equal(c.end) {
			t.Errorf("vote %s: ProbationEnd %s, want %s", dateText(c.vote), dateText(got), dateText(c.end))
		}
		if got := ConfirmedOn(steps, chosen); !got.Equal(c.confirmed) {
			t.Errorf("vote %s: ConfirmedOn %s, want %s", dateText(c.vote), dateText(got), dateText(c.confirmed))
		}
	}
}

// A step's interval is judged under the version in force on the day it
// starts, in CheckStep and in the findings.
func TestIntervalsUnderTheVersionOfTheirStart(t *testing.T) {
	chosen := revisedFrom(t)
	talk := func(apply, on time.Time) string {
		a := Applicant{Steps: []Step{{Kind: vocab.StepApply, Date: apply}}}
		return verdict(CheckStep(chosen, a, Step{Kind: vocab.StepTalk, Date: on}, nil, on), vocab.RuleDevTalk)
	}
	for _, c := range []struct {
		apply, on time.Time
		want      string
	}{
		{d(2026, 6, 20), d(2026, 7, 20), ""},     // 2014: within a month, up to 07-20
		{d(2026, 6, 20), d(2026, 7, 21), "warn"}, // 2014, though talked under the revised one
		{d(2026, 7, 1), d(2026, 9, 1), ""},       // revised: 2 months, up to 09-01
		{d(2026, 7, 1), d(2026, 9, 2), "warn"},
	} {
		if got := talk(c.apply, c.on); got != c.want {
			t.Errorf("applied %s, talk %s: %q, want %q", dateText(c.apply), dateText(c.on), got, c.want)
		}
	}
	// The 党委's approval: within 3 months of a vote before 07-01, 2 after.
	approve := func(vote, on time.Time) string {
		steps := admittedOnDay(vote)[:4]
		steps = append(steps, Step{Kind: vocab.StepPartyTalk, Date: vote.AddDate(0, 0, 1)})
		return verdict(CheckStep(chosen, Applicant{Steps: steps},
			Step{Kind: vocab.StepApproval, Date: on, Outcome: vocab.OutcomePassed}, nil, on), vocab.RuleDevApproval)
	}
	if got := approve(d(2026, 6, 10), d(2026, 9, 10)); got != "" {
		t.Errorf("vote 06-10 under 2014, approval 09-10: %q", got)
	}
	if got := approve(d(2026, 7, 10), d(2026, 9, 11)); got != "warn" {
		t.Errorf("vote 07-10 under the revision, approval 09-11: %q", got)
	}
	// The findings: no talk, as of 2026-08-10.
	s := DefaultSettings()
	s.Dev = chosen
	f := devFacts(d(2026, 8, 10),
		Applicant{ID: "a1", Name: "甲", Steps: []Step{{Kind: vocab.StepApply, Date: d(2026, 6, 20)}}},
		Applicant{ID: "a2", Name: "乙", Steps: []Step{{Kind: vocab.StepApply, Date: d(2026, 7, 1)}}})
	sameLines(t, devLines(All(f, s)), []string{
		"DEV-TALK||2026年6月20日递交入党申请书，应于2026年7月20日前谈话，尚无谈话记录",
	})
}
