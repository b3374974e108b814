package app

import (
	"errors"
	"net/url"
	"os/exec"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// openInViewer hands the file at path to the system's default program for
// its type (a PDF viewer for reports). On Windows this is ShellExecute,
// which takes paths with Chinese characters and spaces as they are; on
// other systems Fyne's URL opener.
func openInViewer(a fyne.App, path string) error {
	if err := shellOpen(path); err != errNoShellOpen {
		return err
	}
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return a.OpenURL(u)
}

// errNoViewer is a file the system has no program to open.
var errNoViewer = errors.New("系统没有可以打开该文件的程序")

// openFailureText tells, in Chinese, that a file was written but could not
// be opened: no program for it (no xdg-open, no association) or another
// cause, with the file's path so that the user can open it by hand.
func openFailureText(path string, err error) string {
	if errors.Is(err, errNoViewer) || errors.Is(err, exec.ErrNotFound) {
		return "已生成文件，但系统没有可以打开它的程序：" + path
	}
	return "已生成文件，但无法自动打开，请在文件夹中打开它：" + path
}

// showOpenFailure tells, in a dialog, that the file at path was written
// but could not be opened.
func (u *UI) showOpenFailure(path string, err error) {
	u.showProblem("无法打开文件", openFailureText(path, err))
}
