package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// openTalks shows the 谈心谈话 screen.
func openTalks(t *testing.T, u *UI, q *uiQueue) *recordScreen[data.Talk, *data.Talk] {
	t.Helper()
	openScreen(t, u, "谈心谈话")
	q.settle(u)
	return u.recordScreen.(*recordScreen[data.Talk, *data.Talk])
}

func TestRecordFormSavesOnceWhenSaveIsPressedAgainBeforeTheStoreAnswers(t *testing.T) {
	u, q := newTestUI(t)
	s := openTalks(t, u, q)
	ctx := context.Background()
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	save := findButtonIn(t, u, "保存")

	// A refused save gives 保存 back, for another try.
	test.Tap(save)
	if !save.Disabled() {
		t.Fatal("保存 stays enabled while the save runs")
	}
	q.settle(u)
	if save.Disabled() || s.form.problems() == "" {
		t.Fatalf("after a refused save: 保存 disabled %v, problems %q", save.Disabled(), s.form.problems())
	}

	s.form.inputs["member_id"].object.(*memberPicker).setID(memberID(t, u, "张伟"))
	s.form.inputs["talker"].object.(*widget.Entry).SetText("王建国")
	test.Tap(save)
	test.Tap(save)  // tapped again before the store answers
	s.form.submit() // and Enter in a field
	q.settle(u)
	if n, _ := u.store.Talks.Count(ctx); n != 1 {
		t.Fatalf("保存 tapped twice and Enter stored %d talks, want 1", n)
	}
	if len(s.rows) != 1 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("after the save: %d rows listed, form still open %v", len(s.rows), u.win.Canvas().Overlays().Top() != nil)
	}
}

func TestRecordFormDeleteCancelledKeepsTheFormWithItsEdits(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	talk := &data.Talk{MemberID: data.Ref(memberID(t, u, "张伟")), Date: data.NewDate(2026, 3, 1), Talker: "王建国"}
	if err := u.store.Talks.Create(ctx, talk); err != nil {
		t.Fatal(err)
	}
	s := openTalks(t, u, q)
	s.openRow(shownRow(s, talk.ID))
	// An edit the store refuses (no member) is read into the form's record.
	s.form.inputs["member_id"].object.(*memberPicker).setID("")
	s.form.inputs["content"].object.(*widget.Entry).SetText("改了一半")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if s.form.problems() == "" {
		t.Fatal("a talk without a member was not refused")
	}

	test.Tap(findButtonIn(t, u, "删除"))
	want := "删除谈心谈话记录“2026-03-01 张伟”？"
	if got := overlayTexts(u); !strings.Contains(got, want) {
		t.Fatalf("the confirmation reads %q, want the talk as opened: %q", got, want)
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "取消"))
	q.settle(u)
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !top.Visible() || !strings.Contains(overlayTexts(u), "编辑谈心谈话") {
		t.Fatal("取消 in the confirmation closed the form")
	}
	if got := s.form.inputs["content"].object.(*widget.Entry).Text; got != "改了一半" {
		t.Fatalf("the edit is lost: %q", got)
	}
	if _, err := u.store.Talks.Get(ctx, talk.ID); err != nil {
		t.Fatalf("取消 deleted the talk: %v", err)
	}

	// Confirmed, the talk as opened is deleted and the form closes.
	test.Tap(findButtonIn(t, u, "删除"))
	test.Tap(findButtonAmong(t, topOverlay(u), "删除"))
	q.settle(u)
	if n, _ := u.store.Talks.Count(ctx); n != 0 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("after 删除: %d talks stored, form still open %v", n, u.win.Canvas().Overlays().Top() != nil)
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销")
	}
	q.settle(u)
	if got, err := u.store.Talks.Get(ctx, talk.ID); err != nil || got.Content != "" || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("撤销: %+v %v (a form reopened: %v)", got, err, u.win.Canvas().Overlays().Top() != nil)
	}
}

// pressEscOnFocused types Esc into whatever has the window's focus, as the
// driver does.
func pressEscOnFocused(t *testing.T, u *UI) {
	t.Helper()
	f := u.win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

func TestEscFromADropDownOfARecordFormClosesOrAsks(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "党支部")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Branch, *data.Branch])
	s.openRow(0)
	kind := s.form.inputs["type"].view.(fyne.Focusable)
	u.win.Canvas().Focus(kind)
	pressEscOnFocused(t, u)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc on the focused drop-down did not close the form without edits")
	}

	s.openRow(0)
	sel := s.form.inputs["type"].object.(*widget.Select)
	sel.SetSelected("离退休")
	u.win.Canvas().Focus(s.form.inputs["type"].view.(fyne.Focusable))
	pressEscOnFocused(t, u)
	if !showing(u, "放弃未保存的修改？") {
		t.Fatal("Esc on the focused drop-down with a change did not ask")
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "继续编辑"))
	if sel.Selected != "离退休" || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("继续编辑 lost the form or its choice")
	}
}
