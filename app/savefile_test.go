package app

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestReportOntoTheDatabaseIsRefusedAndChangesNothing(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "报表")
	q.settle(u)
	db := u.store.Path()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{db, db + "-wal", filepath.Dir(db)} {
		u.reports.path.SetText(target)
		test.Tap(findButton(t, u, "生成PDF"))
		q.settle(u)
		top := u.win.Canvas().Overlays().Top()
		if top == nil || !strings.Contains(labelText(top), "不能写入") {
			t.Fatalf("%s: no refusal shown (status %q)", target, u.reports.result.Text)
		}
		u.win.Canvas().Overlays().Remove(top)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("the database was changed")
	}
	if u.reports.last != "" {
		t.Fatalf("a report was written to %s", u.reports.last)
	}
}

func TestReportOntoAnExistingFileAsksFirst(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "报表")
	q.settle(u)
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	os.WriteFile(out, []byte("the copy signed last year"), 0o600)
	u.reports.path.SetText(out)

	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelText(top), "已存在") {
		t.Fatal("no question before replacing an existing file")
	}
	test.Tap(findButtonIn(t, u, "取消"))
	q.settle(u)
	if b, _ := os.ReadFile(out); string(b) != "the copy signed last year" {
		t.Fatal("the file was replaced although the user said 取消")
	}

	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	test.Tap(findButtonIn(t, u, "替换"))
	q.settle(u)
	if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not replaced after 替换 (status %q)", u.reports.result.Text)
	}
}

func TestExportScreenRefusesTheDatabase(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "导入导出")
	q.settle(u)
	db := u.store.Path()
	before, _ := os.ReadFile(db)
	u.sheets.out.SetText(db)
	test.Tap(findButton(t, u, "导出"))
	q.settle(u)
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelText(top), "正在使用") {
		t.Fatalf("no refusal shown (%q)", u.sheets.summary.Text)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("the database was replaced by the export")
	}
}

func TestTheRefusalSaysWhyInChinese(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "报表")
	q.settle(u)
	u.reports.path.SetText(u.store.Path())
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no refusal shown")
	}
	texts := visibleTexts(top)
	if !slices.Contains(texts, "不能写入这个文件") || !slices.Contains(texts, "确定") {
		t.Fatalf("the refusal reads %q", texts)
	}
	for _, text := range texts {
		if bad := englishIn(text); len(bad) > 0 {
			t.Errorf("the refusal shows %q", text)
		}
	}
}
