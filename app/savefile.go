package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
)

// outputField is where a screen writes a file: the path, typed or
// completed by choosing a folder. The toolkit's save dialog is not used: it
// opens (and so empties) the chosen file before the program can check it.
type outputField struct {
	u     *UI
	entry *widget.Entry
}

func newOutputField(u *UI, path string) *outputField {
	f := &outputField{u: u, entry: widget.NewEntry()}
	f.entry.SetText(path)
	return f
}

// view is the entry with its 选择文件夹… button.
func (f *outputField) view() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, widget.NewButton("选择文件夹…", f.chooseFolder), f.entry)
}

// chooseFolder keeps the file name and puts it in the folder the user picks.
func (f *outputField) chooseFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		name := filepath.Base(f.entry.Text)
		if f.entry.Text == "" || name == "." || name == string(filepath.Separator) {
			name = ""
		}
		f.entry.SetText(filepath.Join(dir.Path(), name))
	}, f.u.win)
	d.Show()
}

// confirmOutput checks path before a file is written to it, then runs
// proceed on the UI goroutine: the database and the program's own files
// are refused with the reason; an existing other file is replaced only when
// the user says so.
func (u *UI) confirmOutput(path string, proceed func()) {
	if err := appcore.CheckOutput(path, u.store.Path()); err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		proceed()
		return
	}
	d := dialog.NewConfirm("替换文件", fmt.Sprintf("文件“%s”已存在。\n要用新文件替换它吗?", filepath.Base(path)),
		func(ok bool) {
			if ok {
				proceed()
			}
		}, u.win)
	d.SetConfirmText("替换")
	d.SetDismissText("取消")
	d.Show()
}
