package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"dangjian/data"
)

// A paragraph (承诺事项) is edited in a field of several lines and listed on
// one line, its line breaks not drawn over the rows below.
func TestParagraphsAreMultiLineInFormsAndOneLineInLists(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	if err := u.store.Pledges.Create(ctx, &data.Pledge{MemberID: data.Ref(memberID(t, u, "张伟")), Year: 2026,
		Content: "严守党的纪律\n联系1名困难学生\n完成年度任务", PledgedDate: data.NewDate(2026, 3, 1)}); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "承诺践诺")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Pledge, *data.Pledge])
	if len(s.shown) != 1 {
		t.Fatalf("%d rows shown", len(s.shown))
	}
	if got := s.cell(&s.rows[s.shown[0]], "content"); got != "严守党的纪律 联系1名困难学生 完成年度任务" {
		t.Errorf("the list shows %q", got)
	}
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	if !entryOf(t, s.form, "content").MultiLine || entryOf(t, s.form, "reviewer").MultiLine {
		t.Error("承诺事项 should take several lines, 评议人 one")
	}
}
