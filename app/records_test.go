package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// memberID is the id of the test store's member with the name.
func memberID(t *testing.T, u *UI, name string) string {
	t.Helper()
	ms, err := u.store.Members.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Name == name {
			return m.ID
		}
	}
	t.Fatalf("no member %s", name)
	return ""
}

// shownRow is the table row showing the record with the id, -1 when none.
func shownRow[T any, P recordPtr[T]](s *recordScreen[T, P], id string) int {
	for r, i := range s.shown {
		if recordID(P(&s.rows[i])) == id {
			return r
		}
	}
	return -1
}

func TestTalkIsFoundEditedDeletedAndBroughtBack(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	talk := &data.Talk{MemberID: data.Ref(memberID(t, u, "张伟")), Date: data.NewDate(2026, 3, 1),
		Talker: "王建国", Content: "学习情况"}
	other := &data.Talk{MemberID: data.Ref(memberID(t, u, "李红梅")), Date: data.NewDate(2026, 2, 1),
		Talker: "王建国", Content: "家庭困难"}
	for _, tk := range []*data.Talk{talk, other} {
		if err := u.store.Talks.Create(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	openScreen(t, u, "谈心谈话")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Talk, *data.Talk])
	if len(s.shown) != 2 || s.count.Text != "共2条" {
		t.Fatalf("%d talks shown, count %q", len(s.shown), s.count.Text)
	}
	// The search finds a member by 拼音首字母 and any cell's text.
	for _, query := range []string{"zw", "张伟", "学习情况", "2026-03"} {
		s.query.SetText(query)
		if len(s.shown) != 1 || shownRow(s, talk.ID) != 0 || s.count.Text != "显示1条，共2条" {
			t.Fatalf("search %q shows %d rows (%q)", query, len(s.shown), s.count.Text)
		}
	}
	s.query.SetText("没有这样的记录")
	if len(s.shown) != 0 || s.count.Text != "显示0条，共2条" {
		t.Fatalf("a search matching nothing shows %d rows (%q)", len(s.shown), s.count.Text)
	}
	s.query.SetText("zw")

	// Open it (Enter on the selected row) and correct it.
	s.table.selectRow(0)
	s.table.openSelected()
	if s.form == nil || s.current == nil || s.current.ID != talk.ID {
		t.Fatal("Enter did not open the talk")
	}
	s.form.inputs["content"].object.(*widget.Entry).SetText("学习情况良好")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got, err := u.store.Talks.Get(ctx, talk.ID); err != nil || got.Content != "学习情况良好" {
		t.Fatalf("the correction is not stored: %+v %v", got, err)
	}
	if r := shownRow(s, talk.ID); r < 0 || s.cells[s.shown[r]][3] != "学习情况良好" {
		t.Fatal("the table does not show the correction")
	}

	// Delete it: the confirmation names it, then 撤销 brings it back.
	s.removeRow(shownRow(s, talk.ID))
	want := "删除谈心谈话记录“2026-03-01 张伟”？删除后可在回收站恢复。"
	if got := overlayTexts(u); !strings.Contains(got, want) {
		t.Fatalf("the confirmation reads %q, want %q", got, want)
	}
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if n, _ := u.store.Talks.Count(ctx); n != 1 {
		t.Fatalf("%d talks stored after deleting one of two", n)
	}
	if len(s.rows) != 1 || shownRow(s, talk.ID) >= 0 {
		t.Fatalf("the deleted talk is still listed (%d rows)", len(s.rows))
	}
	if got := u.noticeText(); got != "已删除谈心谈话记录“2026-03-01 张伟”" {
		t.Fatalf("notice %q", got)
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销 after the deletion")
	}
	q.settle(u)
	if got, err := u.store.Talks.Get(ctx, talk.ID); err != nil || got.Content != "学习情况良好" {
		t.Fatalf("撤销 did not bring the talk back: %+v %v", got, err)
	}
	if len(s.rows) != 2 || shownRow(s, talk.ID) != 0 {
		t.Fatalf("the talk brought back is not listed (%d rows)", len(s.rows))
	}
}

func TestBranchInUseIsRefusedNamingItsMembers(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "党支部")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Branch, *data.Branch])
	row := -1
	for r, i := range s.shown {
		if s.rows[i].Name == "教工第一党支部" {
			row = r
		}
	}
	s.removeRow(row)
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	got := overlayTexts(u)
	if !strings.Contains(got, "不能删除") || !strings.Contains(got, "教工第一党支部") || !strings.Contains(got, "2名党员") {
		t.Fatalf("the refusal reads %q", got)
	}
	if n, _ := u.store.Branches.Count(context.Background()); n != 2 || len(s.rows) != 2 {
		t.Fatalf("%d branches stored, %d listed", n, len(s.rows))
	}
	if u.tapUndo() {
		t.Fatal("撤销 offered for a deletion refused")
	}
}

func TestRecordFormDeletesTheRecordItShows(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "党支部")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Branch, *data.Branch])
	test.Tap(findButton(t, u, "新增"))
	s.form.inputs["name"].object.(*widget.Entry).SetText("离退休党支部")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got := u.noticeText(); got != "已保存党支部“离退休党支部”" {
		t.Fatalf("notice after saving: %q", got)
	}
	s.query.SetText("离退休")
	s.table.selectRow(0)
	s.table.openSelected()
	test.Tap(findButtonIn(t, u, "删除")) // the form's
	if got := overlayTexts(u); !strings.Contains(got, "删除党支部“离退休党支部”？") {
		t.Fatalf("the confirmation reads %q", got)
	}
	test.Tap(findButtonIn(t, u, "删除")) // the confirmation's
	q.settle(u)
	if n, _ := u.store.Branches.Count(context.Background()); n != 2 || len(s.rows) != 2 {
		t.Fatalf("%d branches stored, %d listed after deleting the new one", n, len(s.rows))
	}
}

func TestRecordTableSortsByPinyin(t *testing.T) {
	cells := [][]string{{"沈伟（一支部）", "10"}, {"陈明（一支部）", "9"}, {"单东阳（二支部）", "100"}, {"孙丽（一支部）", ""}}
	var names []string
	for _, i := range sortedRows(cells, 0, false) {
		names = append(names, cells[i][0][:3])
	}
	if got := strings.Join(names, " "); got != "陈 单 沈 孙" {
		t.Fatalf("by 拼音: %s", got)
	}
	var nums []string
	for _, i := range sortedRows(cells, 1, true) {
		nums = append(nums, cells[i][1])
	}
	if got := strings.Join(nums, " "); got != "100 10 9 " {
		t.Fatalf("numbers, descending, empty last: %q", got)
	}
}

func TestRecordFormAsksBeforeDroppingEdits(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "党支部")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Branch, *data.Branch])
	s.table.selectRow(0)
	s.table.openSelected()
	test.Tap(findButtonIn(t, u, "取消"))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("取消 on an unchanged form left a dialog open")
	}
	s.table.openSelected()
	s.form.inputs["secretary"].object.(*widget.Entry).SetText("周明")
	test.Tap(findButtonIn(t, u, "取消"))
	if got := overlayTexts(u); !strings.Contains(got, "放弃未保存的修改？") {
		t.Fatalf("取消 with an edit did not ask: %q", got)
	}
	test.Tap(findButtonIn(t, u, "继续编辑"))
	if got := s.form.inputs["secretary"].object.(*widget.Entry).Text; got != "周明" || u.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("继续编辑 lost the edit (%q) or the form", got)
	}
}

func TestLiaisonsAreListedByTheMembersPinyin(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	for _, name := range []string{"张伟", "王建国", "李红梅"} {
		l := &data.Liaison{MemberID: data.Ref(memberID(t, u, name)), Kind: data.LiaisonKinds[0],
			Contact: "群众" + name, Since: data.NewDate(2026, 1, 5)}
		if err := u.store.Liaisons.Create(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	openScreen(t, u, "联系群众")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Liaison, *data.Liaison])
	var got []string
	for _, i := range s.shown {
		got = append(got, s.label(&s.rows[i]))
	}
	want := []string{"李红梅", "王建国", "张伟"}
	for i := range want {
		if i >= len(got) || !strings.HasPrefix(got[i], want[i]) {
			t.Fatalf("listed %q, want by 拼音 %q", got, want)
		}
	}
}
