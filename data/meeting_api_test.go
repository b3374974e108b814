package data_test

import (
	"context"
	"errors"
	"maps"
	"testing"

	"dangjian/data"
)

// meetingFixture is a branch with four members, by name.
func meetingFixture(t *testing.T) (*data.Store, *data.Branch, map[string]string) {
	t.Helper()
	s := newStore(t)
	b := addBranch(t, s, "第一党支部")
	ids := map[string]string{}
	for i, name := range []string{"赵一", "钱二", "孙三", "李四"} {
		m := validMember(b, name, 40+i)
		if err := s.Members.Create(context.Background(), m); err != nil {
			t.Fatal(err)
		}
		ids[name] = m.ID
	}
	return s, b, ids
}

// attendanceRows returns every attendance row of the meeting, deleted ones
// too, by member id.
func attendanceRows(t *testing.T, s *data.Store, meetingID string) map[string]data.MeetingAttendance {
	t.Helper()
	rows, err := s.MeetingAttendance.List(context.Background(), data.Where("meeting_id", meetingID), data.WithDeleted())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]data.MeetingAttendance{}
	for _, r := range rows {
		if _, dup := out[string(r.MemberID)]; dup {
			t.Fatalf("two attendance rows for member %s", r.MemberID)
		}
		out[string(r.MemberID)] = r
	}
	return out
}

func TestSaveMeetingCreatesTheMeetingWithItsAttendance(t *testing.T) {
	s, b, ids := meetingFixture(t)
	ctx := context.Background()
	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 3, 5),
		Topic: "重温入党誓词", Host: "赵一", Minutes: "第一项……\n第二项……"}
	want := map[string]string{ids["赵一"]: "出席", ids["钱二"]: "出席", ids["孙三"]: "请假"}
	if err := s.SaveMeeting(ctx, m, want); err != nil {
		t.Fatal(err)
	}
	if m.ID == "" || m.Version != 1 {
		t.Fatalf("the meeting did not get its id and version: %+v", m.Meta)
	}
	stored, err := s.Meetings.Get(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Topic != "重温入党誓词" || stored.Minutes != m.Minutes || stored.Kind != "主题党日" {
		t.Fatalf("stored meeting %+v", stored)
	}
	got, err := s.MeetingAttendanceOf(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Fatalf("attendance %v, want %v", got, want)
	}
	if n, _ := s.MeetingAttendance.Count(ctx); n != 3 {
		t.Fatalf("%d attendance rows, want 3", n)
	}
}

func TestSaveMeetingUpdatesChangesAddsAndRemovesAttendance(t *testing.T) {
	s, b, ids := meetingFixture(t)
	ctx := context.Background()
	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "支委会", Date: data.NewDate(2026, 4, 8), Topic: "研究发展党员"}
	if err := s.SaveMeeting(ctx, m, map[string]string{
		ids["赵一"]: "出席", ids["钱二"]: "出席", ids["孙三"]: "请假",
	}); err != nil {
		t.Fatal(err)
	}
	first := attendanceRows(t, s, m.ID)
	id := m.ID

	// 钱二 becomes 缺席, 孙三 leaves the list, 李四 joins it, 赵一 stays.
	m.Topic = "研究发展党员(续)"
	want := map[string]string{ids["赵一"]: "出席", ids["钱二"]: "缺席", ids["李四"]: "请假"}
	if err := s.SaveMeeting(ctx, m, want); err != nil {
		t.Fatal(err)
	}
	if m.ID != id || m.Version != 2 {
		t.Fatalf("the update made %+v", m.Meta)
	}
	if n, _ := s.Meetings.Count(ctx); n != 1 {
		t.Fatalf("%d meetings after an update, want 1", n)
	}
	if stored, _ := s.Meetings.Get(ctx, id); stored.Topic != "研究发展党员(续)" {
		t.Fatalf("topic not updated: %q", stored.Topic)
	}
	got, err := s.MeetingAttendanceOf(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Fatalf("attendance %v, want %v", got, want)
	}
	rows := attendanceRows(t, s, id)
	if r := rows[ids["赵一"]]; r.Version != 1 || r.ID != first[ids["赵一"]].ID {
		t.Errorf("an unchanged row was rewritten: %+v", r.Meta)
	}
	if r := rows[ids["钱二"]]; r.Version != 2 || r.ID != first[ids["钱二"]].ID || r.Status != "缺席" {
		t.Errorf("a changed status is not an update of the same row: %+v %q", r.Meta, r.Status)
	}
	if r := rows[ids["孙三"]]; !r.Deleted() {
		t.Errorf("the row of a member taken off the list is live: %+v", r.Meta)
	}
	if r := rows[ids["李四"]]; r.Deleted() || r.Status != "请假" {
		t.Errorf("the added member: %+v %q", r.Meta, r.Status)
	}

	// The map is the full attendance: an empty one removes every row.
	if err := s.SaveMeeting(ctx, m, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.MeetingAttendanceOf(ctx, id); len(got) != 0 {
		t.Fatalf("attendance after saving none: %v", got)
	}
}

func TestSaveMeetingRefusedWritesNothing(t *testing.T) {
	s, b, ids := meetingFixture(t)
	ctx := context.Background()
	count := func() (meetings, rows int) {
		meetings, _ = s.Meetings.Count(ctx, data.WithDeleted())
		rows, _ = s.MeetingAttendance.Count(ctx, data.WithDeleted())
		return meetings, rows
	}

	// A date after the store's today (2026-11-26).
	future := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 12, 1)}
	err := s.SaveMeeting(ctx, future, map[string]string{ids["赵一"]: "出席"})
	if p := data.ProblemsOf(err); len(p) != 1 || p[0].Col != "date" || p[0].Msg != "不能晚于今天" {
		t.Fatalf("a meeting in the future: %v", err)
	}
	if future.ID != "" || future.Version != 0 {
		t.Fatalf("a refused meeting kept an id: %+v", future.Meta)
	}
	if m, r := count(); m != 0 || r != 0 {
		t.Fatalf("a refused meeting wrote %d meetings, %d attendance rows", m, r)
	}

	// A bad status rolls back the meeting written before it.
	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "党课", Date: data.NewDate(2026, 5, 20), Topic: "党史"}
	err = s.SaveMeeting(ctx, m, map[string]string{ids["赵一"]: "出席", ids["钱二"]: "迟到"})
	if p := data.ProblemsOf(err); len(p) != 1 || p[0].Col != "status" {
		t.Fatalf("a bad status: %v", err)
	}
	if m.ID != "" {
		t.Fatalf("the meeting kept the id of a rolled-back row: %q", m.ID)
	}
	if n, r := count(); n != 0 || r != 0 {
		t.Fatalf("a refused attendance wrote %d meetings, %d attendance rows", n, r)
	}
	// The same record saves once corrected: it is still new.
	if err := s.SaveMeeting(ctx, m, map[string]string{ids["赵一"]: "出席", ids["钱二"]: "请假"}); err != nil {
		t.Fatal(err)
	}

	// An update with an unknown member leaves the meeting and rows as they were.
	before := *m
	m.Topic = "改过的主题"
	err = s.SaveMeeting(ctx, m, map[string]string{ids["赵一"]: "缺席", "no-such-member": "出席"})
	if p := data.ProblemsOf(err); len(p) != 1 || p[0].Col != "member_id" {
		t.Fatalf("an unknown member: %v", err)
	}
	if m.Version != before.Version {
		t.Fatalf("a refused update changed the version: %d → %d", before.Version, m.Version)
	}
	if stored, _ := s.Meetings.Get(ctx, m.ID); stored.Topic != "党史" || stored.Version != before.Version {
		t.Fatalf("a refused update was written: %+v", stored)
	}
	if got, _ := s.MeetingAttendanceOf(ctx, m.ID); got[ids["赵一"]] != "出席" || len(got) != 2 {
		t.Fatalf("a refused update changed the attendance: %v", got)
	}

	// A stale copy is a conflict.
	stale := before
	before.Topic = "党史(修订)"
	if err := s.SaveMeeting(ctx, &before, map[string]string{ids["赵一"]: "出席"}); err != nil {
		t.Fatal(err)
	}
	stale.Topic = "另一人的修改"
	if err := s.SaveMeeting(ctx, &stale, nil); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("a stale update: %v, want ErrConflict", err)
	}
}

func TestMeetingAttendanceOfAMeetingWithoutRows(t *testing.T) {
	s, _, _ := meetingFixture(t)
	got, err := s.MeetingAttendanceOf(context.Background(), "no-such-meeting")
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("got %v, %v; want an empty map", got, err)
	}
}
