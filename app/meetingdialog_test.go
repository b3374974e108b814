package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"dangjian/data"
)

func TestMeetingDialogWaitsForTheBranchChosenAndSavesOnce(t *testing.T) {
	u, q, s, ids := openMeetingsScreen(t)
	ctx := context.Background()
	s.branch.SetSelected("教工第一党支部")
	q.settle(u)
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	d := s.dialog
	fillMeeting(t, d, map[string]string{"kind": "主题党日", "date": u.store.Now().Format("2006-01-02"),
		"topic": "重温入党誓词"})
	if len(d.attendance()) != 3 {
		t.Fatalf("the attendance lists %d, want 教工第一党支部's 3", len(d.attendance()))
	}
	save := findButtonIn(t, u, "保存")

	// Another branch is chosen: until its members are read, the list is
	// the previous branch's, and 保存 waits.
	fillMeeting(t, d, map[string]string{"branch_id": "学生第一党支部"})
	if !save.Disabled() {
		t.Fatal("保存 is enabled while the branch's members are read")
	}
	d.save() // Enter in a field
	if d.form.general.Text != waitForBranch {
		t.Fatalf("saving while the branch's members are read says %q", d.form.general.Text)
	}
	q.settle(u)
	if n, _ := u.store.Meetings.Count(ctx); n != 0 {
		t.Fatalf("%d meetings stored while the branch's members were read", n)
	}
	if save.Disabled() || d.form.general.Text != "" {
		t.Fatalf("once read: 保存 disabled %v, message %q", save.Disabled(), d.form.general.Text)
	}

	test.Tap(save)
	test.Tap(save) // tapped again before the store answers
	d.save()       // and Enter
	q.settle(u)
	ms, err := u.store.Meetings.List(ctx)
	if err != nil || len(ms) != 1 {
		t.Fatalf("保存 pressed three times stored %d meetings (%v), want 1", len(ms), err)
	}
	if ms[0].BranchID != data.Ref(branchID(t, u, "学生第一党支部")) {
		t.Fatal("the meeting is not 学生第一党支部's")
	}
	att, err := u.store.MeetingAttendanceOf(ctx, ms[0].ID)
	if err != nil || len(att) != 1 || att[ids["张伟"]] != "出席" {
		t.Fatalf("the attendance stored is %v (%v), want 学生第一党支部's 张伟 alone", att, err)
	}
}
