package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
)

// duesPayDialog records the payment of one member for one month, or
// corrects (修改) or deletes (删除) the month's stored payment.
type duesPayDialog struct {
	s       *duesScreen
	pay     duesPayment
	amount  *escEntry
	date    *escEntry
	note    *escEntry
	message *widget.Label
	save    *widget.Button // 保存 for a new payment, 修改 for a stored one
	remove  *widget.Button // 删除, for a stored payment
	dlg     *dialog.CustomDialog
}

// duesPayment is the member's month a payment dialog is about.
type duesPayment struct {
	memberID, name string
	year, month    int
	due            int64      // 应缴 in 分
	rate           string     // 比例
	rec            *data.Dues // the stored row; nil when none
}

// monthText is the month as 2026-03, as the store keeps it.
func (p *duesPayment) monthText() string { return fmt.Sprintf("%04d-%02d", p.year, p.month) }

// title names the payment for people: 王建国 2026年3月 50.00元.
func (p *duesPayment) title() string {
	s := fmt.Sprintf("%s %d年%d月", p.name, p.year, p.month)
	if p.rec != nil {
		s += " " + yuan(int64(p.rec.Paid)) + "元"
	}
	return s
}

// openPay opens the payment dialog of a member's month, if the ledger
// says it can be paid: a month with a stored row reads it first, off the
// UI goroutine, and offers 修改 and 删除.
func (s *duesScreen) openPay(r *duesRow, month int) {
	v := s.view
	if v.ledger == nil || !v.ledger.Payable(r.line, month, v.asOf) {
		return
	}
	p := duesPayment{memberID: r.line.Member.ID, name: r.name(), year: v.year, month: month,
		due: r.line.MonthlyDue, rate: r.line.Rate}
	if r.line.Months[month-1].Record == nil {
		s.showPay(p)
		return
	}
	store := s.u.store
	load(s.u.reader(), func(ctx context.Context) (*data.Dues, error) {
		return store.DuesMonth(ctx, p.memberID, p.monthText())
	}, func(rec *data.Dues, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if rec != nil {
			p.rec, p.due, p.rate = rec, int64(rec.Due), rec.Rate
		}
		s.showPay(p)
	})
}

// showPay shows the payment dialog: 实缴金额 (应缴 for a new payment),
// 缴纳日期 (today for a new payment) and 备注.
func (s *duesScreen) showPay(p duesPayment) {
	d := &duesPayDialog{s: s, pay: p}
	d.amount = newEntry()
	d.amount.SetText(yuan(p.due))
	d.date = newEntry()
	d.date.SetPlaceHolder("如 2026-03-05")
	d.date.SetText(data.DateOf(s.u.store.Now()).String())
	d.note = newEntry()
	title := "登记党费"
	d.save = widget.NewButton("保存", d.submit)
	if p.rec != nil {
		title = "党费缴纳记录"
		d.save.SetText("修改")
		d.amount.SetText(yuan(int64(p.rec.Paid)))
		d.date.SetText(p.rec.PaidDate.String())
		d.note.SetText(p.rec.Note)
	}
	for _, e := range []*escEntry{d.amount, d.date, d.note} {
		e.OnSubmitted = func(string) { d.submit() }
	}
	d.message = widget.NewLabel("")
	d.message.Importance = widget.DangerImportance
	d.message.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(fmt.Sprintf("%s  %d年%d月  应缴 %s 元（%s）", p.name, p.year, p.month, yuan(p.due), p.rate))
	form := widget.NewForm(widget.NewFormItem("实缴金额（元）", d.amount), widget.NewFormItem("缴纳日期", d.date),
		widget.NewFormItem("备注", d.note))
	d.save.Importance = widget.HighImportance
	buttons := container.NewHBox(d.save)
	if p.rec != nil {
		d.remove = widget.NewButton("删除", d.delete)
		d.remove.Importance = widget.DangerImportance
		buttons.Add(d.remove)
	}
	cancel := widget.NewButton("取消", nil)
	buttons.Add(cancel)
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(info, form, d.message, buttons), s.u.win)
	d.dlg.Resize(fyne.NewSize(460, 300))
	opened := [3]string{d.amount.Text, d.date.Text, d.note.Text}
	cancel.OnTapped = s.u.guardDialog(d.dlg, func() bool {
		return [3]string{d.amount.Text, d.date.Text, d.note.Text} != opened
	})
	s.pay = d
	d.dlg.Show()
	s.u.win.Canvas().Focus(d.amount)
}

// read checks the amount and date; false with the message shown when
// they cannot be saved.
func (d *duesPayDialog) read() (data.Money, data.Date, bool) {
	cents, err := field.ParseMoney(d.amount.Text)
	if errors.Is(err, field.ErrEmpty) {
		d.message.SetText("请填写实缴金额")
		return 0, data.Date{}, false
	}
	if err != nil {
		d.message.SetText(err.Error())
		return 0, data.Date{}, false
	}
	when, err := field.ParseDate(d.date.Text)
	if errors.Is(err, field.ErrEmpty) && cents > 0 {
		d.message.SetText("请填写缴纳日期")
		return 0, data.Date{}, false
	}
	if err != nil && !errors.Is(err, field.ErrEmpty) {
		d.message.SetText("缴纳日期：" + err.Error())
		return 0, data.Date{}, false
	}
	return data.Money(cents), data.DateOf(when), true
}

// submit saves the payment (a new one, or the stored one corrected) off
// the UI goroutine, then reads the ledger again: the calculator, not the
// screen, says what the payment changes.
func (d *duesPayDialog) submit() {
	if d.save.Disabled() {
		return
	}
	paid, date, ok := d.read()
	if !ok {
		return
	}
	p, store, note := d.pay, d.s.u.store, strings.TrimSpace(d.note.Text)
	d.message.SetText("")
	d.save.Disable()
	async(d.s.u, func() (struct{}, error) {
		return struct{}{}, savePayment(context.Background(), store, p, paid, date, note)
	}, func(_ struct{}, err error) {
		d.save.Enable()
		if err != nil {
			d.message.SetText("未保存：" + err.Error())
			return
		}
		d.dlg.Hide()
		if p.rec != nil {
			d.s.u.notify("已修改党费缴纳记录“" + p.name + fmt.Sprintf(" %d年%d月", p.year, p.month) + "”")
		}
		d.s.reload()
	})
}

// savePayment records a new payment (with its 备注, when given) or
// corrects the stored one.
func savePayment(ctx context.Context, store *data.Store, p duesPayment, paid data.Money, date data.Date, note string) error {
	if p.rec != nil {
		rec := *p.rec
		rec.Paid, rec.PaidDate, rec.Note = paid, date, note
		return store.CorrectPayment(ctx, &rec)
	}
	if err := store.PayDues(ctx, p.memberID, p.monthText(), paid, date); err != nil {
		return err
	}
	if note == "" {
		return nil
	}
	rec, err := store.DuesMonth(ctx, p.memberID, p.monthText())
	if err != nil || rec == nil {
		return err
	}
	rec.Note = note
	return store.CorrectPayment(ctx, rec)
}

// delete asks, then deletes the stored payment: the month is owed again
// (the ledger read again says so), until 撤销 brings it back.
func (d *duesPayDialog) delete() {
	d.s.deletePayment(d.pay, func() { d.dlg.Hide() })
}

// deletePayment deletes a stored payment after a confirmation naming it,
// with 撤销 in the status bar; gone runs once it is deleted.
func (s *duesScreen) deletePayment(p duesPayment, gone func()) {
	if p.rec == nil {
		return
	}
	rec, store := *p.rec, s.u.store
	deleted := false
	s.u.deleteWithUndo("党费缴纳记录“"+p.title()+"”", func(ctx context.Context) error {
		return store.DeletePayment(ctx, &rec)
	}, func(ctx context.Context) error {
		return store.RestoreDeleted(ctx, rec.Table(), rec.ID)
	}, func() {
		if !deleted && gone != nil {
			deleted = true
			gone()
		}
		s.reload()
	})
}
