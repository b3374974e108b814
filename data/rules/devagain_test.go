package rules

import (
	"strings"
	"testing"

	"dangjian/data/vocab"
)

// A step that is not recorded again and again is refused a second time,
// unless the first failed or an extension reopened the 转正.
func TestCheckStepRefusesASecondRecord(t *testing.T) {
	p := Rules2014().Params
	full := devHistory(p, "")
	vote, _ := Last(full, vocab.StepAdmitVote)
	approval, _ := Last(full, vocab.StepApproval)
	act, _ := Last(full, vocab.StepActivist)
	confirmVote := Step{Kind: vocab.StepConfirmVote, Date: d(2020, 4, 8), Eligible: 10, Present: 10, For: 10,
		Outcome: vocab.OutcomeExtended, ExtendMonths: 6}
	extended := Step{Kind: vocab.StepConfirmApproval, Date: d(2020, 4, 20), Outcome: vocab.OutcomeExtended, ExtendMonths: 6}
	withExt := append(append([]Step{}, full...), Step{Kind: vocab.StepConfirmApply, Date: d(2020, 3, 20)}, confirmVote, extended)
	rejected := append(devHistory(p, vocab.StepPartyTalk)[:0:0], devHistory(p, vocab.StepPartyTalk)...)
	rejected[len(rejected)-1].Outcome = vocab.OutcomeRejected
	for _, c := range []struct {
		name  string
		steps []Step
		step  Step
		want  string // the DEV-ORDER text looked for, "" for none
	}{
		{"second admit vote after the approval", full,
			Step{Kind: vocab.StepAdmitVote, Date: approval.Date.AddDate(0, 0, 3), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed},
			"已于" + dateText(vote.Date) + "记录“支部大会讨论接收（通过）”"},
		{"second 确定入党积极分子", full, Step{Kind: vocab.StepActivist, Date: act.Date.AddDate(0, 5, 0)},
			"已于" + dateText(act.Date) + "记录“确定入党积极分子”"},
		{"a second 确定入党积极分子 dated before the first", full, Step{Kind: vocab.StepActivist, Date: act.Date.AddDate(0, 0, -1)},
			"已于" + dateText(act.Date) + "记录“确定入党积极分子”"},
		{"admit vote again after 未通过", rejected,
			Step{Kind: vocab.StepAdmitVote, Date: vote.Date.AddDate(0, 2, 0), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed}, ""},
		{"转正 vote after an extension", withExt,
			Step{Kind: vocab.StepConfirmVote, Date: d(2020, 10, 8), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed}, ""},
		{"转正 application after an extension", withExt, Step{Kind: vocab.StepConfirmApply, Date: d(2020, 9, 20)}, ""},
		{"a third 转正 vote", append(append([]Step{}, withExt...), Step{Kind: vocab.StepConfirmVote, Date: d(2020, 10, 8),
			Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed}),
			Step{Kind: vocab.StepConfirmVote, Date: d(2020, 10, 9), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed},
			"已于2020年10月8日记录“支部大会讨论转正（按期转正）”"},
		{"a second 转正 vote without an extension", append(append([]Step{}, full...), Step{Kind: vocab.StepConfirmVote,
			Date: d(2020, 4, 8), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed}),
			Step{Kind: vocab.StepConfirmVote, Date: d(2020, 4, 9), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed},
			"已于2020年4月8日记录“支部大会讨论转正（按期转正）”"},
		{"a third 思想汇报", full, Step{Kind: vocab.StepReport, Date: act.Date.AddDate(0, 4, 0)}, ""},
		{"another 入党介绍人", full, Step{Kind: vocab.StepIntroducers, Date: vote.Date.AddDate(0, 0, -3), People: [2]string{"full4"}}, ""},
	} {
		is := CheckStep(Rules2014(), Applicant{Steps: c.steps}, c.step, devPeople, c.step.Date)
		var got string
		for _, i := range is {
			if i.Rule == vocab.RuleDevOrder && strings.HasPrefix(i.Text, "已于") && strings.Contains(i.Text, "不能再次记录") {
				got = i.Text
				if !i.Refuse {
					t.Errorf("%s: not refused: %s", c.name, i.Text)
				}
			}
		}
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q (%s)", c.name, got, c.want, issueText(is))
		}
	}
	// The findings name the second record only.
	two := append(append([]Step{}, full...), Step{Kind: vocab.StepActivist, Date: act.Date.AddDate(0, 1, 0)})
	f := devFacts(d(2018, 12, 1), Applicant{ID: "a1", Name: "甲", Steps: two})
	f.Year = 2018
	var lines []string
	for _, l := range devLines(All(f, DefaultSettings())) {
		if strings.Contains(l, "不能再次记录") {
			lines = append(lines, l)
		}
	}
	sameLines(t, lines, []string{"DEV-ORDER||" + dateText(act.Date.AddDate(0, 1, 0)) + "确定入党积极分子：已于" +
		dateText(act.Date) + "记录“确定入党积极分子”，不能再次记录"})
}

// The 谈话人 and the 党委谈话人 are 正式党员 on the day, as the 培养联系人
// and the 入党介绍人.
func TestTalkersAreFullMembers(t *testing.T) {
	p := Rules2014().Params
	for _, c := range []struct {
		kind vocab.DevStep
		rule vocab.RuleID
	}{{vocab.StepTalk, vocab.RuleDevTalk}, {vocab.StepPartyTalk, vocab.RuleDevPartyTalk}} {
		steps := devHistory(p, c.kind)
		day := steps[len(steps)-1].Date.AddDate(0, 0, 1)
		for who, want := range map[string]string{"full1": "", "prob": "refuse", "nobody": "refuse"} {
			is := CheckStep(Rules2014(), Applicant{Steps: steps}, Step{Kind: c.kind, Date: day, People: [2]string{who}},
				devPeople, day)
			if got := verdict(is, c.rule); got != want {
				t.Errorf("%s by %s: %q, want %q (%s)", c.kind, who, got, want, issueText(is))
			}
		}
	}
}

// Records that begin this month (a database made today, a pipeline
// imported with its old dates): what falls due from the records' start on
// is a to-do or a finding, only a deadline passed before it is skipped.
func TestDevDeadlinesFromTheRecordsStart(t *testing.T) {
	start := d(2026, 12, 1)
	f := devFacts(d(2026, 12, 4),
		Applicant{ID: "a1", Name: "上官雅", Steps: []Step{{Kind: vocab.StepApply, Date: d(2026, 11, 5)}}},
		Applicant{ID: "a2", Name: "乙", Steps: []Step{{Kind: vocab.StepApply, Date: d(2026, 10, 5)}}},
		Applicant{ID: "a3", Name: "丙", Steps: []Step{{Kind: vocab.StepApply, Date: d(2024, 1, 5)},
			{Kind: vocab.StepTalk, Date: d(2024, 1, 20)}, {Kind: vocab.StepActivist, Date: d(2024, 3, 1)},
			{Kind: vocab.StepContacts, Date: d(2024, 3, 1), People: [2]string{"x"}},
			{Kind: vocab.StepActivistFiled, Date: d(2024, 3, 2)},
			{Kind: vocab.StepCandidate, Date: d(2026, 5, 1)}, {Kind: vocab.StepCandidateFiled, Date: d(2026, 5, 2)},
			{Kind: vocab.StepReport, Date: d(2026, 9, 1)}, {Kind: vocab.StepReview, Date: d(2026, 8, 1)},
			{Kind: vocab.StepAdmitVote, Date: d(2026, 9, 30), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed}}},
	)
	f.Coverage = Coverage{Meetings: start, Training: start, Dues: start, Talks: start, Agreements: start}
	var got []string
	for _, l := range devLines(All(f, DefaultSettings())) {
		if strings.Contains(l, "|待办|") || !strings.Contains(l, "：") {
			got = append(got, l)
		}
	}
	sameLines(t, got, []string{
		"DEV-TALK|待办|本月待办：2026年11月5日递交入党申请书，应于2026年12月5日前谈话",
		"DEV-REPORT|待办|本月待办：2026年第4季度尚未递交思想汇报",
		"DEV-APPROVAL|待办|本月待办：2026年9月30日支部大会通过接收，党委应于2026年12月30日前审批",
	})
}

// ConfirmedDay is the day the statistics count a 转正 in: the 预备期's
// anniversary, not the day of the 党委's approval; zero before it.
func TestConfirmedDayIsTheStatisticsDay(t *testing.T) {
	steps := admittedOnDay(d(2025, 12, 20))
	if got := ConfirmedDay(steps, Rules2014()); !got.IsZero() {
		t.Errorf("not yet confirmed: %s", dateText(got))
	}
	steps = append(steps,
		Step{Kind: vocab.StepConfirmVote, Date: d(2026, 12, 22), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed},
		Step{Kind: vocab.StepConfirmApproval, Date: d(2027, 1, 5), Outcome: vocab.OutcomeConfirmed})
	if got := ConfirmedDay(steps, Rules2014()); !got.Equal(d(2026, 12, 20)) {
		t.Errorf("ConfirmedDay %s, want 2026-12-20", dateText(got))
	}
	st := DevStatistics([]Applicant{{ID: "a", Steps: steps}}, Rules2014(), d(2027, 2, 1), StatYear{Year: 2026}, StatYear{Year: 2027})
	if st.Year(StatYear{Year: 2026}).Total.Confirmed != 1 || st.Year(StatYear{Year: 2027}).Total.Confirmed != 0 {
		t.Errorf("statistics: %+v", st.Years)
	}
}
