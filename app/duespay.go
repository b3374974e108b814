package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
)

// duesPayDialog records the payment of one member for one month.
type duesPayDialog struct {
	s       *duesScreen
	row     *duesRow
	year    int
	month   int
	amount  *widget.Entry
	date    *widget.Entry
	message *widget.Label
	save    *widget.Button
	dlg     *dialog.CustomDialog
}

// openPay opens the payment dialog of a member's month, if the ledger
// says it can be paid.
func (s *duesScreen) openPay(r *duesRow, month int) {
	v := s.view
	if v.ledger == nil || !v.ledger.Payable(r.line, month, v.asOf) {
		return
	}
	d := &duesPayDialog{s: s, row: r, year: v.year, month: month}
	due, rate := r.line.MonthlyDue, r.line.Rate
	note := ""
	if r.line.Months[month-1].Record != nil {
		// The stored row, for its rate and date: one indexed read.
		rec, err := s.u.store.DuesMonth(context.Background(), r.line.Member.ID, fmt.Sprintf("%04d-%02d", v.year, month))
		if err != nil {
			s.u.showError(err)
			return
		}
		if rec != nil {
			due, rate = int64(rec.Due), rec.Rate
			if rec.Paid > 0 {
				note = fmt.Sprintf("已于%s缴纳 %s 元;保存将改为下面的金额和日期", rec.PaidDate, yuan(int64(rec.Paid)))
			}
		}
	}
	d.amount = widget.NewEntry()
	d.amount.SetText(yuan(due))
	d.amount.OnSubmitted = func(string) { d.submit() }
	d.date = widget.NewEntry()
	d.date.SetPlaceHolder("如 2026-03-05")
	d.date.SetText(data.DateOf(s.u.store.Now()).String())
	d.date.OnSubmitted = func(string) { d.submit() }
	d.message = widget.NewLabel("")
	d.message.Importance = widget.DangerImportance
	d.message.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(fmt.Sprintf("%s  %d年%d月  应缴 %s 元(%s)", r.name(), d.year, month, yuan(due), rate))
	form := widget.NewForm(widget.NewFormItem("实缴金额(元)", d.amount), widget.NewFormItem("缴纳日期", d.date))
	d.save = widget.NewButton("保存", d.submit)
	d.save.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { d.dlg.Hide() })
	body := container.NewVBox(info)
	if note != "" {
		body.Add(widget.NewLabel(note))
	}
	body.Add(form)
	body.Add(d.message)
	body.Add(container.NewHBox(d.save, cancel))
	d.dlg = dialog.NewCustomWithoutButtons("登记党费", body, s.u.win)
	d.dlg.Resize(fyne.NewSize(440, 260))
	s.pay = d
	d.dlg.Show()
	s.u.win.Canvas().Focus(d.amount)
}

// submit checks the amount and date, pays off the UI goroutine, then
// reads the ledger again: the calculator, not the screen, says what the
// payment changes.
func (d *duesPayDialog) submit() {
	if d.save.Disabled() {
		return
	}
	cents, err := field.ParseMoney(d.amount.Text)
	if errors.Is(err, field.ErrEmpty) {
		d.message.SetText("请填写实缴金额")
		return
	}
	if err != nil {
		d.message.SetText(err.Error())
		return
	}
	when, err := field.ParseDate(d.date.Text)
	if errors.Is(err, field.ErrEmpty) && cents > 0 {
		d.message.SetText("请填写缴纳日期")
		return
	}
	if err != nil && !errors.Is(err, field.ErrEmpty) {
		d.message.SetText("缴纳日期:" + err.Error())
		return
	}
	paid, date := data.Money(cents), data.DateOf(when)
	month := fmt.Sprintf("%04d-%02d", d.year, d.month)
	id, store := d.row.line.Member.ID, d.s.u.store
	d.message.SetText("")
	d.save.Disable()
	async(d.s.u, func() (struct{}, error) {
		return struct{}{}, store.PayDues(context.Background(), id, month, paid, date)
	}, func(_ struct{}, err error) {
		d.save.Enable()
		if err != nil {
			d.message.SetText("未保存:" + err.Error())
			return
		}
		d.dlg.Hide()
		d.s.load()
	})
}
