package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/reports/documents"
)

// missingIntro heads the list of characters printed as an empty box.
const missingIntro = "以下字符无法打印，已以空框代替，请在打印件上手工补写："

// missingLines lists, one record a line, the characters that no bundled
// face has, each with its code point for a screen that cannot show it
// either: 「记录：𱍐(U+31350)、…」.
func missingLines(rep documents.Report) []string {
	lines := make([]string, len(rep.Missing))
	for i, m := range rep.Missing {
		names := make([]string, len(m.Chars))
		for j, c := range m.Chars {
			names[j] = fmt.Sprintf("%c(U+%04X)", c, c)
		}
		lines[i] = m.Record + "：" + strings.Join(names, "、")
	}
	return lines
}

// showMissing tells, after a document was saved, which records have
// characters printed as an empty box; nothing when none has.
func (u *UI) showMissing(rep documents.Report) {
	if len(rep.Missing) == 0 {
		return
	}
	list := widget.NewLabel(strings.Join(missingLines(rep), "\n"))
	list.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(420, min(float32(len(rep.Missing))*28+20, 320)))
	d := dialog.NewCustom("有字符无法打印", "关闭", container.NewBorder(widget.NewLabel(missingIntro), nil, nil, nil, scroll), u.win)
	d.Show()
}
