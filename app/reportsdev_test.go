package app

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/reports/documents"
)

// TestReportsScreenOffersTheDocumentsOfDevelopment: the documents of
// 发展党员 are listed; the two 花名册 take a 截至日期, the others the
// 起止日期, which names the file, is refused when out of order, and is
// the period printed.
func TestReportsScreenOffersTheDocumentsOfDevelopment(t *testing.T) {
	u, q := newTestUI(t)
	s := openReports(t, u, q)
	for _, k := range documents.DevKinds {
		s.kind.SetSelected(documents.Title(k))
		if s.kind.Selected != documents.Title(k) {
			t.Fatalf("%s is not offered", k)
		}
		if s.asOf.Visible() != documents.DevAsOf(k) || s.period.row[1].Visible() != documents.DevPeriod(k) {
			t.Errorf("%s: 截至日期 shown %v, 起止日期 shown %v", k, s.asOf.Visible(), s.period.row[1].Visible())
		}
	}
	s.kind.SetSelected(documents.Title(documents.Roster))
	if s.period.row[1].Visible() {
		t.Error("the roster shows 起止日期")
	}

	s.kind.SetSelected(documents.Title(documents.DevLedger))
	s.period.from.SetText("2026-03-01")
	s.period.to.SetText("2026-02-01")
	if got := filepath.Base(s.path.Text); strings.Contains(got, "2026年3月1日") {
		t.Errorf("a period out of order names the file: %q", got)
	}
	out := filepath.Join(t.TempDir(), "台账.pdf")
	s.path.SetText(out)
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	if !strings.Contains(s.result.Text, "截止日期（2026年2月1日）不能早于起始日期（2026年3月1日）") {
		t.Errorf("status %q", s.result.Text)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a file was written")
	}

	s.period.to.SetText("2026-08-31")
	if got := filepath.Base(s.path.Text); !strings.HasSuffix(got, "发展党员工作台账（2026年3月1日至2026年8月31日）.pdf") {
		t.Errorf("file name %q", got)
	}
	s.path.SetText(out)
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("not written (%s): %v", s.result.Text, err)
	}
	if text := pdfToText(t, out); !strings.Contains(text, "2026年3月1日至2026年8月31日") {
		t.Errorf("the period is not printed:\n%s", text)
	}
}

// TestReportsScreenPictureForALook writes a picture of the 报表 screen at
// 1024×768 with the 起止日期 row to the folder DANGJIAN_SCREEN_PICTURES
// names, to be looked at; skipped when it is not set.
func TestReportsScreenPictureForALook(t *testing.T) {
	dir := os.Getenv("DANGJIAN_SCREEN_PICTURES")
	if dir == "" {
		t.Skip("DANGJIAN_SCREEN_PICTURES is not set")
	}
	u, q := newTestUI(t)
	u.win.Resize(fyne.NewSize(1024, 768))
	s := openReports(t, u, q)
	s.kind.SetSelected(documents.Title(documents.DevLedger))
	q.settle(u)
	f, err := os.Create(filepath.Join(dir, "报表-发展党员工作台账.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
