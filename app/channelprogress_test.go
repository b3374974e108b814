package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// TestPublicationOpensToBeRead: on 党委发布's 发布记录, opening a row
// (double-click, Enter, or 打开 on the right-click menu) shows what the
// publication says: a notice's text, each threshold with its name, each
// term with its dates; nothing there is editable.
func TestPublicationOpensToBeRead(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1024, 768))
	u := &UI{app: a, win: w}
	v := newPublicationsView(u)
	w.SetContent(v.object())
	at := time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)
	pub := func(seq uint64, b snapshot.ChannelBody) snapshot.Publication {
		return snapshot.Publication{Index: snapshot.ChannelIndex{Seq: seq, Kind: b.Kind, CreatedAt: at}, Body: b}
	}
	v.show([]snapshot.Publication{
		pub(1, snapshot.ChannelBody{Kind: data.ChannelNotice, Title: "关于开展主题党日活动的通知",
			Text: "各二级党组织：请于12月底前开展主题党日活动。", Deadline: "2027-01-10"}),
		pub(2, snapshot.ChannelBody{Kind: data.ChannelThresholds, Year: 2027, Thresholds: map[string]string{"train.hours": "40"}}),
		pub(3, snapshot.ChannelBody{Kind: data.ChannelCalendar, Calendar: []snapshot.TermSpan{{Term: "2026-2027-1", Start: "2026-09-01", End: "2027-01-20"}}}),
	})
	if v.table.act.open == nil {
		t.Fatal("a publication does not open")
	}
	// Newest first: the calendar, the thresholds, the notice.
	for row, want := range []string{"2026-09-01至2027-01-20", "40", "请于12月底前开展主题党日活动。"} {
		v.table.selectRow(row)
		v.table.openSelected()
		text := overlayTexts(u)
		if !strings.Contains(text, want) || !strings.Contains(text, v.cell(row, 3)) {
			t.Errorf("row %d opens showing\n%s\nwant %q and the title %q", row, text, want, v.cell(row, 3))
		}
		walkObjects(w.Canvas().Overlays().Top(), func(c fyne.CanvasObject) {
			if _, ok := c.(*widget.Entry); ok {
				t.Errorf("row %d opens with a field to edit", row)
			}
		})
		if row == 2 && !strings.Contains(text, "截止日期 2027-01-10") {
			t.Errorf("the notice's deadline is not said:\n%s", text)
		}
		if row == 1 && !strings.Contains(text, "学时") {
			t.Errorf("the threshold is not named:\n%s", text)
		}
		v.shown.Hide()
	}
	if menu := v.table.rowMenu(0); menu.Items[0].Label != "打开" {
		t.Errorf("the row's menu starts with %q", menu.Items[0].Label)
	}
}
