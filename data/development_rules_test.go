package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// addApplicant adds an applicant born in 2003 to branch b.
func addApplicant(t *testing.T, s *data.Store, b *data.Branch, name string, seq int) *data.Applicant {
	t.Helper()
	birth := time.Date(2003, 9, 1, 0, 0, 0, 0, time.UTC)
	a := &data.Applicant{BranchID: data.Ref(b.ID), Name: name, PersonType: string(vocab.PersonStudent),
		IDNumber: field.MakeIDNumber("110101", birth, seq, true)}
	if err := s.Applicants.Create(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

// record records steps for the applicant, failing on a refusal.
func record(t *testing.T, s *data.Store, a *data.Applicant, steps ...*data.DevStep) {
	t.Helper()
	for _, st := range steps {
		st.ApplicantID = data.Ref(a.ID)
		if _, err := s.RecordDevStep(context.Background(), st); err != nil {
			t.Fatalf("%s: %v", st.Step, err)
		}
	}
}

func stepCount(t *testing.T, s *data.Store, a *data.Applicant) int {
	t.Helper()
	steps, err := s.ApplicantSteps(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(steps)
}

// A step the rules forbid is refused naming the rule and writes nothing;
// one they allow with a warning is written and the warning returned; a
// version of the rules added in 设置 and chosen there changes what is
// refused.
func TestRecordDevStepRefusesWarnsAndFollowsTheVersion(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	b := addBranch(t, s, "数学系学生党支部")
	a := addApplicant(t, s, b, "孙小青", 11)
	record(t, s, a, &data.DevStep{Step: string(vocab.StepApply), Date: data.NewDate(2025, 1, 10)})

	// A talk three months after the application: accepted, with DEV-TALK.
	talk := &data.DevStep{ApplicantID: data.Ref(a.ID), Step: string(vocab.StepTalk), Date: data.NewDate(2025, 4, 10)}
	warnings, err := s.RecordDevStep(ctx, talk)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || warnings[0].Rule != vocab.RuleDevTalk || warnings[0].Refuse ||
		!strings.Contains(warnings[0].Text, "2025年2月10日前") {
		t.Fatalf("warnings %+v, want DEV-TALK", warnings)
	}
	if talk.ID == "" || stepCount(t, s, a) != 2 {
		t.Fatal("the warned talk was not written")
	}
	record(t, s, a, &data.DevStep{Step: string(vocab.StepActivist), Date: data.NewDate(2025, 5, 6)})

	// 确定发展对象 four months later: refused under 2014 (12 months).
	cand := &data.DevStep{ApplicantID: data.Ref(a.ID), Step: string(vocab.StepCandidate), Date: data.NewDate(2025, 9, 8)}
	issues, err := s.CheckDevStep(ctx, cand)
	if err != nil || len(issues) != 1 || issues[0].Rule != vocab.RuleDevActivistYear || !issues[0].Refuse {
		t.Fatalf("CheckDevStep = %+v, %v", issues, err)
	}
	_, err = s.RecordDevStep(ctx, cand)
	var ve *data.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), string(vocab.RuleDevActivistYear)) ||
		!strings.Contains(err.Error(), "12个月") {
		t.Fatalf("RecordDevStep = %v, want a refusal naming DEV-ACTIVIST-YEAR", err)
	}
	if stepCount(t, s, a) != 3 {
		t.Fatal("the refused step was written")
	}

	// A version with 3 months, chosen in 设置: the same step is accepted.
	v := &data.DevRuleVersion{Name: "2026试行", Title: "某细则（2026年试行）", Body: `{"params":{"activist_months":3}}`}
	if err := s.DevRuleVersions.Create(ctx, v); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, rules.DevRulesSetting, "2026试行"); err != nil {
		t.Fatal(err)
	}
	d, err := s.DevRules(ctx)
	if err != nil || d.Version != "2026试行" || d.Params.ActivistMonths != 3 {
		t.Fatalf("DevRules = %+v, %v", d, err)
	}
	cand.ID = ""
	warnings, err = s.RecordDevStep(ctx, cand)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("under 2026试行: %+v, %v", warnings, err)
	}
	if stepCount(t, s, a) != 4 {
		t.Fatal("the accepted step was not written")
	}
	// Back to 2014: the recorded step is reported as a finding of its year
	// (though before the records begin: its dates are recorded).
	if err := s.SetSetting(ctx, rules.DevRulesSetting, rules.DevVersion2014); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Check(ctx, 2025, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range fs {
		if f.Rule == vocab.RuleDevActivistYear && f.ApplicantID == a.ID && f.Member == "孙小青" &&
			f.Branch == "数学系学生党支部" && strings.Contains(f.Detail, "2025年9月8日确定发展对象") {
			found = true
		}
	}
	if !found {
		t.Errorf("no DEV-ACTIVIST-YEAR finding for the step recorded under another version: %v", fs)
	}
}

// The facts carry the pipeline: an application without a talk is overdue
// in the year's findings, with the applicant's id; a talk due this month
// is a to-do.
func TestFactsCarryThePipeline(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	b := addBranch(t, s, "物理系学生党支部")
	late := addApplicant(t, s, b, "周一", 21)
	record(t, s, late, &data.DevStep{Step: string(vocab.StepApply), Date: data.NewDate(2026, 9, 1)})
	soon := addApplicant(t, s, b, "吴二", 22)
	record(t, s, soon, &data.DevStep{Step: string(vocab.StepApply), Date: data.NewDate(2026, 10, 28)})
	// The database began this month: a deadline that passed before it (周一's
	// talk, due 1 October) is not missing; one due from this month on (吴二's,
	// 28 November) is this month's to-do.
	fs, err := s.Check(ctx, 2026, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	var dev []rules.Finding
	for _, f := range fs {
		if f.Rule.IsDev() {
			dev = append(dev, f)
		}
	}
	if len(dev) != 1 || dev[0].Member != "吴二" || !dev[0].Due || dev[0].Rule != vocab.RuleDevTalk {
		t.Errorf("with the records begun this month, want only 吴二's talk as a to-do: %+v", dev)
	}
	if err := s.SetSetting(ctx, rules.RecordsSinceKey, "2026-01"); err != nil {
		t.Fatal(err)
	}
	f, err := s.Facts(ctx, 2026, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Applicants) != 2 || len(f.Applicants[0].Steps) != 1 {
		t.Fatalf("applicants %+v", f.Applicants)
	}
	fig, err := s.Figures(ctx, 2026, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fd := range fig.Findings() {
		if fd.Rule == vocab.RuleDevTalk {
			due := ""
			if fd.Due {
				due = "待办"
			}
			got = append(got, fd.Member+"|"+fd.ApplicantID+"|"+due+"|"+fd.Detail)
		}
	}
	want := []string{
		"吴二|" + soon.ID + "|待办|本月待办：2026年10月28日递交入党申请书，应于2026年11月28日前谈话",
		"周一|" + late.ID + "||2026年9月1日递交入党申请书，应于2026年10月1日前谈话，尚无谈话记录",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sum := fig.Summary()
	if sum.Due < 1 || sum.Open() != sum.Findings-sum.Due {
		t.Errorf("summary: %d findings, %d due, %d open", sum.Findings, sum.Due, sum.Open())
	}
}
