package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestANewDevVersionNeedsItsDay: 新增版本 refuses a version without a
// 施行日期 and keeps the day given in the version saved.
func TestANewDevVersionNeedsItsDay(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "设置")
	q.settle(u)
	d := u.settings.dev
	test.Tap(d.add)
	f := d.adding
	if f == nil || !f.open {
		t.Fatal("no form")
	}
	if dir := os.Getenv("DANGJIAN_SCREEN_PICTURES"); dir != "" {
		for _, w := range []float32{1024, 1366} {
			u.win.Resize(fyne.NewSize(w, 768))
			f.dlg.Resize(fyne.NewSize(min(820, w-40), 680))
			out, err := os.Create(filepath.Join(dir, "devversion-"+map[float32]string{1024: "1024", 1366: "1366"}[w]+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(out, u.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			out.Close()
		}
	}
	f.name.SetText("2026")
	test.Tap(f.save)
	q.settle(u)
	if !strings.Contains(f.message.Text, "施行日期") || !f.open {
		t.Fatalf("saved without a 施行日期: %q", f.message.Text)
	}
	f.since.SetText("2026-07-01")
	test.Tap(f.save)
	q.settle(u)
	if f.open {
		t.Fatalf("not saved: %q", f.message.Text)
	}
	all, err := u.store.DevRuleVersionsAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		if r.Version == "2026" {
			if got := r.Since.Format("2006-01-02"); got != "2026-07-01" {
				t.Fatalf("施行日期 %s", got)
			}
			return
		}
	}
	t.Fatal("the version was not saved")
}
