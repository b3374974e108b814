package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/reports/merge"
)

// placeholder is a field as a template writes it: {{姓名}}.
func placeholder(f merge.Field) string { return "{{" + f.Name + "}}" }

// fieldsText lists the placeholders of kind k, one a line with its
// description after a tab, for pasting into a document or a sheet.
func fieldsText(k merge.Kind) string {
	var b strings.Builder
	for _, f := range merge.FieldsFor(k) {
		b.WriteString(placeholder(f) + "\t" + f.Description + "\n")
	}
	return b.String()
}

// showFields lists the placeholders the kind chosen fills, each with its
// description and a 复制 button, and 「全部复制」.
func (m *mergeSection) showFields() {
	k := m.selectedKind()
	copyText := func(text, what string) {
		m.u.app.Clipboard().SetContent(text)
		m.u.notify("已复制" + what)
	}
	rows := container.NewVBox()
	for _, f := range merge.FieldsFor(k) {
		name := widget.NewLabelWithStyle(placeholder(f), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		desc := widget.NewLabel(f.Description)
		desc.Wrapping = fyne.TextWrapWord
		p := placeholder(f)
		copyOne := widget.NewButton("复制", func() { copyText(p, p) })
		rows.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(170, name.MinSize().Height), name), copyOne, desc))
	}
	intro := widget.NewLabel("在模板中要填写的地方写上占位符（连同两层花括号），套打时换成每条记录的内容，字体和格式与占位符所在处相同。")
	intro.Wrapping = fyne.TextWrapWord
	copyAll := widget.NewButton("全部复制", func() { copyText(fieldsText(k), "全部占位符") })
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(640, 440))
	d := dialog.NewCustom("占位符 — "+m.kind.Selected, "关闭",
		container.NewBorder(intro, container.NewHBox(copyAll), nil, nil, scroll), m.u.win)
	d.Show()
}
