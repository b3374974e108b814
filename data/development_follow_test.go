package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// admittedApplicant takes a new applicant to the 党委's approval and
// returns them with their steps by kind.
func admittedApplicant(t *testing.T, s *data.Store) (*data.Applicant, map[vocab.DevStep]*data.DevStep) {
	t.Helper()
	ctx := context.Background()
	b := addBranch(t, s, "计算机系学生第一党支部")
	in1, in2 := validMember(b, "王红", 1), validMember(b, "李明", 2)
	for _, m := range []*data.Member{in1, in2} {
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	birth := time.Date(2003, 9, 1, 0, 0, 0, 0, time.UTC)
	a := &data.Applicant{BranchID: data.Ref(b.ID), Name: "赵小满", PersonType: string(vocab.PersonStudent),
		IDNumber: field.MakeIDNumber("110101", birth, 7, false)}
	if err := s.Applicants.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	steps := []*data.DevStep{
		{Step: string(vocab.StepApply), Date: data.NewDate(2023, 9, 10)},
		{Step: string(vocab.StepTalk), Date: data.NewDate(2023, 9, 25), PersonID: data.Ref(in1.ID)},
		{Step: string(vocab.StepActivist), Date: data.NewDate(2023, 10, 20)},
		{Step: string(vocab.StepCandidate), Date: data.NewDate(2024, 11, 5)},
		{Step: string(vocab.StepIntroducers), Date: data.NewDate(2024, 11, 6), PersonID: data.Ref(in1.ID),
			Person2ID: data.Ref(in2.ID)},
		{Step: string(vocab.StepVetting), Date: data.NewDate(2024, 12, 1)},
		{Step: string(vocab.StepTraining), Date: data.NewDate(2025, 3, 1), Until: data.NewDate(2025, 3, 3), Days: 3, Hours: 24},
		{Step: string(vocab.StepPublicity), Date: data.NewDate(2025, 5, 6), Until: data.NewDate(2025, 5, 12)},
		{Step: string(vocab.StepAdmitVote), Date: data.NewDate(2025, 5, 20), Eligible: 20, Present: 18,
			VotesFor: 18, Outcome: string(vocab.OutcomePassed)},
		{Step: string(vocab.StepPartyTalk), Date: data.NewDate(2025, 6, 1), PersonID: data.Ref(in1.ID)},
		{Step: string(vocab.StepApproval), Date: data.NewDate(2025, 6, 10), Outcome: string(vocab.OutcomePassed)},
	}
	byKind := map[vocab.DevStep]*data.DevStep{}
	for _, st := range steps {
		st.ApplicantID = data.Ref(a.ID)
		if _, err := s.RecordDevStep(ctx, st); err != nil {
			t.Fatalf("%s: %v", st.Step, err)
		}
		byKind[vocab.DevStep(st.Step)] = st
	}
	a, err := s.Applicants.Get(ctx, a.ID)
	if err != nil || a.MemberID == "" {
		t.Fatalf("not admitted: %v", err)
	}
	return a, byKind
}

// TestEditedStepsMoveTheMember: editing the 支部大会's vote of a person
// already a member moves their 入党日期, editing the 转正 moves the 转正日期.
func TestEditedStepsMoveTheMember(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	a, steps := admittedApplicant(t, s)
	vote := steps[vocab.StepAdmitVote]
	vote.Date = data.NewDate(2025, 5, 22)
	if _, err := s.RecordDevStep(ctx, vote); err != nil {
		t.Fatal(err)
	}
	m, err := s.Members.Get(ctx, string(a.MemberID))
	if err != nil {
		t.Fatal(err)
	}
	if m.JoinedDate != data.NewDate(2025, 5, 22) {
		t.Fatalf("入党日期 %v, want the edited vote's 2025-05-22", m.JoinedDate)
	}
	for _, st := range []*data.DevStep{
		{Step: string(vocab.StepConfirmVote), Date: data.NewDate(2026, 5, 22), Eligible: 20, Present: 18, VotesFor: 18,
			Outcome: string(vocab.OutcomeConfirmed)},
		{Step: string(vocab.StepConfirmApproval), Date: data.NewDate(2026, 6, 30), Outcome: string(vocab.OutcomeConfirmed)},
	} {
		st.ApplicantID = data.Ref(a.ID)
		if _, err := s.RecordDevStep(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	if m, _ = s.Members.Get(ctx, string(a.MemberID)); m.ConfirmedAt != data.NewDate(2026, 5, 22) {
		t.Fatalf("转正日期 %v, want 2026-05-22", m.ConfirmedAt)
	}
	vote.Date = data.NewDate(2025, 5, 21)
	if _, err := s.RecordDevStep(ctx, vote); err != nil {
		t.Fatal(err)
	}
	m, _ = s.Members.Get(ctx, string(a.MemberID))
	if m.JoinedDate != data.NewDate(2025, 5, 21) || m.ConfirmedAt != data.NewDate(2026, 5, 21) {
		t.Fatalf("after the vote moved again: %v %v, want 2025-05-21 2026-05-21", m.JoinedDate, m.ConfirmedAt)
	}
}

// TestAdmittingStepOfAMemberStays: the 党委审批 and 支部大会讨论接收 of a
// person already a member are neither deleted nor made 未通过.
func TestAdmittingStepOfAMemberStays(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	_, steps := admittedApplicant(t, s)
	for _, kind := range []vocab.DevStep{vocab.StepApproval, vocab.StepAdmitVote} {
		st := steps[kind]
		err := s.DevSteps.Delete(ctx, st)
		if !errors.Is(err, data.ErrAdmittedStep) || !strings.Contains(err.Error(), "党籍状态") {
			t.Fatalf("delete %s: %v", kind, err)
		}
		c := *st
		c.Outcome = string(vocab.OutcomeRejected)
		if _, err := s.RecordDevStep(ctx, &c); len(data.ProblemsOf(err)) != 1 ||
			!strings.Contains(err.Error(), "党籍状态") {
			t.Fatalf("%s made 未通过: %v", kind, err)
		}
	}
	if err := s.DevSteps.Delete(ctx, steps[vocab.StepPartyTalk]); err != nil {
		t.Fatalf("another step: %v", err)
	}
}

// TestApplicantWordingFitsEveryStage: the words of an applicant's problems
// name no single stage (a 发展对象 is one of them).
func TestApplicantWordingFitsEveryStage(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	a, _ := admittedApplicant(t, s)
	twin := &data.Applicant{BranchID: a.BranchID, Name: "钱多多", IDNumber: a.IDNumber}
	err := s.Applicants.Create(ctx, twin)
	if err == nil || !strings.Contains(err.Error(), "与发展党员名册中的入党申请人赵小满重复") {
		t.Fatalf("a second applicant with the same 公民身份号码: %v", err)
	}
	for _, f := range (&data.DevStep{}).Fields() {
		if f.Col == "applicant_id" && f.Label != "入党申请人" {
			t.Fatalf("applicant_id is labelled %q", f.Label)
		}
	}
}

// TestApplicantWithAMembersNumber: a new applicant with the 公民身份号码
// of a member on the rolls is refused naming the member; linked to the
// member they are accepted, and the 党委's approval warns of a 入党日期
// other than the vote's without changing the member.
func TestApplicantWithAMembersNumber(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	b := addBranch(t, s, "计算机系学生第一党支部")
	m := validMember(b, "张三", 3)
	m.JoinedDate, m.ConfirmedAt = data.NewDate(2023, 6, 1), data.NewDate(2024, 6, 1)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	a := &data.Applicant{BranchID: data.Ref(b.ID), Name: "张三", IDNumber: m.IDNumber}
	err := s.Applicants.Create(ctx, a)
	if err == nil || !strings.Contains(err.Error(), "已是在册党员张三") {
		t.Fatalf("an applicant with a member's number: %v", err)
	}
	a.MemberID = data.Ref(m.ID)
	if err := s.Applicants.Create(ctx, a); err != nil {
		t.Fatalf("linked to the member: %v", err)
	}
	for _, st := range []*data.DevStep{
		{Step: string(vocab.StepApply), Date: data.NewDate(2021, 9, 10), FromLedger: true},
		{Step: string(vocab.StepActivist), Date: data.NewDate(2021, 10, 20), FromLedger: true},
		{Step: string(vocab.StepCandidate), Date: data.NewDate(2022, 11, 5), FromLedger: true},
		{Step: string(vocab.StepAdmitVote), Date: data.NewDate(2023, 5, 20), Eligible: 20, Present: 18,
			VotesFor: 18, Outcome: string(vocab.OutcomePassed), FromLedger: true},
	} {
		st.ApplicantID = data.Ref(a.ID)
		if _, err := s.RecordDevStep(ctx, st); err != nil {
			t.Fatalf("%s: %v", st.Step, err)
		}
	}
	approval := &data.DevStep{ApplicantID: data.Ref(a.ID), Step: string(vocab.StepApproval),
		Date: data.NewDate(2023, 6, 10), Outcome: string(vocab.OutcomePassed), FromLedger: true}
	warnings, err := s.RecordDevStep(ctx, approval)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range warnings {
		if strings.Contains(w.Text, "2023-06-01") && strings.Contains(w.Text, "2023-05-20") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning naming both dates: %+v", warnings)
	}
	got, _ := s.Members.Get(ctx, m.ID)
	if got.JoinedDate != data.NewDate(2023, 6, 1) {
		t.Errorf("the member's 入党日期 changed to %v", got.JoinedDate)
	}
	if n, _ := s.Members.Count(ctx); n != 1 {
		t.Errorf("%d members, want 1", n)
	}
}
