package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/field"
)

// TestImportScreenTakesThePipelineSheet: the 导入导出 screen offers the
// sheet of 发展党员; a talk later than the rules allow is listed as a
// 提示 that does not stop the import, and the person is written.
func TestImportScreenTakesThePipelineSheet(t *testing.T) {
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
	branch, err := u.store.Branches.Get(ctx, string(wang.BranchID))
	if err != nil {
		t.Fatal(err)
	}
	number := field.MakeIDNumber("420106", wang.BirthDate.AddDate(25, 0, 0), 77, false)
	path := filepath.Join(t.TempDir(), "发展党员台账.xlsx")
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	f.SetSheetRow(sheet, "A1", &[]any{"序号", "姓名", "身份证号", "所在党支部", "申请入党时间", "谈话时间", "谈话人"})
	f.SetSheetRow(sheet, "A2", &[]any{1, "钱小红", number, branch.Name, "2025-09-10", "2025-12-01", "王建国"})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s.kind.SetSelected("发展党员")
	s.file.SetText(path)
	test.Tap(findButton(t, u, "检查"))
	q.settle(u)
	if !strings.Contains(s.summary.Text, "1条提示") || len(s.problems) != 1 || !strings.Contains(s.problems[0], "提示：") ||
		!strings.Contains(s.problems[0], "DEV-TALK") {
		t.Fatalf("summary %q, list %q", s.summary.Text, s.problems)
	}
	if s.importOK.Disabled() {
		t.Fatal("a warning must not stop the import")
	}
	test.Tap(s.importOK)
	q.settle(u)
	apps, err := u.store.Applicants.List(ctx)
	if err != nil || len(apps) != 1 || apps[0].Name != "钱小红" {
		t.Fatalf("applicants %v %v (summary %q)", apps, err, s.summary.Text)
	}
}
