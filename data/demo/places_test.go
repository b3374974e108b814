package demo

import (
	"context"
	"testing"

	"dangjian/data"
	"dangjian/data/vocab"
)

func TestTheDemoRecordsPlacesReasonsAndVotes(t *testing.T) {
	s, _ := generate(t, Options{Members: 300, Seed: 3, AsOf: fixedNow})
	ctx := context.Background()
	meetings, err := s.Meetings.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range meetings {
		if m.Location == "" {
			t.Fatalf("meeting %s %s has no 地点", m.Date, m.Kind)
		}
	}
	trainings, _ := s.Trainings.List(ctx)
	for _, tr := range trainings {
		if (tr.Location == "") != (tr.Form == string(vocab.FormSelfStudy)) {
			t.Fatalf("session %s %s has 地点 %q", tr.Form, tr.Topic, tr.Location)
		}
	}
	att, _ := s.MeetingAttendance.List(ctx)
	excused, excusedWithReason := 0, 0
	for _, a := range att {
		switch vocab.Attendance(a.Status) {
		case vocab.Present:
			if a.Reason != "" {
				t.Fatalf("a member present has the reason %q", a.Reason)
			}
		case vocab.Excused:
			excused++
			if a.Reason != "" {
				excusedWithReason++
			}
		}
	}
	if excused == 0 || excusedWithReason != excused {
		t.Fatalf("%d of %d 请假 have a reason, want all", excusedWithReason, excused)
	}

	members, _ := s.Members.List(ctx)
	branchOf, heads := map[data.Ref]data.Ref{}, map[data.Ref]int{}
	for _, m := range members {
		branchOf[data.Ref(m.ID)] = m.BranchID
		heads[m.BranchID]++
	}
	appraisals, _ := s.Appraisals.List(ctx)
	voted := 0
	for _, a := range appraisals {
		n := a.VoteTotal()
		if n > heads[branchOf[a.MemberID]] {
			t.Fatalf("an appraisal counts %d votes in a branch of %d members", n, heads[branchOf[a.MemberID]])
		}
		if a.Grade != "" {
			if n == 0 || a.SuperiorOpinion == "" {
				t.Fatalf("a graded appraisal (%s) has %d votes and the opinion %q", a.Grade, n, a.SuperiorOpinion)
			}
			voted++
		}
		if a.Grade == string(vocab.GradeExcellent) && a.VotesExcellent*2 < n {
			t.Fatalf("an 优秀 appraisal has %d of %d votes 优秀", a.VotesExcellent, n)
		}
	}
	if voted == 0 {
		t.Fatal("no appraisal was graded")
	}
}
