package rules

import (
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data/vocab"
)

// devSynthetic adds to f (checked in 2026) applicants whose records give a
// finding of every DEV- rule.
func devSynthetic(f *Facts) {
	b := f.Branches[0].ID
	passed := func(s Step) Step { s.Eligible, s.Present, s.For, s.Outcome = 10, 8, 8, vocab.OutcomePassed; return s }
	add := func(id, name string, birth int, steps ...Step) {
		SortSteps(steps)
		f.Applicants = append(f.Applicants, Applicant{ID: id, OrgID: "", BranchID: b, Name: name,
			Birth: d(birth, 1, 1), Gender: vocab.Male, PersonType: vocab.PersonStudent, Steps: steps})
	}
	// Too young, no talk.
	add("ap1", "申请甲", 2010, Step{Kind: vocab.StepApply, Date: d(2026, 3, 1)})
	// 发展对象 too early; a contact not on the rolls; no reports, reviews or 备案.
	add("ap2", "申请乙", 2004, Step{Kind: vocab.StepApply, Date: d(2025, 1, 10)},
		Step{Kind: vocab.StepTalk, Date: d(2025, 1, 20)}, Step{Kind: vocab.StepActivist, Date: d(2025, 3, 1)},
		Step{Kind: vocab.StepContacts, Date: d(2026, 1, 10), People: [2]string{"nobody"}},
		Step{Kind: vocab.StepCandidate, Date: d(2026, 2, 1)})
	// A vote without vetting, training, introducers, quorum; a late approval
	// without the 党委's talk.
	add("ap3", "申请丙", 2003, Step{Kind: vocab.StepApply, Date: d(2024, 1, 1)},
		Step{Kind: vocab.StepActivist, Date: d(2024, 3, 1)}, Step{Kind: vocab.StepCandidate, Date: d(2025, 4, 1)},
		Step{Kind: vocab.StepIntroducers, Date: d(2026, 1, 5), People: [2]string{"nobody"}},
		Step{Kind: vocab.StepTraining, Date: d(2026, 2, 2), Hours: 10, Days: 1},
		Step{Kind: vocab.StepPublicity, Date: d(2026, 3, 2), Until: d(2026, 3, 3)},
		Step{Kind: vocab.StepAdmitVote, Date: d(2026, 3, 10), Eligible: 10, Present: 5, For: 5, Outcome: vocab.OutcomePassed},
		Step{Kind: vocab.StepApproval, Date: d(2026, 10, 1), Outcome: vocab.OutcomePassed})
	// A vote without a 发展对象.
	add("ap4", "申请丁", 2000, Step{Kind: vocab.StepApply, Date: d(2026, 2, 1)},
		passed(Step{Kind: vocab.StepAdmitVote, Date: d(2026, 3, 1)}))
	// An extension too short, approved late; the 预备期 over, no vote.
	add("ap5", "申请戊", 2000, Step{Kind: vocab.StepApply, Date: d(2023, 1, 1)},
		Step{Kind: vocab.StepActivist, Date: d(2023, 3, 1)}, Step{Kind: vocab.StepCandidate, Date: d(2024, 3, 1)},
		passed(Step{Kind: vocab.StepAdmitVote, Date: d(2024, 6, 1)}),
		Step{Kind: vocab.StepPartyTalk, Date: d(2024, 6, 10)},
		Step{Kind: vocab.StepApproval, Date: d(2024, 7, 1), Outcome: vocab.OutcomePassed},
		Step{Kind: vocab.StepConfirmVote, Date: d(2026, 1, 5), Eligible: 10, Present: 8, For: 8,
			Outcome: vocab.OutcomeExtended, ExtendMonths: 3},
		Step{Kind: vocab.StepConfirmApproval, Date: d(2026, 5, 10), Outcome: vocab.OutcomeExtended, ExtendMonths: 3})
}

func TestDevSyntheticGivesEveryRule(t *testing.T) {
	f := newFacts(2026, d(2026, 11, 15))
	f.Branches = append(f.Branches, branch("b1", "第一党支部"))
	devSynthetic(f)
	seen := map[vocab.RuleID]bool{}
	for _, fd := range All(f, DefaultSettings()) {
		if !fd.Rule.IsDev() {
			continue
		}
		seen[fd.Rule] = true
		if fd.ApplicantID == "" || fd.Branch != "第一党支部" || fd.Member == "" {
			t.Errorf("finding without its person: %+v", fd)
		}
	}
	for _, id := range vocab.DevRuleIDs {
		if !seen[id] {
			t.Errorf("no %s finding", id)
		}
	}
}

// devFacts is 2026 checked on asOf with one branch and the applicants.
func devFacts(day time.Time, apps ...Applicant) *Facts {
	f := newFacts(day.Year(), day)
	f.Branches = append(f.Branches, branch("b1", "第一党支部"))
	for i := range apps {
		if apps[i].BranchID == "" {
			apps[i].BranchID = "b1"
		}
		SortSteps(apps[i].Steps)
	}
	f.Applicants = apps
	return f
}

// devLines gives the DEV- findings as "rule|due|detail".
func devLines(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		if !f.Rule.IsDev() {
			continue
		}
		due := ""
		if f.Due {
			due = "待办"
		}
		out = append(out, string(f.Rule)+"|"+due+"|"+f.Detail)
	}
	return out
}

func TestDevFindingsOfAnActivist(t *testing.T) {
	// An activist since 2026-02-10 with a report in the 2nd quarter, no
	// review, contacts named and filed: checked on 2026-11-15.
	a := Applicant{ID: "a1", Name: "张三", Birth: d(2000, 1, 1), Steps: []Step{
		{Kind: vocab.StepApply, Date: d(2025, 12, 1)}, {Kind: vocab.StepTalk, Date: d(2025, 12, 20)},
		{Kind: vocab.StepActivist, Date: d(2026, 2, 10)}, {Kind: vocab.StepActivistFiled, Date: d(2026, 2, 12)},
		{Kind: vocab.StepContacts, Date: d(2026, 2, 12)}, {Kind: vocab.StepReport, Date: d(2026, 5, 1)},
	}}
	f := devFacts(d(2026, 11, 15), a)
	sameLines(t, devLines(All(f, DefaultSettings())), []string{
		"DEV-CONTACTS||2026年2月12日指定培养联系人：须指定至少1名培养联系人",
		"DEV-REPORT||2026年第3季度未递交思想汇报（2026年2月10日确定为入党积极分子）",
		"DEV-REPORT|待办|本月待办：2026年第4季度尚未递交思想汇报",
		"DEV-REVIEW|待办|本月待办：2026年下半年尚未开展培养考察",
	})
	// A period is owed from its first month on: named in February, the
	// activist owed nothing for the first quarter or half year; named in
	// January, both.
	f.Applicants[0].Steps[2].Date = d(2026, 1, 20)
	got := strings.Join(devLines(All(f, DefaultSettings())), "\n")
	if !strings.Contains(got, "2026年第1季度、第3季度未递交思想汇报") || !strings.Contains(got, "2026年上半年未开展培养考察") {
		t.Errorf("an activist from January owes the first quarter's report:\n%s", got)
	}
	// Records kept from 2026-07 on (an imported pipeline): no period
	// before is missing (a step recorded before is still checked on its
	// own).
	f.Coverage = Coverage{Meetings: d(2026, 7, 1), Training: d(2026, 7, 1), Dues: d(2026, 7, 1), Talks: d(2026, 7, 1),
		Agreements: d(2026, 7, 1)}
	got = strings.Join(devLines(All(f, DefaultSettings())), "\n")
	if strings.Contains(got, "第1") || strings.Contains(got, "上半年") || !strings.Contains(got, "指定培养联系人：") {
		t.Errorf("periods and steps before the records begin are flagged:\n%s", got)
	}
	if !strings.Contains(got, "2026年第3季度未递交思想汇报") {
		t.Errorf("the third quarter is covered:\n%s", got)
	}
}

func TestDevFindingsDeadlinesAndToDos(t *testing.T) {
	apply := func(id string, day Step) Applicant {
		return Applicant{ID: id, Name: "李" + id, Birth: d(2000, 1, 1), Steps: []Step{day}}
	}
	vote := func(id string, voted Step) Applicant {
		return Applicant{ID: id, Name: "王" + id, Birth: d(2000, 1, 1), Steps: append(devHistory(Rules2014().Params,
			vocab.StepAdmitVote), voted)}
	}
	passed := Step{Kind: vocab.StepAdmitVote, Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomePassed}
	at := func(s Step, day Step) Step { s.Date = day.Date; return s }
	f := devFacts(d(2026, 11, 15),
		apply("1", Step{Kind: vocab.StepApply, Date: d(2026, 10, 14)}), // talk due 11-14: overdue
		apply("2", Step{Kind: vocab.StepApply, Date: d(2026, 10, 15)}), // due 11-15: to-do
		apply("3", Step{Kind: vocab.StepApply, Date: d(2026, 11, 1)}),  // due 12-01: neither
		vote("4", at(passed, Step{Date: d(2026, 8, 14)})),              // approval due 11-14: overdue
		vote("5", at(passed, Step{Date: d(2026, 8, 30)})),              // due 11-30: to-do
		vote("6", at(passed, Step{Date: d(2026, 5, 14)})),              // past the 6 months
	)
	got := devLines(All(f, DefaultSettings()))
	want := []string{
		"DEV-TALK||2026年10月14日递交入党申请书，应于2026年11月14日前谈话，尚无谈话记录",
		"DEV-TALK|待办|本月待办：2026年10月15日递交入党申请书，应于2026年11月15日前谈话",
		"DEV-APPROVAL||2026年8月14日支部大会通过接收，党委应于2026年11月14日前审批，尚未审批（特殊情况最迟2027年2月14日）",
		"DEV-APPROVAL|待办|本月待办：2026年8月30日支部大会通过接收，党委应于2026年11月30日前审批",
		"DEV-APPROVAL||2026年5月14日支部大会通过接收，党委尚未审批，已超过最长6个月（2026年11月14日）",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %s\nin:\n  %s", w, strings.Join(got, "\n  "))
		}
	}
	for _, g := range got {
		if strings.Contains(g, "李3") || strings.Contains(g, "2026年11月1日递交") {
			t.Errorf("not yet due: %s", g)
		}
	}
	// A version with two months for the talk: the first is a to-do no
	// more, nothing is overdue.
	s := DefaultSettings()
	s.Dev = rules2026(t)
	for _, g := range devLines(All(f, s)) {
		if strings.HasPrefix(g, "DEV-TALK") {
			t.Errorf("under 2026 no talk is due yet: %s", g)
		}
	}
	// To-dos are no 待整改问题.
	due := 0
	for _, fd := range All(f, DefaultSettings()) {
		if fd.Due {
			due++
			if fd.Problem() {
				t.Errorf("a to-do counted as a problem: %s", fd.Detail)
			}
		}
	}
	sum := NewFigures(f, DefaultSettings()).Summary()
	if due == 0 || sum.Due != due || sum.Open() != sum.Findings-due {
		t.Errorf("summary: %d findings, %d due, %d open", sum.Findings, sum.Due, sum.Open())
	}
	// A past year shows no to-dos.
	f.AsOf = d(2027, 1, 1)
	for _, fd := range All(f, DefaultSettings()) {
		if fd.Due {
			t.Errorf("to-do in a closed year: %s", fd.Detail)
		}
	}
}

// probLines are the PROBATION, DEV-PROBATION and DEV-CONFIRM findings.
func probLines(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		switch f.Rule {
		case vocab.RuleProbation, vocab.RuleDevProbation, vocab.RuleDevConfirm:
			due := ""
			if f.Due {
				due = "待办"
			}
			out = append(out, string(f.Rule)+"|"+due+"|"+f.Member+"|"+f.Detail)
		}
	}
	return out
}

func TestDevProbationAndConfirm(t *testing.T) {
	d14 := Rules2014()
	steps := devHistory(d14.Params, "")
	end := ProbationEnd(steps, d14) // the vote of 2019-04-08: 2020-04-07
	if end != d(2020, 4, 7) {
		t.Fatalf("ProbationEnd = %s", dateText(end))
	}
	a := Applicant{ID: "a1", Name: "赵六", MemberID: "m1", Birth: d(1995, 1, 1), Steps: steps}
	f := devFacts(d(2020, 4, 20), a)
	f.Members = append(f.Members, member("m1", "赵六", "b1", probationary, joined(d(2019, 4, 8))))
	// PROBATION reports the member (its window); DEV-PROBATION does not
	// again.
	sameLines(t, probLines(All(f, DefaultSettings())), []string{"PROBATION||赵六|预备期已于2020年4月8日届满，尚未讨论转正"})
	// Extended by 6 months: PROBATION takes the new end from ProbationEnd.
	ext := append(slices.Clone(steps),
		Step{Kind: vocab.StepConfirmVote, Date: d(2020, 4, 8), Eligible: 10, Present: 10, For: 10,
			Outcome: vocab.OutcomeExtended, ExtendMonths: 6},
		Step{Kind: vocab.StepConfirmApproval, Date: d(2020, 4, 15), Outcome: vocab.OutcomeExtended, ExtendMonths: 6})
	f.Applicants[0].Steps = ext
	if got := probLines(All(f, DefaultSettings())); len(got) != 0 {
		t.Errorf("extended to 2020-10-07, nothing is due yet: %v", got)
	}
	f.AsOf = d(2020, 9, 20)
	sameLines(t, probLines(All(f, DefaultSettings())), []string{"PROBATION|待办|赵六|预备期将于2020年10月8日届满，请及时讨论转正"})
	// PROBATION left out for the person's type: DEV-PROBATION tells it.
	s := DefaultSettings()
	s.NotFor[rProbation] = personBit(vocab.PersonStaff)
	f.AsOf = d(2020, 10, 9)
	sameLines(t, probLines(All(f, s)), []string{"DEV-PROBATION||赵六|预备期已于2020年10月8日届满，尚未讨论转正"})
	f.AsOf = d(2020, 10, 2)
	sameLines(t, probLines(All(f, s)), []string{"DEV-PROBATION|待办|赵六|本月待办：预备期将于2020年10月8日届满，请及时讨论转正"})
	// On the day itself (the vote is allowed from then on) it is not yet overdue.
	f.AsOf = d(2020, 10, 8)
	sameLines(t, probLines(All(f, s)), []string{"DEV-PROBATION|待办|赵六|本月待办：预备期将于2020年10月8日届满，请及时讨论转正"})
	// The vote held, the approval is due within 3 months.
	f.Applicants[0].Steps = append(ext, Step{Kind: vocab.StepConfirmVote, Date: d(2020, 10, 8), Eligible: 10,
		Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed})
	f.AsOf = d(2021, 1, 9)
	sameLines(t, probLines(All(f, DefaultSettings())), []string{
		"DEV-CONFIRM||赵六|2020年10月8日支部大会讨论转正，党委应于2021年1月8日前审批，尚未审批"})
}

func TestDevRecordedStepsOfTheYear(t *testing.T) {
	// A step imported out of order is reported in its year, and not in
	// another.
	a := Applicant{ID: "a1", Name: "钱七", Birth: d(2000, 1, 1), Steps: []Step{
		{Kind: vocab.StepApply, Date: d(2025, 3, 1)}, {Kind: vocab.StepTalk, Date: d(2025, 3, 10)},
		{Kind: vocab.StepCandidate, Date: d(2026, 2, 1)},
	}}
	f := devFacts(d(2026, 11, 15), a)
	sameLines(t, devLines(All(f, DefaultSettings())), []string{
		"DEV-ORDER||2026年2月1日确定发展对象：“确定发展对象”须在“确定入党积极分子”之后，尚无“确定入党积极分子”的记录",
		"DEV-FILING||2026年2月1日确定为发展对象，尚未报党委备案",
	})
	f.Year, f.AsOf = 2025, d(2026, 1, 1)
	if got := devLines(All(f, DefaultSettings())); len(got) != 0 {
		t.Errorf("2025: %v", got)
	}
}

func TestForOrgSplitsApplicants(t *testing.T) {
	f := newFacts(2026, d(2026, 11, 15))
	f.Branches = []Branch{{ID: "b1", Name: "一", OrgID: "o1"}, {ID: "b2", Name: "二", OrgID: "o2"}}
	f.Applicants = []Applicant{{ID: "a1", OrgID: "o1", BranchID: "b1"}, {ID: "a2", BranchID: "b2"}}
	if got := f.ForOrg("o1").Applicants; len(got) != 1 || got[0].ID != "a1" {
		t.Errorf("o1: %v", got)
	}
	if got := f.ForOrg("o2").Applicants; len(got) != 1 || got[0].ID != "a2" {
		t.Errorf("o2: %v", got)
	}
}

// Reports are owed until 转正: a member confirmed in June owed the first
// quarter's, not the third's.
func TestDevReportsUntilConfirmed(t *testing.T) {
	p := Rules2014().Params
	steps := append(devHistory(p, ""),
		Step{Kind: vocab.StepReport, Date: d(2026, 4, 10)},
		Step{Kind: vocab.StepReview, Date: d(2026, 3, 10)},
		Step{Kind: vocab.StepConfirmVote, Date: d(2026, 5, 20), Eligible: 10, Present: 10, For: 10, Outcome: vocab.OutcomeConfirmed},
		Step{Kind: vocab.StepConfirmApproval, Date: d(2026, 6, 10), Outcome: vocab.OutcomeConfirmed})
	f := devFacts(d(2026, 11, 15), Applicant{ID: "a1", Name: "孙八", Birth: d(1995, 1, 1), Steps: steps})
	sameLines(t, devLines(All(f, DefaultSettings())), []string{
		"DEV-REPORT||2026年第1季度未递交思想汇报（2018年3月8日确定为入党积极分子）",
	})
}

// BenchmarkDevFindings is the pipeline of a large college: 1,500 people
// at every stage.
func BenchmarkDevFindings(b *testing.B) {
	f := synthetic(3000, 80, 100)
	p := Rules2014().Params
	full := devHistory(p, "")
	for i := range 1500 {
		steps := slices.Clone(full[:1+i%len(full)])
		for j := range steps {
			steps[j].Date = steps[j].Date.AddDate(7, i%12, 0)
		}
		for q := range 4 {
			steps = append(steps, Step{Kind: vocab.StepReport, Date: d(2025+q%2, 1+3*q, 5)})
		}
		SortSteps(steps)
		f.Applicants = append(f.Applicants, Applicant{ID: "a" + strings.Repeat("x", i%7) + string(rune('0'+i%10)) + string(rune(i)),
			BranchID: f.Branches[i%len(f.Branches)].ID, Name: "申请人" + string(rune(0x4e00+i)), Birth: d(2000, 1, 1), Steps: steps})
	}
	var n int
	for b.Loop() {
		e := newEngine(f, DefaultSettings())
		n = 0
		for r := rDevOrder; r <= rDevExtension; r++ {
			n += len(e.run(r))
		}
	}
	b.ReportMetric(float64(n), "findings")
}
