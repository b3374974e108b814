//go:build !windows

package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// listsAmong lists the lists under the roots, through the widgets' renderers.
func listsAmong(roots ...fyne.CanvasObject) []*widget.List {
	var found []*widget.List
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.List:
			found = append(found, w)
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
	for _, r := range roots {
		walk(r)
	}
	return found
}

// pickInFileDialog chooses the file named name in the file dialog shown,
// as a user does: its line, then 打开. Each line is drawn apart first, so
// that no folder is selected (which would open it).
func pickInFileDialog(t *testing.T, u *UI, name string) {
	t.Helper()
	for _, l := range listsAmong(overlayRoots(u)...) {
		for i := range l.Length() {
			item := l.CreateItem()
			l.UpdateItem(i, item)
			if !slices.Contains(visibleTexts(item), name) {
				continue
			}
			l.Select(i)
			if open := buttonsAmong("打开", overlayRoots(u)...); len(open) > 0 {
				test.Tap(open[0])
				return
			}
		}
	}
	t.Fatalf("no %s to pick in the file dialog", name)
}

func TestOpenDialogFiltersAndRemembersTheFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	november := filepath.Join(home, "导入", "十一月")
	if err := os.MkdirAll(november, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"党员名单.xlsx", "说明.txt"} {
		if err := os.WriteFile(filepath.Join(november, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u, q := newTestUI(t)
	var chosen []string
	choose := func() {
		u.chooseOpen(excelFiles, "选择要导入的 Excel 工作簿", func(path string) { chosen = append(chosen, path) })
		q.settle(u)
	}

	// The first time: the home folder, its places named in Chinese, at a
	// size that shows more than a few files.
	choose()
	texts := strings.Join(visibleTexts(overlayRoots(u)...), "|")
	for _, want := range []string{"选择要导入的 Excel 工作簿", "主文件夹", "计算机", "导入"} {
		if !strings.Contains("|"+texts+"|", "|"+want+"|") {
			t.Errorf("the open dialog lacks %q: %s", want, texts)
		}
	}
	if top := u.win.Canvas().Overlays().Top(); top == nil || top.Size().Height < 500 || top.Size().Width < 700 {
		t.Fatalf("the dialog is %v", top.Size())
	}
	// The user goes to 十一月, where only the workbook is offered, and picks it.
	d := u.built["fileDialog"].(*dialog.FileDialog)
	l, err := storage.ListerForURI(storage.NewFileURI(november))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(l)
	texts = strings.Join(visibleTexts(overlayRoots(u)...), "|")
	if !strings.Contains(texts, "党员名单.xlsx") || strings.Contains(texts, "说明.txt") {
		t.Fatalf("the filter shows %s", texts)
	}
	pickInFileDialog(t, u, "党员名单.xlsx")
	q.settle(u)
	if want := filepath.Join(november, "党员名单.xlsx"); len(chosen) != 1 || chosen[0] != want {
		t.Fatalf("chosen %q, want %s", chosen, want)
	}

	// The next time, it opens in 十一月.
	closeAllOverlays(u)
	choose()
	texts = strings.Join(visibleTexts(overlayRoots(u)...), "|")
	if !strings.Contains(texts, "党员名单.xlsx") || strings.Contains(texts, "说明.txt") {
		t.Fatalf("the second dialog does not open in the folder last used: %s", texts)
	}
	// Another kind keeps its own folder.
	if got := u.lastFolder(pdfFiles); got == november {
		t.Fatal("the PDF dialogs open where the last workbook was")
	}
}

func TestSaveAsKeepsTheNameAndCreatesNothing(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	out := filepath.Join(home, "报表")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	u, q := newTestUI(t)
	f := newOutputField(u, filepath.Join(home, "2026年党员花名册.pdf"), pdfFiles)
	f.choose()
	q.settle(u)
	d := u.built["fileDialog"].(*dialog.FileDialog)
	l, err := storage.ListerForURI(storage.NewFileURI(out))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(l)
	test.Tap(buttonsAmong("打开", overlayRoots(u)...)[0]) // the folder shown
	q.settle(u)
	want := filepath.Join(out, "2026年党员花名册.pdf")
	if f.entry.Text != want {
		t.Fatalf("另存为 gives %q, want %q", f.entry.Text, want)
	}
	if _, err := os.Stat(want); !os.IsNotExist(err) {
		t.Fatalf("choosing where to save created the file: %v", err)
	}
	if got := u.lastFolder(pdfFiles); got != out {
		t.Fatalf("the PDF folder remembered is %q, want %q", got, out)
	}
}
