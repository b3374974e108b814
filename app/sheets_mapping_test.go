package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/reports/sheets"
)

// TestImportScreenMapsHeadersAndPreviewsTheUpdate: a sheet with other
// headers shows each header with its column; an unknown one is chosen in
// the mapping; with 更新已有党员 the check lists every change, writes
// nothing, and 确认写入 writes them, remembering the choice.
func TestImportScreenMapsHeadersAndPreviewsTheUpdate(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "导入导出")
	q.settle(u)
	s := u.sheets
	ctx := context.Background()
	var wang data.Member
	u.store.Members.Each(ctx, func(m *data.Member) error {
		if m.Name == "王建国" {
			wang = *m
		}
		return nil
	})

	path := filepath.Join(t.TempDir(), "花名册.xlsx")
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	f.SetSheetRow(sheet, "A1", &[]any{"序号", "身份证号码", "手机号码", "入党年月日"})
	f.SetSheetRow(sheet, "A2", &[]any{1, wang.IDNumber, "13912345678", "2005-06-01"})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s.file.SetText(path)
	s.update.SetChecked(true)
	test.Tap(findButton(t, u, "检查"))
	q.settle(u)
	if s.mapping == nil || !s.mapPanel.Visible() {
		t.Fatalf("no mapping shown (summary %q)", s.summary.Text)
	}
	for header, want := range map[string]string{"序号": sheets.Ignore, "身份证号码": "公民身份号码", "手机号码": "联系电话",
		"入党年月日": sheets.Ignore} {
		if got := s.mapPick[header].Selected; got != want {
			t.Errorf("%s shows %q, want %q", header, got, want)
		}
	}
	if len(s.changes) != 1 || s.changes[0].Column != "联系电话" {
		t.Fatalf("changes %v, want the phone only (summary %q)", s.changes, s.summary.Text)
	}
	if !strings.Contains(s.summary.Text, "未导入的列：序号、入党年月日") {
		t.Errorf("summary %q does not list the columns left out", s.summary.Text)
	}

	// The unknown header is mapped by hand; the check runs again.
	s.mapPick["入党年月日"].SetSelected("入党日期")
	if !s.importOK.Disabled() {
		t.Fatal("a changed mapping must ask for a new check")
	}
	test.Tap(findButton(t, u, "检查"))
	q.settle(u)
	// Changes come in the template's column order: 入党日期, then 联系电话.
	if len(s.changes) != 2 || s.changes[0].Column != "入党日期" || s.changes[0].Old != "2005-07-01" ||
		s.changes[0].New != "2005-06-01" || s.changes[1].Column != "联系电话" || !s.changeTV.object().Visible() {
		t.Fatalf("changes %v (summary %q)", s.changes, s.summary.Text)
	}
	if s.importOK.Text != "确认写入" || s.importOK.Disabled() || s.cancel.Disabled() {
		t.Fatalf("确认写入 %q disabled %v, 取消 disabled %v", s.importOK.Text, s.importOK.Disabled(), s.cancel.Disabled())
	}
	got, _ := u.store.Members.Get(ctx, wang.ID)
	if got.Phone != wang.Phone || got.JoinedDate != wang.JoinedDate {
		t.Fatal("the preview wrote")
	}

	// 取消 drops the preview; a new check and 确认写入 write.
	test.Tap(s.cancel)
	if !s.importOK.Disabled() || len(s.changes) != 0 {
		t.Fatal("取消 left the preview")
	}
	test.Tap(findButton(t, u, "检查"))
	q.settle(u)
	test.Tap(s.importOK)
	q.settle(u)
	got, _ = u.store.Members.Get(ctx, wang.ID)
	if got.Phone != "13912345678" || got.JoinedDate.String() != "2005-06-01" || got.Name != "王建国" ||
		got.StaffNo != wang.StaffNo || got.ConfirmedAt != wang.ConfirmedAt {
		t.Fatalf("after 确认写入: %+v (summary %q)", got, s.summary.Text)
	}

	// The choice is remembered: the same headers map without asking.
	s.resetMapping()
	s.file.SetText(path)
	test.Tap(findButton(t, u, "检查"))
	q.settle(u)
	if s.mapPick["入党年月日"].Selected != "入党日期" || !s.mapping.Remembered {
		t.Errorf("the mapping was not remembered: %q", s.mapPick["入党年月日"].Selected)
	}
}
