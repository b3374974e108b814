package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showProblem tells a problem in a dialog with a 确定 button: its text
// wraps within the dialog, and there is no icon (Fyne's information and
// error dialogs draw theirs over a long text, and title the error one in
// English).
func (u *UI) showProblem(title, text string) {
	d := dialog.NewCustom(title, "确定", problemContent(text), u.win)
	d.Show()
}

// problemContent is the text of a problem, wrapped at a readable width.
func problemContent(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(l)
	scroll.SetMinSize(fyne.NewSize(460, 90))
	return scroll
}
