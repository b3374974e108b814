package data_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"dangjian/data"
)

// attendeeRows returns the session's attendance rows, deleted ones too, by
// member id.
func attendeeRows(t *testing.T, s *data.Store, trainingID string) map[string]data.TrainingAttendee {
	t.Helper()
	rows, err := s.TrainingAttendees.List(context.Background(), data.Where(data.ColTrainingID, trainingID), data.WithDeleted())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]data.TrainingAttendee{}
	for _, r := range rows {
		out[string(r.MemberID)] = r
	}
	return out
}

// TestRecordTrainingEditsAStoredSession: saving a stored session changes
// its fields and makes its attendance exactly the list given, keeping the
// rows of members still listed.
func TestRecordTrainingEditsAStoredSession(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	zhang, li, wang := ms["张三"].ID, ms["李四"].ID, ms["王五"].ID
	tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
	must(t, s.RecordTraining(ctx, tr, []string{zhang, li}))
	before := attendeeRows(t, s, tr.ID)

	tr.Topic = "党史学习教育"
	must(t, s.RecordTraining(ctx, tr, []string{li, wang, wang}))
	if tr.Version != 2 {
		t.Errorf("version %d after one edit", tr.Version)
	}
	got, err := s.TrainingAttendeesOf(ctx, tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	want := []string{li, wang}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("attendees %v, want 李四 and 王五", got)
	}
	after := attendeeRows(t, s, tr.ID)
	if after[zhang].DeletedAt.IsZero() {
		t.Error("张三's attendance is still live")
	}
	if after[li].ID != before[li].ID || after[li].Version != before[li].Version {
		t.Errorf("李四's row was rewritten: %+v → %+v", before[li], after[li])
	}
	if stored, _ := s.Trainings.Get(ctx, tr.ID); stored.Topic != "党史学习教育" {
		t.Errorf("topic %q", stored.Topic)
	}

	// New hours reach the attendees credited with the old ones, not one
	// credited by hand.
	rows := attendeeRows(t, s, tr.ID)
	own := rows[wang]
	own.Hours = 1
	must(t, s.TrainingAttendees.Update(ctx, &own))
	tr.Hours = 3
	must(t, s.RecordTraining(ctx, tr, []string{li, wang}))
	rows = attendeeRows(t, s, tr.ID)
	if rows[li].Hours != 3 || rows[wang].Hours != 1 {
		t.Errorf("hours: 李四 %v (want 3), 王五 %v (want 1)", rows[li].Hours, rows[wang].Hours)
	}

	// An empty list is refused, and nothing changes.
	if data.ProblemsOf(s.RecordTraining(ctx, tr, nil)) == nil {
		t.Error("a session without attendees was saved")
	}
}

// TestEditsBegunMeanwhileAreRefused: two people open the same session or
// meeting; the second to save is told it changed, even when the first
// changed only who attended.
func TestEditsBegunMeanwhileAreRefused(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	b, ms := people(t, s)
	zhang, li := ms["张三"].ID, ms["李四"].ID

	tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
	must(t, s.RecordTraining(ctx, tr, []string{zhang}))
	mine, theirs := *tr, *tr
	must(t, s.RecordTraining(ctx, &theirs, []string{zhang, li})) // attendance only
	if err := s.RecordTraining(ctx, &mine, []string{zhang}); !errors.Is(err, data.ErrConflict) {
		t.Errorf("a stale session saved: %v", err)
	}
	if err := s.DeleteTraining(ctx, &mine); !errors.Is(err, data.ErrConflict) {
		t.Errorf("a stale session deleted: %v", err)
	}
	if got, _ := s.TrainingAttendeesOf(ctx, tr.ID); len(got) != 2 {
		t.Errorf("attendees %v after the refused saves", got)
	}
	h, _ := s.History(ctx, tr.ID)
	if last := h[len(h)-1]; last.Action != "update" || len(last.Changes) != 1 {
		t.Errorf("the attendance change is not in the session's history: %+v", last)
	}

	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "支部党员大会", Date: data.NewDate(2026, 4, 10)}
	must(t, s.SaveMeeting(ctx, m, map[string]string{zhang: "出席"}))
	mineM, theirsM := *m, *m
	must(t, s.SaveMeeting(ctx, &theirsM, map[string]string{zhang: "请假"}))
	if err := s.SaveMeeting(ctx, &mineM, map[string]string{zhang: "出席", li: "出席"}); !errors.Is(err, data.ErrConflict) {
		t.Errorf("a stale meeting saved: %v", err)
	}
	if err := s.DeleteMeeting(ctx, &mineM); !errors.Is(err, data.ErrConflict) {
		t.Errorf("a stale meeting deleted: %v", err)
	}
	if got, _ := s.MeetingAttendanceOf(ctx, m.ID); len(got) != 1 || got[zhang] != "请假" {
		t.Errorf("attendance %v after the refused saves", got)
	}
	// Saving what is there writes nothing.
	v := theirsM.Version
	must(t, s.SaveMeeting(ctx, &theirsM, map[string]string{zhang: "请假"}))
	if theirsM.Version != v {
		t.Errorf("an unchanged meeting moved to version %d", theirsM.Version)
	}
}
