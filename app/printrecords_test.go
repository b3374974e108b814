package app

import (
	"context"
	"maps"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// reasonEntryOf is the reason's entry in the attendance row of the member
// with the label, as the list lays it out.
func reasonEntryOf(t *testing.T, d *meetingDialog, label string) *escEntry {
	t.Helper()
	for _, o := range test.LaidOutObjects(d.people.list) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			continue
		}
		l, isLabel := c.Objects[0].(*widget.Label)
		if !isLabel || l.Text != label {
			continue
		}
		_, _, e := rowParts(c)
		return e
	}
	t.Fatalf("no attendance row shows %s", label)
	return nil
}

func TestTrainingDialogRecordsThePlace(t *testing.T) {
	u, q, s, ids := openTrainingScreen(t)
	s.openRecord()
	q.settle(u)
	d := s.record
	fillTraining(d, "党章学习", "2", "2026-03-05")
	place := d.form.inputs["location"].object.(*widget.Entry)
	if place.PlaceHolder == "" {
		t.Fatal("地点 has no example")
	}
	test.Type(place, "学院会议室(行政楼305)")
	d.people.add([]string{ids["张伟"]})
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	ts, err := u.store.Trainings.List(context.Background())
	if err != nil || len(ts) != 1 || ts[0].Location != "学院会议室(行政楼305)" {
		t.Fatalf("stored sessions %+v (%v)", ts, err)
	}
	s.openSession(ts[0])
	q.settle(u)
	if got := s.record.form.inputs["location"].object.(*widget.Entry).Text; got != "学院会议室(行政楼305)" {
		t.Fatalf("the saved session opens with 地点 %q", got)
	}
}

func TestMeetingDialogRecordsThePlaceAndWhyMembersWereAway(t *testing.T) {
	u, q, s, ids := openMeetingsScreen(t)
	ctx := context.Background()
	s.branch.SetSelected("教工第一党支部")
	q.settle(u)
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	d := s.dialog
	fillMeeting(t, d, map[string]string{"kind": "主题党日", "date": u.store.Now().Format("2006-01-02"),
		"topic": "重温入党誓词", "location": "党员活动室(行政楼201)"})
	q.settle(u)

	// A member present has no reason to give.
	if e := reasonEntryOf(t, d, "赵敏"); !e.Disabled() {
		t.Fatal("the reason of a member present can be typed")
	}
	test.Tap(findButtonInRow(t, d, "赵敏", "请假"))
	e := reasonEntryOf(t, d, "赵敏")
	if e.Disabled() {
		t.Fatal("the reason of a member on leave cannot be typed")
	}
	test.Type(e, "出差")
	test.Tap(findButtonInRow(t, d, "李红梅", "缺席"))
	test.Type(reasonEntryOf(t, d, "李红梅"), "病假")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)

	ms, err := u.store.Meetings.List(ctx)
	if err != nil || len(ms) != 1 || ms[0].Location != "党员活动室(行政楼201)" {
		t.Fatalf("stored meetings %+v (%v)", ms, err)
	}
	want := map[string]string{ids["赵敏"]: "出差", ids["李红梅"]: "病假"}
	if got, _ := u.store.MeetingAbsenceReasons(ctx, ms[0].ID); !maps.Equal(got, want) {
		t.Fatalf("stored reasons %v, want %v", got, want)
	}

	// Opened again, the reasons show; marking 李红梅 present drops hers.
	s.openMeeting(ms[0].ID)
	q.settle(u)
	d = s.dialog
	if got := reasonEntryOf(t, d, "赵敏").Text; got != "出差" {
		t.Fatalf("赵敏's reason shows %q", got)
	}
	if d.dirty() {
		t.Fatal("the meeting opened again counts as edited")
	}
	test.Tap(findButtonInRow(t, d, "李红梅", "出席"))
	if e := reasonEntryOf(t, d, "李红梅"); !e.Disabled() || e.Text != "" {
		t.Fatalf("李红梅 present: reason %q, disabled %v", e.Text, e.Disabled())
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got, _ := u.store.MeetingAbsenceReasons(ctx, ms[0].ID); !maps.Equal(got, map[string]string{ids["赵敏"]: "出差"}) {
		t.Fatalf("reasons after 李红梅 attended: %v", got)
	}
}

// findButtonInRow is the button with the text in the attendance row of
// the member with the label.
func findButtonInRow(t *testing.T, d *meetingDialog, label, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(d.people.list) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			continue
		}
		if l, isLabel := c.Objects[0].(*widget.Label); !isLabel || l.Text != label {
			continue
		}
		_, buttons, _ := rowParts(c)
		for _, b := range buttons {
			if b := b.(*widget.Button); b.Text == text {
				return b
			}
		}
	}
	t.Fatalf("no %s button in the row of %s", text, label)
	return nil
}

func TestAppraisalFormCountsTheVotesAndRecordsTheSuperiorOpinion(t *testing.T) {
	u, q := newTestUI(t)
	addMember(t, u, "教工第一党支部", "赵一", "正式党员", 1)
	showScreen(u, newAppraisalScreen)
	q.settle(u)
	s := u.built["appraisal"].(*appraisalScreen)
	s.pick.selectBranch("教工第一党支部")
	q.settle(u)
	name := func(r appraisalRow) string { return r.member.Name }
	s.openForm(rowIndex(t, s.rows, name, "赵一"))
	d := s.dialog
	votes := map[string]string{"votes_excellent": "1", "votes_qualified": "2"}
	for col, n := range votes {
		test.Type(d.form.inputs[col].object.(*widget.Entry), n)
	}
	var items []string
	for _, it := range d.form.form.Items {
		items = append(items, it.Text)
	}
	if !strings.Contains(strings.Join(items, ","), "不合格票数,合计") || d.votes.label.Text != "3票" {
		t.Fatalf("the form's items %q, 合计 shows %q; want 合计 under 不合格票数 showing 3票", items, d.votes.label.Text)
	}
	d.form.inputs["superior_opinion"].object.(*widget.Entry).SetText("同意支部意见。")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	r := s.rows[rowIndex(t, s.rows, name, "赵一")]
	if a := r.appraisal; a == nil || a.VotesExcellent != 1 || a.VotesQualified != 2 || a.SuperiorOpinion != "同意支部意见。" {
		t.Fatalf("stored appraisal %+v", r.appraisal)
	}

	// More votes than the branch has members (3), and a negative count.
	s.openForm(rowIndex(t, s.rows, name, "赵一"))
	d = s.dialog
	d.form.inputs["votes_basic"].object.(*widget.Entry).SetText("5")
	if d.votes.label.Text != "8票" {
		t.Fatalf("合计 shows %q, want 8票", d.votes.label.Text)
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if p := d.form.problems(); !strings.Contains(p, "「优秀票数」四项票数合计8票，多于所在支部的党员人数（3人）") {
		t.Fatalf("problems %q", p)
	}
	d.form.inputs["votes_basic"].object.(*widget.Entry).SetText("-1")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if p := d.form.problems(); !strings.Contains(p, "「基本合格票数」不能为负数") || d.form.errors["votes_basic"].Text != "不能为负数" {
		t.Fatalf("problems %q, under the field %q", p, d.form.errors["votes_basic"].Text)
	}
	d.form.inputs["votes_basic"].object.(*widget.Entry).SetText("两票")
	if d.votes.label.Text != "票数应为整数" {
		t.Fatalf("合计 with a word typed shows %q", d.votes.label.Text)
	}
}
