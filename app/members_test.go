package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/hanzi"
)

// addMembers adds members with the names to 学生第一党支部 (the first by
// code point), where 张伟 is.
func addMembers(t *testing.T, u *UI, names ...string) {
	t.Helper()
	ctx := context.Background()
	for i, name := range names {
		m := &data.Member{BranchID: data.Ref(u.members0(t)), Name: name, Category: "正式党员", PersonType: "在职教职工",
			IDNumber:   field.MakeIDNumber("330106", time.Date(1970+i, 5, 6, 0, 0, 0, 0, time.UTC), 10+i, i%2 == 0),
			JoinedDate: data.NewDate(2010, 7, 1), ConfirmedAt: data.NewDate(2011, 7, 1)}
		if err := u.store.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
}

// shownNames are the names in the 党员 table, in its order.
func shownNames(s *membersScreen) []string {
	var out []string
	for _, r := range s.shown {
		out = append(out, r.cells[0])
	}
	return out
}

// menuAction runs the item of a row's right-click menu with the label.
func menuAction(t *testing.T, m *fyne.Menu, label string) {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			it.Action()
			return
		}
	}
	t.Fatalf("no %q in the menu", label)
}

func TestMemberNamesSortByPinyinOrByStrokeAndTheChoiceIsKept(t *testing.T) {
	u, q := newTestUI(t)
	addMembers(t, u, "沈伟", "陈明", "单东阳", "孙丽", "石磊", "曾巩", "宋江")
	u.open(1)
	q.settle(u)
	s := u.members
	s.branch.SetSelected("学生第一党支部")
	// By default, by branch then 姓名 in 拼音: 沈 shěn after 陈 chén, 单 shàn
	// among the S names, 曾 zēng among the Z names.
	want := []string{"陈明", "单东阳", "沈伟", "石磊", "宋江", "孙丽", "曾巩", "张伟"}
	if got := shownNames(s); !slices.Equal(got, want) {
		t.Fatalf("拼音 order %v, want %v", got, want)
	}
	s.branch.SetSelected(allBranches)
	if got := shownNames(s); got[0] != "李红梅" || got[2] != "陈明" || got[len(got)-1] != "张伟" {
		t.Fatalf("not by branch first (教工 before 学生 in 拼音): %v", got)
	}
	s.branch.SetSelected("学生第一党支部")

	// 按姓氏笔画 is the printed roster's order.
	s.nameOrder.SetSelected("按姓氏笔画")
	stroke := slices.Clone(want)
	slices.SortFunc(stroke, hanzi.CompareStroke)
	if got := shownNames(s); !slices.Equal(got, stroke) {
		t.Fatalf("姓氏笔画 order %v, want the roster's %v", got, stroke)
	}
	if slices.Equal(stroke, want) {
		t.Fatal("the test names sort alike both ways")
	}

	// The choice survives rebuilding the screen.
	openScreen(t, u, "回收站")
	u.open(1)
	q.settle(u)
	s = u.members
	s.branch.SetSelected("学生第一党支部")
	if s.nameOrder.Selected != "按姓氏笔画" {
		t.Fatalf("the rebuilt screen orders 姓名 %q", s.nameOrder.Selected)
	}
	if got := shownNames(s); !slices.Equal(got, stroke) {
		t.Fatalf("after rebuilding, order %v", got)
	}

	// The 姓名 column's header sorts in the order chosen, and reverses.
	s.nameOrder.SetSelected("按拼音")
	s.sortBy(0)
	if got := shownNames(s); !slices.Equal(got, want) {
		t.Fatalf("姓名 header, 拼音: %v", got)
	}
	s.sortBy(0)
	if got := shownNames(s); got[0] != "张伟" || got[len(got)-1] != "陈明" {
		t.Fatalf("姓名 header, reversed: %v", got)
	}
}

func TestMemberSearchFindsInitialsAndEnterOpens(t *testing.T) {
	u, q := newTestUI(t)
	addMembers(t, u, "单东阳")
	u.open(1)
	q.settle(u)
	s := u.members
	test.Type(s.search, "sdy")
	if got := shownNames(s); !slices.Equal(got, []string{"单东阳"}) || s.count.Text != "显示1人，共4人" {
		t.Fatalf("sdy finds %v (%q)", got, s.count.Text)
	}
	s.table.selectRow(0)
	if got := s.table.copySelected(); !strings.HasPrefix(got, "单东阳\t") {
		t.Fatalf("Ctrl+C copies %q", got)
	}
	s.table.openSelected()
	q.settle(u)
	if s.dialog == nil || s.dialog.rec.Name != "单东阳" {
		t.Fatal("Enter did not open 单东阳's form")
	}
}

func TestMemberDeletedByMistakeComesBackAndOneInUseIsRefused(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	addMembers(t, u, "赵丽")
	talk := &data.Talk{MemberID: data.Ref(memberID(t, u, "张伟")), Date: data.NewDate(2026, 3, 1), Talker: "王建国"}
	if err := u.store.Talks.Create(ctx, talk); err != nil {
		t.Fatal(err)
	}
	u.open(1)
	q.settle(u)
	s := u.members
	row := func(name string) int {
		return slices.Index(shownNames(s), name)
	}

	menuAction(t, s.table.rowMenu(row("赵丽")), "删除")
	got := overlayTexts(u)
	if !strings.Contains(got, "删除党员“赵丽（学生第一党支部）”？") ||
		!strings.Contains(got, "党员转出、停止党籍或去世请在党员信息中修改党籍状态；删除只用于录入错误。") {
		t.Fatalf("the confirmation reads %q", got)
	}
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if row("赵丽") >= 0 || len(s.all) != 3 {
		t.Fatalf("赵丽 still listed: %v", shownNames(s))
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销 after deleting a member")
	}
	q.settle(u)
	if row("赵丽") < 0 || u.noticeText() != "已恢复党员“赵丽（学生第一党支部）”" {
		t.Fatalf("撤销 did not bring 赵丽 back: %v, %q", shownNames(s), u.noticeText())
	}

	closeOverlays(u)
	menuAction(t, s.table.rowMenu(row("张伟")), "删除")
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	got = overlayTexts(u)
	if !strings.Contains(got, "不能删除") || !strings.Contains(got, "张伟") || !strings.Contains(got, "1条谈心谈话记录") {
		t.Fatalf("the refusal reads %q", got)
	}
	if _, err := u.store.Members.Get(ctx, memberID(t, u, "张伟")); err != nil || row("张伟") < 0 {
		t.Fatalf("a member in use was deleted: %v", err)
	}
}

func TestMemberChangedSinceShownIsNotDeleted(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	addMembers(t, u, "赵丽")
	u.open(1)
	q.settle(u)
	s := u.members
	// Someone corrects 赵丽 after the table was read.
	m, err := u.store.Members.Get(ctx, memberID(t, u, "赵丽"))
	if err != nil {
		t.Fatal(err)
	}
	m.Phone = "13800000000"
	if err := u.store.Members.Update(ctx, m); err != nil {
		t.Fatal(err)
	}
	menuAction(t, s.table.rowMenu(slices.Index(shownNames(s), "赵丽")), "删除")
	test.Tap(findButtonAmong(t, topOverlay(u), "删除"))
	q.settle(u)
	if got := overlayTexts(u); !strings.Contains(got, "不能删除") || !strings.Contains(got, data.ErrConflict.Error()) {
		t.Fatalf("deleting a member changed since shown: %q", got)
	}
	if _, err := u.store.Members.Get(ctx, m.ID); err != nil {
		t.Fatalf("the member changed since shown was deleted: %v", err)
	}
}
