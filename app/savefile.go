package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
)

// outputField is where a screen writes a file: the path, typed or chosen
// with 另存为… (the system's save dialog on Windows, a folder elsewhere;
// see chooseSave). Choosing only fills the path: the screen checks it with
// confirmOutput when it writes.
type outputField struct {
	u     *UI
	kind  fileKind
	entry *widget.Entry
}

func newOutputField(u *UI, path string, kind fileKind) *outputField {
	f := &outputField{u: u, kind: kind, entry: widget.NewEntry()}
	f.entry.SetText(path)
	return f
}

// view is the entry with its 另存为… button.
func (f *outputField) view() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, widget.NewButton("另存为…", f.choose), f.entry)
}

// choose asks where to write, proposing the path typed.
func (f *outputField) choose() {
	f.u.chooseSave(f.kind, "另存为", f.entry.Text, func(path string) { f.entry.SetText(path) })
}

// confirmOutput checks path before a file is written to it, then runs
// proceed on the UI goroutine: the database and the program's own files
// are refused with the reason; an existing other file is replaced only when
// the user says so.
func (u *UI) confirmOutput(path string, proceed func()) {
	if err := appcore.CheckOutput(path, u.store.Path()); err != nil {
		u.showProblem("不能写入这个文件", err.Error())
		return
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		proceed()
		return
	}
	confirmAction(u.win, "替换文件", fmt.Sprintf("文件“%s”已存在。\n要用新文件替换它吗？", filepath.Base(path)),
		"替换", proceed)
}
