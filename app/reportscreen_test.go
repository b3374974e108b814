package app

import (
	"archive/zip"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/reports/documents"
	"dangjian/reports/pdf"
)

// openReports opens the 报表 screen and waits for its branches.
func openReports(t *testing.T, u *UI, q *uiQueue) *reportsScreen {
	t.Helper()
	openScreen(t, u, "报表")
	q.settle(u)
	if u.reports == nil {
		t.Fatal("报表 not built")
	}
	return u.reports
}

// pdfToText is the text of a PDF file as pdftotext reads it.
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// checkFor finds the check with the text in the window.
func checkFor(t *testing.T, u *UI, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Check:
			if w.Text == text {
				found = w
			}
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
	walk(u.win.Content())
	if found == nil {
		t.Fatalf("no check %q", text)
	}
	return found
}

// TestReportsScreenOffersColumnsAndDateForTheRosterOnly: the 列 and
// 截至日期 rows are shown for the roster, 截至日期 for the statistics, and
// neither for a ledger of a year.
func TestReportsScreenOffersColumnsAndDateForTheRosterOnly(t *testing.T) {
	u, q := newTestUI(t)
	s := openReports(t, u, q)
	cases := []struct {
		kind          documents.Kind
		date, columns bool
	}{
		{documents.Roster, true, true},
		{documents.Stats, true, false},
		{documents.Training, false, false},
		{documents.Appraisal, false, false},
	}
	for _, c := range cases {
		s.kind.SetSelected(documents.Title(c.kind))
		if s.asOf.Visible() != c.date || s.columns.view.Visible() != c.columns {
			t.Errorf("%s: 截至日期 shown %v, 列 shown %v", c.kind, s.asOf.Visible(), s.columns.view.Visible())
		}
	}
}

// TestRosterColumnsChosenAreRememberedAndPrinted: the default columns are
// checked; a column checked by the user (工号或学号) is printed with the
// others, one unchecked (性别) is not, the choice is there again on a new
// 报表 screen, and the roster is as of the 截至日期 typed.
func TestRosterColumnsChosenAreRememberedAndPrinted(t *testing.T) {
	u, q := newTestUI(t)
	s := openReports(t, u, q)
	_, defaults := documents.RosterColumns()
	if got := s.columns.chosen(); !slices.Equal(got, defaults) {
		t.Fatalf("checked at first: %v, want the default %v", got, defaults)
	}
	s.kind.SetSelected(documents.Title(documents.Roster))
	test.Tap(checkFor(t, u, "工号或学号"))
	test.Tap(checkFor(t, u, "性别"))
	test.Type(s.asOf, "2026年3月31日")
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	s.path.SetText(out)
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	text := pdfToText(t, out)
	if !strings.Contains(text, "工号或学号") || !strings.Contains(text, "T1001") || !strings.Contains(text, "截至2026年3月31日") {
		t.Errorf("the roster lacks the column or the day (status %q):\n%s", s.result.Text, text)
	}
	if strings.Contains(text, "性别") {
		t.Errorf("an unchecked column is printed:\n%s", text)
	}

	again := newColumnChooser(u)
	if got := again.chosen(); !slices.Contains(got, "工号或学号") || slices.Contains(got, "性别") {
		t.Errorf("the choice is not remembered: %v", got)
	}
	test.Tap(findButton(t, u, "恢复默认列"))
	if got := s.columns.chosen(); !slices.Equal(got, defaults) {
		t.Errorf("after 恢复默认列: %v", got)
	}
}

// TestReportsScreenRefusesABadDayAndNoColumn: a 截至日期 that is no day, or
// a roster with no column checked, is told and nothing is written.
func TestReportsScreenRefusesABadDayAndNoColumn(t *testing.T) {
	u, q := newTestUI(t)
	s := openReports(t, u, q)
	s.kind.SetSelected(documents.Title(documents.Roster))
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	s.path.SetText(out)
	s.asOf.SetText("2026-02-30")
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	if !strings.Contains(s.result.Text, "截至日期无效") || !strings.Contains(s.result.Text, "日期不存在") {
		t.Errorf("status %q", s.result.Text)
	}
	s.asOf.SetText("")
	s.columns.set(nil)
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	if s.result.Text != "请至少选择一列" {
		t.Errorf("status %q", s.result.Text)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
}

// TestReportsScreenWritesWord: choosing Word renames the button, gives the
// path the .docx extension and the file dialog the Word filter, and writes
// a Word document.
func TestReportsScreenWritesWord(t *testing.T) {
	u, q := newTestUI(t)
	s := openReports(t, u, q)
	s.kind.SetSelected(documents.Title(documents.Roster))
	dir := t.TempDir()
	s.path.SetText(filepath.Join(dir, "花名册.pdf"))
	s.format.SetSelected("Word")
	if s.generate.Text != "生成Word" || s.path.Text != filepath.Join(dir, "花名册.docx") || s.output.kind.key != wordFiles.key {
		t.Fatalf("after choosing Word: button %q, path %q, files %q", s.generate.Text, s.path.Text, s.output.kind.label)
	}
	if u.app.Preferences().String(prefReportFormat) != "Word" {
		t.Error("the format is not remembered")
	}
	test.Tap(findButton(t, u, "生成Word"))
	q.settle(u)
	z, err := zip.OpenReader(s.path.Text)
	if err != nil {
		t.Fatalf("no Word document (status %q): %v", s.result.Text, err)
	}
	defer z.Close()
	if !slices.ContainsFunc(z.File, func(f *zip.File) bool { return f.Name == "word/document.xml" }) {
		t.Error("no word/document.xml")
	}
	s.format.SetSelected("PDF")
	if s.generate.Text != "生成PDF" || !strings.HasSuffix(s.path.Text, "花名册.pdf") {
		t.Errorf("back to PDF: %q %q", s.generate.Text, s.path.Text)
	}
}

// TestReportsScreenNamesUnprintableCharacters: after saving a roster with
// a name holding a character no bundled face has, a dialog names the
// record and the character.
func TestReportsScreenNamesUnprintableCharacters(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	ms, err := u.store.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m := ms[0]
	m.Name = "王\uE000"
	if err := u.store.Members.Update(ctx, &m); err != nil {
		t.Fatal(err)
	}
	s := openReports(t, u, q)
	s.kind.SetSelected(documents.Title(documents.Roster))
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	s.path.SetText(out)
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	if _, err := os.Stat(out); err != nil || !strings.Contains(s.result.Text, "已生成") {
		t.Fatalf("not written: %v (status %q)", err, s.result.Text)
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog tells the missing character")
	}
	texts := strings.Join(visibleTexts(top), "\n")
	if !strings.Contains(texts, missingIntro) || !strings.Contains(texts, "王\uE000") || !strings.Contains(texts, "：\uE000(U+E000)") {
		t.Errorf("the dialog reads %q", texts)
	}
	if strings.Contains(texts, "李红梅") {
		t.Errorf("the dialog names a record with nothing missing: %q", texts)
	}
}

// TestMissingLinesNameRecordAndCharacters: one line a record.
func TestMissingLinesNameRecordAndCharacters(t *testing.T) {
	rep := documents.Report{}
	if len(rep.MissingLines()) != 0 {
		t.Error("lines for nothing missing")
	}
	rep.Missing = append(rep.Missing, missingOf("一支部 王(1)", '\uE000', '\uE001'), missingOf("党员花名册", '\uE002'),
		missingOf("二支部 𱍐(2)", '𱍐'))
	got := rep.MissingLines()
	want := []string{"一支部 王(1)：\uE000(U+E000)、\uE001(U+E001)", "党员花名册：\uE002(U+E002)", "二支部 𱍐(2)：𱍐(U+31350)"}
	if !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

// missingOf is a record's missing characters.
func missingOf(record string, chars ...rune) pdf.Missing {
	return pdf.Missing{Record: record, Chars: chars}
}

// TestWithFormatExt: withFormatExt swaps the format's extension, whatever its case, and adds
// it to a path without one.
func TestWithFormatExt(t *testing.T) {
	cases := []struct {
		path string
		f    documents.Format
		want string
	}{
		{"/a/花名册.pdf", documents.Word, "/a/花名册.docx"},
		{"/a/花名册.PDF", documents.Word, "/a/花名册.docx"},
		{"/a/花名册.docx", documents.PDF, "/a/花名册.pdf"},
		{"/a/花名册.pdf", documents.PDF, "/a/花名册.pdf"},
		{"/a/花名册", documents.PDF, "/a/花名册.pdf"},
		{"", documents.Word, ""},
	}
	for _, c := range cases {
		if got := withFormatExt(c.path, c.f); got != c.want {
			t.Errorf("withFormatExt(%q, %s) = %q, want %q", c.path, c.f, got, c.want)
		}
	}
}

// memberNamed is the member of the test store with the name.
func memberNamed(t *testing.T, u *UI, name string) data.Member {
	t.Helper()
	ms, err := u.store.Members.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("no member %s", name)
	return data.Member{}
}
