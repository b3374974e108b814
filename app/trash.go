package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newTrashScreen is the 回收站 screen: records deleted, to restore.
func newTrashScreen(u *UI) fyne.CanvasObject {
	return widget.NewLabel("回收站")
}
