package app

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/reports/documents"
)

// dialogObjects lists every object in the dialog on top.
func dialogObjects(u *UI) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		out = append(out, o)
		switch w := o.(type) {
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
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	return out
}

// A mistyped folder is told, when 生成 is pressed, in a dialog whose text
// wraps and has no icon drawn over it; nothing is made.
func TestReportsScreenTellsAMissingFolderInAPlainDialog(t *testing.T) {
	u, q := newTestUI(t)
	s := openReports(t, u, q)
	dir := t.TempDir()
	missing := filepath.Join(dir, "没有")
	s.path.SetText(filepath.Join(missing, "花名册.pdf"))
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	var text *widget.Label
	for _, o := range dialogObjects(u) {
		switch w := o.(type) {
		case *widget.Label:
			if strings.Contains(w.Text, "文件夹不存在："+missing) {
				text = w
			}
		case *widget.Icon, *canvas.Image:
			if o.Visible() {
				t.Errorf("the dialog draws an icon (%T) over its text", o)
			}
		}
	}
	if text == nil || text.Wrapping != fyne.TextWrapWord {
		t.Fatalf("no wrapped 「文件夹不存在：%s」 in the dialog: %+v", missing, text)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("the mistyped folder was made")
	}
}

// A file that no program opens is told in Chinese with its path.
func TestOpenFailureIsToldInChinese(t *testing.T) {
	path := filepath.Join("报表", "花名册.pdf")
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"no xdg-open", &exec.Error{Name: "xdg-open", Err: exec.ErrNotFound}, "已生成文件，但系统没有可以打开它的程序：" + path},
		{"no program for the type", errNoViewer, "已生成文件，但系统没有可以打开它的程序：" + path},
		{"another cause", errors.New("exit status 4"), "已生成文件，但无法自动打开，请在文件夹中打开它：" + path},
	}
	for _, c := range cases {
		if got := openFailureText(path, c.err); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// The proposed name of a roster or statistics tells the day they are as
// of; other documents keep the year.
func TestReportsScreenNamesTheDayAsOf(t *testing.T) {
	u, q := newTestUI(t)
	s := openReports(t, u, q)
	today := u.store.Now()
	todayText := strconv.Itoa(today.Year()) + "年" + strconv.Itoa(int(today.Month())) + "月" + strconv.Itoa(today.Day()) + "日"
	s.kind.SetSelected(documents.Title(documents.Roster))
	if got, want := filepath.Base(s.path.Text), "党员花名册（截至"+todayText+"）.pdf"; got != want {
		t.Errorf("today: %q, want %q", got, want)
	}
	s.asOf.SetText("2026-03-05")
	if got, want := filepath.Base(s.path.Text), "党员花名册（截至2026年3月5日）.pdf"; got != want {
		t.Errorf("a day typed: %q, want %q", got, want)
	}
	s.asOf.SetText("")
	s.year.SetSelected(strconv.Itoa(today.Year() - 1))
	s.kind.SetSelected(documents.Title(documents.Stats))
	if got, want := filepath.Base(s.path.Text), documents.Title(documents.Stats)+"（截至"+strconv.Itoa(today.Year()-1)+"年12月31日）.pdf"; got != want {
		t.Errorf("a past year: %q, want %q", got, want)
	}
	s.kind.SetSelected(documents.Title(documents.Training))
	if got, want := filepath.Base(s.path.Text), strconv.Itoa(today.Year()-1)+"年"+documents.Title(documents.Training)+".pdf"; got != want {
		t.Errorf("a ledger: %q, want %q", got, want)
	}
}

// A 截至日期 after today is refused before anything is written.
func TestReportsScreenRefusesADayAfterToday(t *testing.T) {
	u, q := newTestUI(t)
	s := openReports(t, u, q)
	s.kind.SetSelected(documents.Title(documents.Roster))
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	s.asOf.SetText(u.store.Now().AddDate(0, 0, 1).Format("2006-01-02"))
	s.path.SetText(out)
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	if s.result.Text != "截至日期不能晚于今天" {
		t.Errorf("status %q", s.result.Text)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
}
