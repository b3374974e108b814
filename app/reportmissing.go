package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/reports/documents"
)

// missingIntro heads the list of characters printed as an empty box.
const missingIntro = "以下字符无法打印，已以空框代替，请在打印件上手工补写："

// showMissing tells, after a document was saved, which records have
// characters printed as an empty box; nothing when none has.
func (u *UI) showMissing(rep documents.Report) {
	if len(rep.Missing) == 0 {
		return
	}
	list := widget.NewLabel(strings.Join(rep.MissingLines(), "\n"))
	list.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(420, min(float32(len(rep.Missing))*28+20, 320)))
	d := dialog.NewCustom("有字符无法打印", "关闭", container.NewBorder(widget.NewLabel(missingIntro), nil, nil, nil, scroll), u.win)
	d.Show()
}
