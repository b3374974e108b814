package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data/vocab"
)

// rules2026 is a second version of the rules with other values than 2014's,
// read as a version added in 设置 is read.
func rules2026(t *testing.T) DevRules {
	t.Helper()
	d, err := ParseDevRules("2026", "某细则（2026年修订）", `{"params":{"age_years":16,"talk_months":2,
		"activist_months":6,"introducers":3,"training_hours":32,"training_days":4,"publicity_days":7,
		"quorum_percent":66,"approval_months":2,"approval_max_months":4,"probation_months":18,
		"confirm_months":2,"extension_min_months":3,"extension_max_months":9,"extensions":2,
		"contacts_min":2}}`)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Members a step may name: two 正式党员, one 预备党员.
var devPeople = []PersonOn{
	{ID: "full1", Name: "甲", Full: true, Known: true},
	{ID: "full2", Name: "乙", Full: true, Known: true},
	{ID: "full3", Name: "丙", Full: true, Known: true},
	{ID: "full4", Name: "戊", Full: true, Known: true},
	{ID: "full5", Name: "己", Full: true, Known: true},
	{ID: "full6", Name: "庚", Full: true, Known: true},
	{ID: "prob", Name: "丁", Known: true},
}

// devHistory is a clean record of every step under p, up to (without)
// the step of kind until, dated from 2018 on.
func devHistory(p DevParams, until vocab.DevStep) []Step {
	apply := d(2018, 1, 8)
	activist := apply.AddDate(0, 2, 0)
	candidate := activist.AddDate(0, p.ActivistMonths, 0)
	vote := candidate.AddDate(0, 1, 0)
	approval := vote.AddDate(0, 0, 20)
	intro := [2]string{"full1", "full2"}
	all := []Step{
		{Kind: vocab.StepApply, Date: apply},
		{Kind: vocab.StepTalk, Date: apply.AddDate(0, 0, 10), People: [2]string{"full1"}},
		{Kind: vocab.StepActivist, Date: activist},
		{Kind: vocab.StepActivistFiled, Date: activist.AddDate(0, 0, 3)},
		{Kind: vocab.StepContacts, Date: activist.AddDate(0, 0, 3), People: [2]string{"full1", "full2"}},
		{Kind: vocab.StepCandidate, Date: candidate},
		{Kind: vocab.StepCandidateFiled, Date: candidate.AddDate(0, 0, 1)},
		{Kind: vocab.StepIntroducers, Date: candidate.AddDate(0, 0, 1), People: intro},
		{Kind: vocab.StepIntroducers, Date: candidate.AddDate(0, 0, 2), People: [2]string{"full3"}},
		{Kind: vocab.StepVetting, Date: candidate.AddDate(0, 0, 2)},
		{Kind: vocab.StepTraining, Date: candidate.AddDate(0, 0, 3), Hours: float64(p.TrainingHours), Days: 1},
		{Kind: vocab.StepCommitteeReview, Date: candidate.AddDate(0, 0, 8)},
		{Kind: vocab.StepPreReview, Date: candidate.AddDate(0, 0, 9)},
		{Kind: vocab.StepPublicity, Date: candidate.AddDate(0, 0, 10), Until: candidate.AddDate(0, 0, 24)},
		{Kind: vocab.StepForm, Date: candidate.AddDate(0, 0, 25)},
		{Kind: vocab.StepAdmitVote, Date: vote, Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed},
		{Kind: vocab.StepPartyTalk, Date: vote.AddDate(0, 0, 5), People: [2]string{"full1"}},
		{Kind: vocab.StepApproval, Date: approval, Outcome: vocab.OutcomePassed},
		{Kind: vocab.StepOath, Date: approval.AddDate(0, 0, 5)},
	}
	var out []Step
	for _, s := range all {
		if s.Kind == until {
			break
		}
		out = append(out, s)
	}
	SortSteps(out)
	return out
}

// verdict is the strongest thing rule r says in issues: "" (nothing),
// "warn" or "refuse".
func verdict(issues []StepIssue, r vocab.RuleID) string {
	v := ""
	for _, is := range issues {
		if is.Rule != r {
			continue
		}
		if is.Refuse {
			return "refuse"
		}
		v = "warn"
	}
	return v
}

func issueText(issues []StepIssue) string {
	var b strings.Builder
	for _, is := range issues {
		fmt.Fprintf(&b, "[%s %v %s]", is.Rule, is.Refuse, is.Text)
	}
	return b.String()
}

// devCase is a step to check after steps, and what rule says of it at
// the day before the boundary, the day and the day after.
type devCase struct {
	name  string
	rule  vocab.RuleID
	build func(p DevParams, d DevRules, shift int) ([]Step, Step)
	want  [3]string // shift -1, 0, +1
}

func dayShift(t time.Time, shift int) time.Time { return t.AddDate(0, 0, shift) }

var devCases = []devCase{
	{"age", vocab.RuleDevAge, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		return nil, Step{Kind: vocab.StepApply, Date: dayShift(d(1995, 3, 10).AddDate(p.AgeYears, 0, 0), k)}
	}, [3]string{"refuse", "", ""}},
	{"talk", vocab.RuleDevTalk, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepTalk)
		return steps, Step{Kind: vocab.StepTalk, Date: dayShift(steps[0].Date.AddDate(0, p.TalkMonths, 0), k), People: [2]string{"full1"}}
	}, [3]string{"", "", "warn"}},
	{"activist year", vocab.RuleDevActivistYear, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepCandidate)
		act, _ := Last(steps, vocab.StepActivist)
		return steps, Step{Kind: vocab.StepCandidate, Date: dayShift(act.Date.AddDate(0, p.ActivistMonths, 0), k)}
	}, [3]string{"refuse", "", ""}},
	{"approval", vocab.RuleDevApproval, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepApproval)
		vote, _ := Last(steps, vocab.StepAdmitVote)
		return steps, Step{Kind: vocab.StepApproval, Date: dayShift(vote.Date.AddDate(0, p.ApprovalMonths, 0), k), Outcome: vocab.OutcomePassed}
	}, [3]string{"", "", "warn"}},
	{"approval at the latest", vocab.RuleDevApproval, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepApproval)
		vote, _ := Last(steps, vocab.StepAdmitVote)
		return steps, Step{Kind: vocab.StepApproval, Date: dayShift(vote.Date.AddDate(0, p.ApprovalMaxMonths, 0), k), Outcome: vocab.OutcomePassed}
	}, [3]string{"warn", "warn", "refuse"}},
	{"probation", vocab.RuleDevProbation, func(p DevParams, d DevRules, k int) ([]Step, Step) {
		// 届满 on the anniversary of the vote (2019-04-08, no month end).
		steps := devHistory(p, "")
		vote, _ := Last(steps, vocab.StepAdmitVote)
		return steps, Step{Kind: vocab.StepConfirmVote, Date: dayShift(vote.Date.AddDate(0, p.ProbationMonths, 0), k),
			Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed}
	}, [3]string{"refuse", "", ""}},
	{"confirm", vocab.RuleDevConfirm, func(p DevParams, d DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, "")
		vote := Step{Kind: vocab.StepConfirmVote, Date: ProbationEnd(steps, d).AddDate(0, 0, 3),
			Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed}
		steps = append(steps, vote)
		return steps, Step{Kind: vocab.StepConfirmApproval, Date: dayShift(vote.Date.AddDate(0, p.ConfirmMonths, 0), k),
			Outcome: vocab.OutcomeConfirmed}
	}, [3]string{"", "", "warn"}},
	{"extension at least", vocab.RuleDevExtension, func(p DevParams, d DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, "")
		return steps, Step{Kind: vocab.StepConfirmVote, Date: ProbationEnd(steps, d).AddDate(0, 0, 3),
			Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeExtended, ExtendMonths: p.ExtensionMinMonths + k}
	}, [3]string{"refuse", "", ""}},
	{"extension at most", vocab.RuleDevExtension, func(p DevParams, d DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, "")
		return steps, Step{Kind: vocab.StepConfirmVote, Date: ProbationEnd(steps, d).AddDate(0, 0, 3),
			Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeExtended, ExtendMonths: p.ExtensionMaxMonths + k}
	}, [3]string{"", "", "refuse"}},
	{"extensions", vocab.RuleDevExtension, func(p DevParams, d DevRules, k int) ([]Step, Step) {
		// Extensions + k extensions approved already.
		steps := devHistory(p, "")
		day := ProbationEnd(steps, d)
		for range p.Extensions + k {
			day = day.AddDate(0, 0, 1)
			steps = append(steps, Step{Kind: vocab.StepConfirmVote, Date: day, Eligible: 10, Present: 10, For: 10,
				Outcome: vocab.OutcomeExtended, ExtendMonths: p.ExtensionMinMonths})
			day = day.AddDate(0, 0, 1)
			steps = append(steps, Step{Kind: vocab.StepConfirmApproval, Date: day,
				Outcome: vocab.OutcomeExtended, ExtendMonths: p.ExtensionMinMonths})
			day = ProbationEnd(steps, d)
		}
		day = day.AddDate(0, 0, 1)
		steps = append(steps, Step{Kind: vocab.StepConfirmVote, Date: day, Eligible: 10, Present: 10, For: 10,
			Outcome: vocab.OutcomeExtended, ExtendMonths: p.ExtensionMinMonths})
		return steps, Step{Kind: vocab.StepConfirmApproval, Date: day.AddDate(0, 0, 1), Outcome: vocab.OutcomeExtended,
			ExtendMonths: p.ExtensionMinMonths}
	}, [3]string{"", "refuse", "refuse"}},
	{"training hours", vocab.RuleDevTraining, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepTraining)
		return steps, Step{Kind: vocab.StepTraining, Date: d(2019, 6, 3), Hours: float64(p.TrainingHours + k),
			Days: float64(p.TrainingDays - 1)}
	}, [3]string{"warn", "", ""}},
	{"training days", vocab.RuleDevTraining, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepTraining)
		return steps, Step{Kind: vocab.StepTraining, Date: d(2019, 6, 3), Hours: float64(p.TrainingHours - 1),
			Days: float64(p.TrainingDays + k)}
	}, [3]string{"warn", "", ""}},
	{"training before the vote", vocab.RuleDevTraining, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepAdmitVote)
		for i := range steps {
			if steps[i].Kind == vocab.StepTraining {
				steps[i].Hours = float64(p.TrainingHours + k)
			}
		}
		vote := steps[len(steps)-1].Date.AddDate(0, 0, 3)
		return steps, Step{Kind: vocab.StepAdmitVote, Date: vote, Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed}
	}, [3]string{"refuse", "", ""}},
	{"publicity", vocab.RuleDevPublicity, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		// From a Monday, PublicityDays + k working days.
		steps := devHistory(p, vocab.StepPublicity)
		from := d(2026, 3, 2)
		until := from
		for n := 1; n < p.PublicityDays+k; {
			until = until.AddDate(0, 0, 1)
			if wd := until.Weekday(); wd != time.Saturday && wd != time.Sunday {
				n++
			}
		}
		return steps, Step{Kind: vocab.StepPublicity, Date: from, Until: until}
	}, [3]string{"warn", "", ""}},
	{"quorum present", vocab.RuleDevQuorum, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepAdmitVote)
		n := 20*p.QuorumPercent/100 + 1 + k // the least more than the share is n at k = 0
		return steps, Step{Kind: vocab.StepAdmitVote, Date: d(2020, 1, 6), Eligible: 20, Present: n, For: n,
			Outcome: vocab.OutcomePassed}
	}, [3]string{"refuse", "", ""}},
	{"quorum in favour", vocab.RuleDevQuorum, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepAdmitVote)
		n := 20*p.QuorumPercent/100 + 1 + k
		return steps, Step{Kind: vocab.StepAdmitVote, Date: d(2020, 1, 6), Eligible: 20, Present: 20, For: n,
			Outcome: vocab.OutcomePassed}
	}, [3]string{"refuse", "", ""}},
	{"introducers", vocab.RuleDevIntroducers, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		// Introducers + k different introducers named before the vote.
		steps := withoutKind(devHistory(p, vocab.StepAdmitVote), vocab.StepIntroducers, 1)
		ids := []string{"full1", "full2", "full3", "full4", "full5", "full6"}[:p.Introducers+k]
		for i := 0; i < len(ids); i += 2 {
			st := Step{Kind: vocab.StepIntroducers, Date: d(2019, 12, 1+i)}
			copy(st.People[:], ids[i:])
			steps = append(steps, st)
		}
		SortSteps(steps)
		return steps, Step{Kind: vocab.StepAdmitVote, Date: d(2020, 1, 6), Eligible: 10, Present: 10, For: 10,
			Outcome: vocab.OutcomePassed}
	}, [3]string{"refuse", "", ""}},
	{"contacts", vocab.RuleDevContacts, func(p DevParams, _ DevRules, k int) ([]Step, Step) {
		steps := devHistory(p, vocab.StepContacts)
		people := [2]string{}
		for i := range min(p.ContactsMin+k, 2) {
			people[i] = devPeople[i].ID
		}
		return steps, Step{Kind: vocab.StepContacts, Date: d(2018, 3, 20), People: people}
	}, [3]string{"refuse", "", ""}},
}

// TestCheckStepBoundaries checks every interval rule the day before its
// boundary, on it and the day after, under 2014's values and a second
// version's: the limits move with the version.
func TestCheckStepBoundaries(t *testing.T) {
	for _, v := range []DevRules{Rules2014(), rules2026(t)} {
		for _, tc := range devCases {
			for i, k := range []int{-1, 0, 1} {
				t.Run(fmt.Sprintf("%s/%s/%+d", v.Version, tc.name, k), func(t *testing.T) {
					if tc.name == "contacts" && v.Params.ContactsMin+k > 2 {
						t.Skip("a step names two")
					}
					steps, step := tc.build(v.Params, v, k)
					issues := CheckStep(v, Applicant{ID: "a", Birth: d1995(), Steps: steps}, step, devPeople, d(2026, 12, 1))
					if got := verdict(issues, tc.rule); got != tc.want[i] {
						t.Errorf("%s says %q, want %q: %s", tc.rule, got, tc.want[i], issueText(issues))
					}
					// Nothing else is said of a clean record.
					for _, is := range issues {
						if is.Rule != tc.rule {
							t.Errorf("unexpected %s", issueText([]StepIssue{is}))
						}
					}
				})
			}
		}
	}
}

func d1995() time.Time { return d(1995, 3, 10) }

// The values do come from the version: the same step is refused under one
// and accepted under the other.
func TestCheckStepFollowsTheVersion(t *testing.T) {
	v14, v26 := Rules2014(), rules2026(t)
	steps := devHistory(v26.Params, vocab.StepCandidate)
	act, _ := Last(steps, vocab.StepActivist)
	cand := Step{Kind: vocab.StepCandidate, Date: act.Date.AddDate(0, 7, 0)}
	if got := verdict(CheckStep(v26, Applicant{Steps: steps}, cand, nil, d(2026, 1, 1)), vocab.RuleDevActivistYear); got != "" {
		t.Errorf("under 2026 (6 months) seven months are enough, got %q", got)
	}
	is := CheckStep(v14, Applicant{Steps: steps}, cand, nil, d(2026, 1, 1))
	if verdict(is, vocab.RuleDevActivistYear) != "refuse" || !strings.Contains(is[0].Text, "12个月") {
		t.Errorf("under 2014 (12 months) seven months are refused, got %s", issueText(is))
	}
	// The zero DevRules is 2014.
	if got := CheckStep(DevRules{}, Applicant{Steps: steps}, cand, nil, d(2026, 1, 1)); issueText(got) != issueText(is) {
		t.Errorf("zero DevRules: %s", issueText(got))
	}
}

func TestCheckStepOrderAndPeople(t *testing.T) {
	p := Rules2014().Params
	full := devHistory(p, "")
	vote, _ := Last(full, vocab.StepAdmitVote)
	tests := []struct {
		name  string
		steps []Step
		step  Step
		rule  vocab.RuleID
		want  string
		text  string
	}{
		{"candidate without activist", devHistory(p, vocab.StepActivist), Step{Kind: vocab.StepCandidate, Date: d(2020, 1, 6)},
			vocab.RuleDevOrder, "refuse", "尚无“确定入党积极分子”的记录"},
		{"vote without candidate", devHistory(p, vocab.StepCandidate), Step{Kind: vocab.StepAdmitVote, Date: d(2020, 1, 6),
			Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed}, vocab.RuleDevOrder, "refuse", "“确定发展对象”"},
		{"approval without a passed vote", append(devHistory(p, vocab.StepAdmitVote), Step{Kind: vocab.StepAdmitVote,
			Date: d(2019, 6, 1), Eligible: 10, Present: 10, For: 2, Against: 8, Outcome: vocab.OutcomeRejected}),
			Step{Kind: vocab.StepApproval, Date: d(2019, 7, 1), Outcome: vocab.OutcomePassed}, vocab.RuleDevOrder, "refuse",
			"“支部大会讨论接收（通过）”"},
		{"confirm before approval", devHistory(p, vocab.StepApproval), Step{Kind: vocab.StepConfirmVote, Date: d(2021, 1, 4),
			Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed}, vocab.RuleDevOrder, "refuse", "“党委审批（通过）”"},
		{"dated before what it follows", devHistory(p, vocab.StepTalk), Step{Kind: vocab.StepActivist, Date: d(2017, 12, 1)},
			vocab.RuleDevOrder, "refuse", "记录在2018年1月8日"},
		{"after the end", append(devHistory(p, vocab.StepCandidate), Step{Kind: vocab.StepEnd, Date: d(2018, 9, 1),
			Outcome: vocab.OutcomeWithdrawn}), Step{Kind: vocab.StepReport, Date: d(2018, 10, 1)}, vocab.RuleDevOrder, "refuse", "已终止发展"},
		{"report of an applicant", devHistory(p, vocab.StepTalk), Step{Kind: vocab.StepReport, Date: d(2018, 2, 1)},
			vocab.RuleDevOrder, "", ""},
		{"report before applying", nil, Step{Kind: vocab.StepReport, Date: d(2018, 2, 1)}, vocab.RuleDevOrder, "refuse",
			"“递交入党申请书”"},
		{"review of an applicant", devHistory(p, vocab.StepActivist), Step{Kind: vocab.StepReview, Date: d(2018, 2, 1)},
			vocab.RuleDevOrder, "refuse", "“确定入党积极分子”"},
		{"contact a 预备党员", devHistory(p, vocab.StepContacts), Step{Kind: vocab.StepContacts, Date: d(2018, 3, 20),
			People: [2]string{"prob"}}, vocab.RuleDevContacts, "refuse", "培养联系人丁在2018年3月20日不是正式党员"},
		{"introducer unknown", devHistory(p, vocab.StepIntroducers), Step{Kind: vocab.StepIntroducers, Date: d(2019, 3, 20),
			People: [2]string{"full1", "nobody"}}, vocab.RuleDevIntroducers, "refuse", "入党介绍人不在党员名册中"},
		{"too few introducers", withoutKind(devHistory(p, vocab.StepAdmitVote), vocab.StepIntroducers, 1),
			Step{Kind: vocab.StepAdmitVote, Date: vote.Date, Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed},
			vocab.RuleDevIntroducers, "refuse", "须有2名入党介绍人，记录中只有0名"},
		{"vote without vetting", withoutKind(devHistory(p, vocab.StepAdmitVote), vocab.StepVetting, 1),
			Step{Kind: vocab.StepAdmitVote, Date: vote.Date, Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed},
			vocab.RuleDevVetting, "refuse", "政治审查"},
		{"pre-review without vetting", withoutKind(devHistory(p, vocab.StepPreReview), vocab.StepVetting, 1),
			Step{Kind: vocab.StepPreReview, Date: vote.Date}, vocab.RuleDevVetting, "refuse", "政治审查"},
		{"vote without publicity", withoutKind(devHistory(p, vocab.StepAdmitVote), vocab.StepPublicity, 1),
			Step{Kind: vocab.StepAdmitVote, Date: vote.Date, Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed},
			vocab.RuleDevPublicity, "warn", "尚无公示记录"},
		{"approval without party talk", withoutKind(devHistory(p, vocab.StepApproval), vocab.StepPartyTalk, 1),
			Step{Kind: vocab.StepApproval, Date: vote.Date.AddDate(0, 1, 0), Outcome: vocab.OutcomePassed},
			vocab.RuleDevPartyTalk, "refuse", "党委派人谈话"},
		{"a rejected vote needs no quorum", devHistory(p, vocab.StepAdmitVote), Step{Kind: vocab.StepAdmitVote, Date: vote.Date,
			Eligible: 10, Present: 3, For: 1, Outcome: vocab.OutcomeRejected}, vocab.RuleDevQuorum, "", ""},
		{"quorum text", devHistory(p, vocab.StepAdmitVote), Step{Kind: vocab.StepAdmitVote, Date: vote.Date,
			Eligible: 10, Present: 5, For: 5, Outcome: vocab.OutcomePassed}, vocab.RuleDevQuorum, "refuse",
			"到会有表决权的正式党员5人，未超过应到会有表决权人数10人的半数"},
		{"archive after 转正", append(devHistory(p, ""), Step{Kind: vocab.StepConfirmVote, Date: d(2021, 6, 1), Eligible: 10,
			Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed}, Step{Kind: vocab.StepConfirmApproval, Date: d(2021, 6, 10),
			Outcome: vocab.OutcomeConfirmed}), Step{Kind: vocab.StepArchive, Date: d(2021, 7, 1)}, vocab.RuleDevOrder, "", ""},
		{"a report after 转正", append(devHistory(p, ""), Step{Kind: vocab.StepConfirmVote, Date: d(2021, 6, 1), Eligible: 10,
			Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed}, Step{Kind: vocab.StepConfirmApproval, Date: d(2021, 6, 10),
			Outcome: vocab.OutcomeConfirmed}), Step{Kind: vocab.StepReport, Date: d(2021, 7, 1)}, vocab.RuleDevOrder, "refuse",
			"已于2021年6月10日转为正式党员"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			SortSteps(tt.steps)
			is := CheckStep(Rules2014(), Applicant{Birth: d1995(), Steps: tt.steps}, tt.step, devPeople, d(2026, 12, 1))
			if got := verdict(is, tt.rule); got != tt.want {
				t.Fatalf("%s says %q, want %q: %s", tt.rule, got, tt.want, issueText(is))
			}
			if tt.text != "" && !strings.Contains(issueText(is), tt.text) {
				t.Errorf("text %s lacks %q", issueText(is), tt.text)
			}
		})
	}
}

// withoutKind drops the steps of kind (n of them at most).
func withoutKind(steps []Step, kind vocab.DevStep, n int) []Step {
	var out []Step
	for _, s := range steps {
		if s.Kind == kind && n > 0 {
			if kind != vocab.StepIntroducers {
				n--
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func TestWorkingDays(t *testing.T) {
	// 2026-03-02 is a Monday.
	for _, tt := range []struct {
		from, until time.Time
		want        int
	}{
		{d(2026, 3, 2), d(2026, 3, 6), 5}, {d(2026, 3, 2), d(2026, 3, 8), 5}, {d(2026, 3, 2), d(2026, 3, 9), 6},
		{d(2026, 3, 7), d(2026, 3, 8), 0}, {d(2026, 3, 6), d(2026, 3, 5), 0},
	} {
		if got := workingDays(tt.from, tt.until); got != tt.want {
			t.Errorf("workingDays(%s, %s) = %d, want %d", dateText(tt.from), dateText(tt.until), got, tt.want)
		}
	}
}

// TestCheckLedgerStepWarnsOfMissingRecords: a step taken from an old 台账
// that lacks the steps before it is accepted with a warning for each
// missing one, while what its own dates break is refused as in CheckStep.
func TestCheckLedgerStepWarnsOfMissingRecords(t *testing.T) {
	p := Rules2014().Params
	noTalk := withoutKind(devHistory(p, vocab.StepApproval), vocab.StepPartyTalk, 1)
	vote, _ := Last(noTalk, vocab.StepAdmitVote)
	approval := Step{Kind: vocab.StepApproval, Date: vote.Date.AddDate(0, 0, 20), Outcome: vocab.OutcomePassed}
	a := Applicant{Steps: noTalk, Birth: d1995()}
	if v := verdict(CheckStep(Rules2014(), a, approval, nil, d(2026, 1, 1)), vocab.RuleDevPartyTalk); v != "refuse" {
		t.Fatalf("CheckStep: %q, want refuse", v)
	}
	issues := CheckLedgerStep(Rules2014(), a, approval, nil)
	if v := verdict(issues, vocab.RuleDevPartyTalk); v != "warn" || !strings.Contains(issueText(issues), "按原台账导入") {
		t.Errorf("CheckLedgerStep: %q %s, want a warning", v, issueText(issues))
	}
	late := Step{Kind: vocab.StepApproval, Date: vote.Date.AddDate(0, p.ApprovalMaxMonths, 1), Outcome: vocab.OutcomePassed}
	if v := verdict(CheckLedgerStep(Rules2014(), a, late, nil), vocab.RuleDevApproval); v != "refuse" {
		t.Errorf("an approval after %d months from a ledger: %q, want refuse", p.ApprovalMaxMonths, v)
	}
}

// TestOneIntroducerAndNoFormAreWarned: a single 入党介绍人 is warned of when
// recorded, not first refused at the 支部大会; a 支部大会 without a 入党志愿书
// on record is warned of.
func TestOneIntroducerAndNoFormAreWarned(t *testing.T) {
	p := Rules2014().Params
	history := devHistory(p, vocab.StepIntroducers)
	a := Applicant{Steps: history, Birth: d1995()}
	cand, _ := Last(history, vocab.StepCandidate)
	one := Step{Kind: vocab.StepIntroducers, Date: cand.Date.AddDate(0, 0, 1), People: [2]string{"full1"}}
	issues := CheckStep(Rules2014(), a, one, devPeople[:1], d(2026, 1, 1))
	if v := verdict(issues, vocab.RuleDevIntroducers); v != "warn" || !strings.Contains(issueText(issues), "目前只有1名") {
		t.Errorf("one introducer: %q %s", v, issueText(issues))
	}
	two := one
	two.People = [2]string{"full1", "full2"}
	if v := verdict(CheckStep(Rules2014(), a, two, devPeople[:2], d(2026, 1, 1)), vocab.RuleDevIntroducers); v != "" {
		t.Errorf("two introducers: %q", v)
	}

	full := devHistory(p, vocab.StepPartyTalk)
	vote, _ := Last(full, vocab.StepAdmitVote)
	var prior []Step
	for _, s := range full {
		if s.Kind != vocab.StepForm && s.Kind != vocab.StepAdmitVote {
			prior = append(prior, s)
		}
	}
	issues = CheckStep(Rules2014(), Applicant{Steps: prior, Birth: d1995()}, vote, nil, d(2026, 1, 1))
	if !strings.Contains(issueText(issues), "填写入党志愿书") || slices.ContainsFunc(issues, func(is StepIssue) bool {
		return is.Refuse && strings.Contains(is.Text, "志愿书")
	}) {
		t.Errorf("a vote without a 入党志愿书: %s", issueText(issues))
	}
}
