package data_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// TestPipelineMakesTheMemberAndConfirmsIt takes one applicant from the
// application to 转正 through the store: the 党委's approval makes the
// member record from the applicant's (nothing retyped), the 转正 approval
// makes them a 正式党员 on the day the 预备期 ends.
func TestPipelineMakesTheMemberAndConfirmsIt(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	b := addBranch(t, s, "计算机系学生第一党支部")
	introducer1, introducer2 := validMember(b, "王红", 1), validMember(b, "李明", 2)
	for _, m := range []*data.Member{introducer1, introducer2} {
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	birth := time.Date(2003, 9, 1, 0, 0, 0, 0, time.UTC)
	a := &data.Applicant{BranchID: data.Ref(b.ID), Name: "赵小满", PersonType: string(vocab.PersonStudent),
		IDNumber: field.MakeIDNumber("110101", birth, 7, false), StaffNo: "2022001", Phone: "13900000000"}
	if err := s.Applicants.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	if a.Gender != string(vocab.Female) || a.BirthDate.IsZero() {
		t.Fatalf("gender and birth should come from the 公民身份号码: %q %v", a.Gender, a.BirthDate)
	}
	steps := []*data.DevStep{
		{Step: string(vocab.StepApply), Date: data.NewDate(2023, 9, 10)},
		{Step: string(vocab.StepTalk), Date: data.NewDate(2023, 9, 25), PersonID: data.Ref(introducer1.ID)},
		{Step: string(vocab.StepActivist), Date: data.NewDate(2023, 10, 20)},
		{Step: string(vocab.StepCandidate), Date: data.NewDate(2024, 11, 5)},
		{Step: string(vocab.StepIntroducers), Date: data.NewDate(2024, 11, 6), PersonID: data.Ref(introducer1.ID),
			Person2ID: data.Ref(introducer2.ID)},
		{Step: string(vocab.StepVetting), Date: data.NewDate(2024, 12, 1)},
		{Step: string(vocab.StepTraining), Date: data.NewDate(2025, 3, 1), Until: data.NewDate(2025, 3, 3), Days: 3, Hours: 24},
		{Step: string(vocab.StepPublicity), Date: data.NewDate(2025, 5, 6), Until: data.NewDate(2025, 5, 12)},
		{Step: string(vocab.StepAdmitVote), Date: data.NewDate(2025, 5, 20), Eligible: 20, Present: 18,
			VotesFor: 18, Outcome: string(vocab.OutcomePassed)},
		{Step: string(vocab.StepPartyTalk), Date: data.NewDate(2025, 6, 1), PersonID: data.Ref(introducer1.ID)},
		{Step: string(vocab.StepApproval), Date: data.NewDate(2025, 6, 10), Outcome: string(vocab.OutcomePassed)},
	}
	for _, st := range steps {
		st.ApplicantID = data.Ref(a.ID)
		if _, err := s.RecordDevStep(ctx, st); err != nil {
			t.Fatalf("%s: %v", st.Step, err)
		}
	}
	a, err := s.Applicants.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.MemberID == "" {
		t.Fatal("the 党委's approval should make the member record")
	}
	m, err := s.Members.Get(ctx, string(a.MemberID))
	if err != nil {
		t.Fatal(err)
	}
	if m.Name != a.Name || m.IDNumber != a.IDNumber || m.StaffNo != a.StaffNo || m.Phone != a.Phone ||
		m.Category != string(vocab.CategoryProbation) || m.JoinedDate != data.NewDate(2025, 5, 20) {
		t.Fatalf("member made from the applicant: %+v", m)
	}
	vote := &data.DevStep{ApplicantID: data.Ref(a.ID), Step: string(vocab.StepConfirmVote),
		Date: data.NewDate(2026, 5, 20), Eligible: 20, Present: 18, VotesFor: 18, Outcome: string(vocab.OutcomeConfirmed)}
	if _, err := s.RecordDevStep(ctx, vote); err != nil {
		t.Fatal(err)
	}
	confirm := &data.DevStep{ApplicantID: data.Ref(a.ID), Step: string(vocab.StepConfirmApproval),
		Date: data.NewDate(2026, 6, 30), Outcome: string(vocab.OutcomeConfirmed)}
	if _, err := s.RecordDevStep(ctx, confirm); err != nil {
		t.Fatal(err)
	}
	m, err = s.Members.Get(ctx, string(a.MemberID))
	if err != nil {
		t.Fatal(err)
	}
	if m.Category != string(vocab.CategoryFull) || m.ConfirmedAt != data.NewDate(2026, 5, 20) {
		t.Fatalf("after 转正: %s %v, want 正式党员 2026-05-20", m.Category, m.ConfirmedAt)
	}
	pipe, err := s.Pipeline(ctx)
	if err != nil || len(pipe) != 1 || len(pipe[0].Steps) != len(steps)+2 {
		t.Fatalf("pipeline: %v %+v", err, pipe)
	}
}
