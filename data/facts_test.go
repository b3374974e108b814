package data_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data"
)

// TestFactsGatheredFromRecords checks the aggregate queries behind Check
// against records written through the store.
func TestFactsGatheredFromRecords(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "吴十", 9)
	m.IsLeader = true
	must(t, s.Members.Create(ctx, m))
	ref := data.Ref(m.ID)

	tr := &data.Training{Date: data.NewDate(2025, 5, 10), Hours: 4, Form: "培训班", Topic: "党章"}
	must(t, s.Trainings.Create(ctx, tr))
	must(t, s.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID), MemberID: ref})) // 0 → the session's 4
	tr2 := &data.Training{Date: data.NewDate(2025, 6, 10), Hours: 3, Form: "培训班", Topic: "党史"}
	must(t, s.Trainings.Create(ctx, tr2))
	must(t, s.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr2.ID), MemberID: ref, Hours: 1.5}))

	mt := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2025, 3, 5)}
	must(t, s.Meetings.Create(ctx, mt))
	must(t, s.MeetingAttendance.Create(ctx, &data.MeetingAttendance{MeetingID: data.Ref(mt.ID), MemberID: ref, Status: "出席"}))
	gone := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2025, 9, 5)}
	must(t, s.Meetings.Create(ctx, gone))
	must(t, s.Meetings.Delete(ctx, gone)) // deleted meetings count for nothing

	for _, month := range []string{"2025-01", "2025-02", "2025-12", "2026-01"} {
		must(t, s.Dues.Create(ctx, &data.Dues{MemberID: ref, Month: month, Due: 3000, Paid: 3000}))
	}
	must(t, s.Dues.Create(ctx, &data.Dues{MemberID: ref, Month: "2025-03", Due: 3000, Paid: 1000})) // short
	must(t, s.Liaisons.Create(ctx, &data.Liaison{MemberID: ref, Kind: "群众", Contact: "张老师",
		Since: data.NewDate(2024, 1, 1), Until: data.NewDate(2025, 12, 31)}))

	// A past year is checked as of 1 January of the next.
	f, err := s.Facts(ctx, 2025, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var hours float64
	for _, tt := range f.Training {
		hours += tt.Hours
	}
	if hours != 5.5 {
		t.Errorf("training hours %v, want 4 (session default) + 1.5", hours)
	}
	if len(f.Dues) != 4 {
		t.Errorf("dues rows of 2025: %d, want 4 (not 2026's)", len(f.Dues))
	}
	if got := f.Coverage.Dues; !got.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("dues covered from %v, want January 2025 (the first row, before the database was made)", got)
	}
	if got := f.LastPaid[m.ID]; !got.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("last paid %v", got)
	}
	if got := f.LastAttended[m.ID]; !got.Equal(time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("last attended %v: the deleted meeting must not count", got)
	}
	if len(f.Meetings) != 1 || len(f.Attended) != 1 {
		t.Errorf("meetings %d, leader attendance %d", len(f.Meetings), len(f.Attended))
	}
	if len(f.Liaisons) != 1 {
		t.Errorf("a liaison in force on the year's last day is missing: %+v", f.Liaisons)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRecordTrainingCreditsEveryAttendee(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	var ids []string
	for i, name := range []string{"甲", "乙", "丙"} {
		m := validMember(b, name, 20+i)
		must(t, s.Members.Create(ctx, m))
		ids = append(ids, m.ID)
	}
	must(t, s.RecordTraining(ctx, &data.Training{Date: data.NewDate(2026, 3, 1), Hours: 4, Form: "培训班", Topic: "党章"}, ids[:2]))
	must(t, s.RecordTraining(ctx, &data.Training{Date: data.NewDate(2026, 4, 1), Hours: 2, Form: "个人自学", Topic: "自学"}, ids))
	fig, err := s.Figures(ctx, 2026, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	hours := map[string]float64{}
	for _, h := range fig.TrainingHours() {
		hours[h.Member.ID] = h.Hours
	}
	if hours[ids[0]] != 4 || hours[ids[1]] != 4 || hours[ids[2]] != 0 {
		t.Fatalf("hours %v (个人自学 does not count)", hours)
	}
	err = s.RecordTraining(ctx, &data.Training{Date: data.NewDate(2026, 5, 1), Hours: 1, Form: "党课", Topic: "无人"}, nil)
	if data.ProblemsOf(err) == nil {
		t.Fatalf("a training with nobody was accepted: %v", err)
	}
}
