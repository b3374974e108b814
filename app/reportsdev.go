package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/reports/documents"
)

// devFromHint and devToHint are what the entries of the period of a
// document of 发展党员 show while empty.
const (
	devFromHint = "留空为所选年度的1月1日"
	devToHint   = "留空为所选年度的12月31日"
)

// devPeriod is the 起止日期 row of the 报表 screen, for the documents of
// 发展党员 that cover a period (the 台账, the 公示, the 备案 sheets, the 转正
// list): two dates, each left empty for the year's first or last day (a
// 公示's days, for a notice).
type devPeriod struct {
	from, to *widget.Entry
	row      []fyne.CanvasObject
}

func newDevPeriod(changed func()) *devPeriod {
	p := &devPeriod{from: widget.NewEntry(), to: widget.NewEntry()}
	p.from.SetPlaceHolder(devFromHint)
	p.to.SetPlaceHolder(devToHint)
	p.from.OnChanged = func(string) { changed() }
	p.to.OnChanged = func(string) { changed() }
	p.row = []fyne.CanvasObject{formLabel("起止日期"),
		container.New(layout.NewGridLayout(2), p.from, container.NewBorder(nil, nil, widget.NewLabel("至"), nil, p.to))}
	return p
}

// read reads the two dates: each empty or a date, the first not after the
// second; the message says which is wrong.
func (p *devPeriod) read() (from, to time.Time, msg string) {
	from, err := readAsOf(p.from.Text)
	if err != nil {
		return from, to, "起始日期无效：" + err.Error()
	}
	if to, err = readAsOf(p.to.Text); err != nil {
		return from, to, "截止日期无效：" + err.Error()
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return from, to, fmt.Sprintf("截止日期（%s）不能早于起始日期（%s）", proseDay(to), proseDay(from))
	}
	return from, to, ""
}

// name is the period in a file name: 「（2026年3月1日至2026年8月31日）」,
// "" when neither date is given or one is wrong.
func (p *devPeriod) name() string {
	from, to, msg := p.read()
	switch {
	case msg != "" || from.IsZero() && to.IsZero():
		return ""
	case to.IsZero():
		return "（" + proseDay(from) + "起）"
	case from.IsZero():
		return "（截至" + proseDay(to) + "）"
	}
	return "（" + proseDay(from) + "至" + proseDay(to) + "）"
}

// show shows the row for a document over a period, its hints telling
// what an empty date means for it.
func (p *devPeriod) show(k documents.Kind, visible bool) {
	from, to := devFromHint, devToHint
	switch k {
	case documents.DevPublicity:
		from, to = "公示期第一天（留空按已记录的公示期）", "公示期最后一天"
	case documents.DevConfirmPublicity:
		from, to = "公示期第一天（留空则公示期待填写）", "公示期最后一天"
	}
	p.from.SetPlaceHolder(from)
	p.to.SetPlaceHolder(to)
	showRow(p.row, visible)
}

// hasDevPeriod tells whether a document covers a period of 发展党员.
func hasDevPeriod(k documents.Kind) bool { return documents.DevPeriod(k) }
