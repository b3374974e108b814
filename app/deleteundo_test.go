package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// overlayTexts is every label's and rich text's text in the window's
// dialogs, joined by newlines.
func overlayTexts(u *UI) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		walk(o)
	}
	return b.String()
}

// closeOverlays hides every dialog shown.
func closeOverlays(u *UI) {
	for _, o := range u.win.Canvas().Overlays().List() {
		u.win.Canvas().Overlays().Remove(o)
	}
}

func TestDeleteWithUndoAsksNamingTheRecordThenOffersUndo(t *testing.T) {
	u, q := newTestUI(t)
	deleted, restored, reloads := 0, 0, 0
	what := "谈心谈话记录“2026-03-01 张伟”"
	u.deleteWithUndo(what,
		func(context.Context) error { deleted++; return nil },
		func(context.Context) error { restored++; return nil },
		func() { reloads++ })
	want := "删除谈心谈话记录“2026-03-01 张伟”？删除后可在回收站恢复。"
	if got := overlayTexts(u); !strings.Contains(got, want) {
		t.Fatalf("the confirmation reads %q, want %q", got, want)
	}
	if deleted != 0 {
		t.Fatal("deleted before the user confirmed")
	}
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if deleted != 1 || reloads != 1 {
		t.Fatalf("deleted %d times, screen reloaded %d times", deleted, reloads)
	}
	if got := u.noticeText(); got != "已删除"+what {
		t.Fatalf("notice %q", got)
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销 after deleting")
	}
	q.settle(u)
	if restored != 1 || reloads != 2 || u.noticeText() != "已恢复"+what {
		t.Fatalf("restored %d times, reloaded %d times, notice %q", restored, reloads, u.noticeText())
	}
}

func TestDeleteWithUndoShowsTheRefusalPlainly(t *testing.T) {
	u, q := newTestUI(t)
	refusal := fmt.Errorf("%w: 教工第一党支部仍有2名党员，不能删除。", data.ErrReferenced)
	reloads := 0
	u.deleteWithUndo("党支部“教工第一党支部”",
		func(context.Context) error { return refusal },
		func(context.Context) error { t.Fatal("restored a record never deleted"); return nil },
		func() { reloads++ })
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	got := overlayTexts(u)
	if !strings.Contains(got, "不能删除") || !strings.Contains(got, "仍有2名党员") {
		t.Fatalf("the refusal reads %q", got)
	}
	if reloads != 0 || u.noticeText() != "" || u.tapUndo() {
		t.Fatalf("a refused deletion reloaded (%d) or noticed %q", reloads, u.noticeText())
	}
}

func TestDeleteWithUndoCancelledDeletesNothing(t *testing.T) {
	u, q := newTestUI(t)
	u.deleteWithUndoNote("党员“张伟”", "党员转出、停止党籍或去世请在党员信息中修改党籍状态；删除只用于录入错误。",
		func(context.Context) error { t.Fatal("deleted after 取消"); return nil }, nil, nil)
	if got := overlayTexts(u); !strings.Contains(got, "删除只用于录入错误") {
		t.Fatalf("the note is missing: %q", got)
	}
	test.Tap(findButtonIn(t, u, "取消"))
	q.settle(u)
	if u.noticeText() != "" {
		t.Fatalf("notice %q after 取消", u.noticeText())
	}
}

// 撤销 pressed after the user moved to another screen shows its effect on
// the screen shown then: the 回收站 no longer lists the talk brought back,
// and 谈心谈话 lists it again.
func TestUndoAfterChangingScreensUpdatesTheScreenShown(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	talk := &data.Talk{MemberID: data.Ref(memberID(t, u, "张伟")), Date: data.NewDate(2026, 3, 1), Talker: "王建国"}
	if err := u.store.Talks.Create(ctx, talk); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "谈心谈话")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Talk, *data.Talk])
	s.removeRow(shownRow(s, talk.ID))
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	openScreen(t, u, "回收站")
	q.settle(u)
	if ts := u.built["trash"].(*trashScreen); len(ts.shown) != 1 || ts.shown[0].ID != talk.ID {
		t.Fatalf("the 回收站 lists %d records, want the talk deleted", len(ts.shown))
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销 after the deletion")
	}
	q.settle(u)
	if _, err := u.store.Talks.Get(ctx, talk.ID); err != nil {
		t.Fatalf("撤销 did not bring the talk back: %v", err)
	}
	if ts := u.built["trash"].(*trashScreen); len(ts.shown) != 0 {
		t.Errorf("the 回收站 still lists %d records after 撤销 brought the talk back", len(ts.shown))
	}
	openScreen(t, u, "谈心谈话")
	q.settle(u)
	s = u.recordScreen.(*recordScreen[data.Talk, *data.Talk])
	if shownRow(s, talk.ID) < 0 {
		t.Error("谈心谈话 does not list the talk brought back")
	}
}

// 撤销 on the screen that deleted reloads that screen as it is: the search
// typed stays, and the record brought back is listed under it.
func TestUndoOnTheSameScreenKeepsTheSearch(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	talk := &data.Talk{MemberID: data.Ref(memberID(t, u, "张伟")), Date: data.NewDate(2026, 3, 1), Talker: "王建国"}
	if err := u.store.Talks.Create(ctx, talk); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "谈心谈话")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Talk, *data.Talk])
	s.query.SetText("zw")
	s.removeRow(shownRow(s, talk.ID))
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if !u.tapUndo() {
		t.Fatal("no 撤销 after the deletion")
	}
	q.settle(u)
	if u.recordScreen != s || s.query.Text != "zw" {
		t.Fatalf("the screen was rebuilt or lost its search (%q)", s.query.Text)
	}
	if shownRow(s, talk.ID) < 0 {
		t.Error("the talk brought back is not listed under the search")
	}
}

// 撤销 that ends while a dialog is open on another screen leaves that
// screen as it is: the dialog belongs to it.
func TestUndoLeavesAScreenWithADialogOpen(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	talk := &data.Talk{MemberID: data.Ref(memberID(t, u, "张伟")), Date: data.NewDate(2026, 3, 1), Talker: "王建国"}
	if err := u.store.Talks.Create(ctx, talk); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "谈心谈话")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Talk, *data.Talk])
	s.removeRow(shownRow(s, talk.ID))
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	openScreen(t, u, "回收站")
	q.settle(u)
	ts := u.built["trash"].(*trashScreen)
	ts.openItem(0)
	if !u.tapUndo() {
		t.Fatal("no 撤销 after the deletion")
	}
	q.settle(u)
	if u.built["trash"] != ts || u.win.Canvas().Overlays().Top() == nil {
		t.Error("the 回收站 was rebuilt under its open dialog")
	}
}
