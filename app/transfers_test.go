package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

func TestTransferFormTakesDuesPaidUntilAsAMonth(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "组织关系转接")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Transfer, *data.Transfer])
	test.Tap(findButton(t, u, "新增"))
	f := s.form
	label := ""
	for _, it := range f.form.Items {
		if strings.HasPrefix(it.Text, "党费") {
			label = it.Text
		}
	}
	if label != "党费交至" {
		t.Fatalf("the form's 党费 field is labelled %q", label)
	}
	f.inputs["member_id"].object.(*memberPicker).setID(memberID(t, u, "张伟"))
	set := func(col, text string) {
		switch w := f.inputs[col].object.(type) {
		case *widget.Entry:
			w.SetText(text)
		case *widget.Select:
			w.SetSelected(text)
			if w.Selected != text {
				t.Fatalf("no choice %q for %s among %q", text, col, w.Options)
			}
		}
	}
	set("direction", "转入")
	set("other_org", "外国语学院党委")
	set("letter_no", "转字〔2026〕第012号")
	set("issued_date", "2026-04-10")
	set("dues_paid_until", "2026-13")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	ctx := context.Background()
	if msg := f.errors["dues_paid_until"]; !msg.Visible() || !strings.Contains(msg.Text, "应为年月") {
		t.Fatalf("no message under 党费交至: %q", msg.Text)
	}
	if n, _ := u.store.Transfers.Count(ctx); n != 0 {
		t.Fatalf("a bad month saved %d transfers", n)
	}
	set("dues_paid_until", "2026年4月")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	rows, err := u.store.Transfers.List(ctx)
	if err != nil || len(rows) != 1 || rows[0].DuesPaidUntil != "2026-04" {
		t.Fatalf("stored %+v (%v; %q)", rows, err, f.general.Text)
	}
	if len(s.rows) != 1 || s.cell(&s.rows[0], "dues_paid_until") != "2026-04" {
		t.Fatalf("listed %d rows", len(s.rows))
	}
}
