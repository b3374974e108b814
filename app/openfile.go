package app

import (
	"net/url"

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
