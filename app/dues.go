package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
)

// The columns of the 党费 grid: four about the member, one per month, then
// the year's totals.
const (
	duesColName     = 0
	duesColBase     = 1
	duesColRate     = 2
	duesColDue      = 3
	duesColMonth1   = 4 // 1月; 12月 is duesColMonth1+11
	duesColDueSum   = duesColMonth1 + 12
	duesColPaidSum  = duesColDueSum + 1
	duesColOwed     = duesColDueSum + 2
	duesColumnCount = duesColDueSum + 3
)

// duesColumns are the grid's columns, in order.
var duesColumns = func() []column {
	cols := []column{{"姓名", 90}, {"党费基数", 90}, {"比例", 80}, {"月应缴", 70}}
	for m := 1; m <= 12; m++ {
		cols = append(cols, column{strconv.Itoa(m) + "月", 64})
	}
	return append(cols, column{"应缴合计", 84}, column{"实缴合计", 84}, column{"欠缴", 76})
}()

// duesScreen is the 党费 screen: for a year, one line per member on the
// rolls with the amount paid each month, and recording a payment by
// selecting a month's cell. Everything is read once per year into memory;
// choosing a branch filters in memory, and a payment patches its line.
type duesScreen struct {
	u      *UI
	year   *widget.Select
	branch *branchSelect
	totals *widget.Label
	table  *widget.Table

	ledger duesLedger     // what was read, for ledger.year
	shown  []*duesRow     // the lines of the chosen branch
	sum    duesTotals     // over shown
	loads  *loader        // reads the year; an older read's result is dropped
	pay    *duesPayDialog // the last payment dialog opened
}

// duesLedger is one year of dues, built off the UI goroutine.
type duesLedger struct {
	year     int
	current  int // the current month as year*12 + month-1; later months are not payable
	rows     []*duesRow
	byID     map[string]*duesRow
	branches []data.BranchRef
}

// duesRow is one member's line.
type duesRow struct {
	memberID, branchID string
	name, branch       string // the member's and the branch's
	base               data.Money
	rate               string
	due                data.Money // 月应缴 now, for the months without a row
	from               int        // first month owed (入党), as year*12 + month-1
	months             [12]*data.Dues
	dueSum, paidSum    data.Money
	owed               data.Money
	cells              [duesColumnCount]string
}

// duesTotals are the sums of the shown lines.
type duesTotals struct {
	members         int
	due, paid, owed data.Money
}

// monthIndex numbers months consecutively: year*12 + month-1.
func monthIndex(year int, month time.Month) int { return year*12 + int(month) - 1 }

// buildDuesRows makes the lines of the members for the year from its dues
// rows, sorted by branch name and member name. current is the current month
// (monthIndex).
func buildDuesRows(members []data.Member, branchNames map[string]string, dues []data.Dues, year, current int) ([]*duesRow, map[string]*duesRow) {
	rows := make([]*duesRow, len(members))
	byID := make(map[string]*duesRow, len(members))
	for i := range members {
		m := &members[i]
		due, rate := data.DueFor(m)
		r := &duesRow{memberID: m.ID, branchID: string(m.BranchID), name: m.Name, branch: branchNames[string(m.BranchID)],
			base: m.DuesBase, rate: rate, due: due}
		if !m.JoinedDate.IsZero() {
			r.from = monthIndex(m.JoinedDate.Year(), m.JoinedDate.Month())
		}
		rows[i], byID[m.ID] = r, r
	}
	prefix := fmt.Sprintf("%04d-", year)
	for i := range dues {
		d := &dues[i]
		r := byID[string(d.MemberID)]
		if r == nil || len(d.Month) != 7 || !strings.HasPrefix(d.Month, prefix) {
			continue // not on the rolls, or not the year's
		}
		if mo, err := strconv.Atoi(d.Month[5:]); err == nil && mo >= 1 && mo <= 12 {
			r.months[mo-1] = d
		}
	}
	for _, r := range rows {
		r.compute(year, current)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].branch != rows[j].branch {
			return rows[i].branch < rows[j].branch
		}
		return rows[i].name < rows[j].name
	})
	return rows, byID
}

// compute fills the line's totals and cells. A month is owed from the
// member's admission up to and including the current month, at its row's
// amount due or, without a row, at the member's 月应缴; 欠缴 adds what each
// owed month lacks (paying more one month does not cover another). Months
// after the current one show nothing.
func (r *duesRow) compute(year, current int) {
	r.dueSum, r.paidSum, r.owed = 0, 0, 0
	r.cells[duesColName] = r.name
	r.cells[duesColBase] = yuan(r.base)
	r.cells[duesColRate] = r.rate
	r.cells[duesColDue] = yuan(r.due)
	for i := range 12 {
		at := year*12 + i
		text := ""
		if at <= current {
			due, paid := r.due, data.Money(0)
			if rec := r.months[i]; rec != nil {
				due, paid = rec.Due, rec.Paid
				switch {
				case paid > 0 || due == 0: // paid, or nothing owed (免交)
					text = yuan(paid)
				case at < current:
					text = "未缴"
				}
			}
			r.paidSum += paid
			if at >= r.from {
				r.dueSum += due
				r.owed += max(due-paid, 0)
			}
		}
		r.cells[duesColMonth1+i] = text
	}
	r.cells[duesColDueSum] = yuan(r.dueSum)
	r.cells[duesColPaidSum] = yuan(r.paidSum)
	r.cells[duesColOwed] = yuan(r.owed)
}

// yuan formats an amount as 元 with two decimals, as Money.String does,
// without fmt: a grid of 20,000 lines formats 380,000 of them.
func yuan(m data.Money) string { return field.FormatMoney(int64(m)) }

// payable reports whether month (1–12) of the ledger's year can be paid:
// not after the current month, not before the member joined.
func (l *duesLedger) payable(r *duesRow, month int) bool {
	at := l.year*12 + month - 1
	return at <= l.current && at >= r.from
}

func newDuesScreen(u *UI) fyne.CanvasObject {
	s := &duesScreen{u: u, loads: newLoader(u)}
	u.keep("dues", s)
	s.totals = widget.NewLabel("正在读取…")
	s.table = columnTable(duesColumns, func() int { return len(s.shown) }, s.cell)
	s.table.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) { s.updateCell(id, o.(*widget.Label)) }
	s.table.StickyColumnCount = 1
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.Unselect(id)
		if id.Row >= 0 && id.Row < len(s.shown) && id.Col >= duesColMonth1 && id.Col < duesColMonth1+12 {
			s.openPay(s.shown[id.Row], id.Col-duesColMonth1+1)
		}
	}
	s.branch = newBranchSelect(allBranches)
	s.branch.OnChanged = func(string) { s.filter() }
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.load() }
	hint := widget.NewLabel("选择某月的单元格登记缴费")
	hint.Importance = widget.LowImportance
	pickers := container.NewHBox(widget.NewLabel("年度"), s.year, widget.NewLabel("党支部"), s.branch.Select, hint)
	s.load()
	return container.NewBorder(container.NewVBox(pickers, s.totals), nil, nil, nil, s.table)
}

func (s *duesScreen) updateCell(id widget.TableCellID, l *widget.Label) {
	if id.Row < 0 || id.Row >= len(s.shown) || id.Col < 0 || id.Col >= duesColumnCount {
		l.SetText("")
		return
	}
	text := s.shown[id.Row].cells[id.Col]
	l.Text = text
	l.Importance = widget.MediumImportance
	if text == "未缴" {
		l.Importance = widget.DangerImportance
	}
	l.Alignment = fyne.TextAlignTrailing
	if id.Col == duesColName || id.Col == duesColRate {
		l.Alignment = fyne.TextAlignLeading
	}
	l.Refresh()
}

// cell returns the text of a shown line's column.
func (s *duesScreen) cell(row, col int) string { return s.shown[row].cells[col] }

// load reads the chosen year: branches, members on the rolls and the
// year's dues rows, and builds the lines, off the UI goroutine.
func (s *duesScreen) load() {
	if s.table == nil {
		return
	}
	year := selectedYear(s.year)
	if year == 0 {
		return
	}
	store := s.u.store
	s.totals.SetText("正在读取…")
	load(s.loads, func(ctx context.Context) (duesLedger, error) {
		now := store.Now()
		l := duesLedger{year: year, current: monthIndex(now.Year(), now.Month())}
		var err error
		if l.branches, err = store.BranchRefs(ctx); err != nil {
			return l, err
		}
		members, err := store.Members.List(ctx, data.WhereIn("status", data.ActiveStatuses), data.OrderBy("name"))
		if err != nil {
			return l, err
		}
		dues, err := store.DuesOfYear(ctx, year)
		if err != nil {
			return l, err
		}
		names := make(map[string]string, len(l.branches))
		for _, b := range l.branches {
			names[b.ID] = b.Name
		}
		l.rows, l.byID = buildDuesRows(members, names, dues, year, l.current)
		return l, nil
	}, func(l duesLedger, err error) {
		if err != nil {
			s.totals.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.ledger = l
		s.branch.set(l.branches)
		s.filter()
	})
}

// filter shows the lines of the chosen branch and sums them.
func (s *duesScreen) filter() {
	if s.table == nil {
		return
	}
	id := s.branch.id()
	s.shown = s.shown[:0]
	for _, r := range s.ledger.rows {
		if id == "" || r.branchID == id {
			s.shown = append(s.shown, r)
		}
	}
	s.sumUp()
	s.table.Refresh()
}

// sumUp totals the shown lines into the line at the top.
func (s *duesScreen) sumUp() {
	t := duesTotals{members: len(s.shown)}
	for _, r := range s.shown {
		t.due += r.dueSum
		t.paid += r.paidSum
		t.owed += r.owed
	}
	s.sum = t
	s.totals.SetText(fmt.Sprintf("%d年 在册党员%d名  应缴 %s 元  实缴 %s 元  欠缴 %s 元",
		s.ledger.year, t.members, t.due, t.paid, t.owed))
}

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

// openPay opens the payment dialog of a member's month, if it is payable.
func (s *duesScreen) openPay(r *duesRow, month int) {
	if !s.ledger.payable(r, month) {
		return
	}
	d := &duesPayDialog{s: s, row: r, year: s.ledger.year, month: month}
	due, rate := r.due, r.rate
	note := ""
	if rec := r.months[month-1]; rec != nil {
		due, rate = rec.Due, rec.Rate
		if rec.Paid > 0 {
			note = fmt.Sprintf("已于%s缴纳 %s 元;保存将改为下面的金额和日期", rec.PaidDate, rec.Paid)
		}
	}
	d.amount = widget.NewEntry()
	d.amount.SetText(due.String())
	d.amount.OnSubmitted = func(string) { d.submit() }
	d.date = widget.NewEntry()
	d.date.SetPlaceHolder("如 2026-03-05")
	d.date.SetText(data.DateOf(s.u.store.Now()).String())
	d.date.OnSubmitted = func(string) { d.submit() }
	d.message = widget.NewLabel("")
	d.message.Importance = widget.DangerImportance
	d.message.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(fmt.Sprintf("%s  %d年%d月  应缴 %s 元(%s)", r.name, d.year, month, due, rate))
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

// submit checks the amount and date, then pays off the UI goroutine and
// patches the member's line with the stored row.
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
	id, store := d.row.memberID, d.s.u.store
	d.message.SetText("")
	d.save.Disable()
	async(d.s.u, func() (*data.Dues, error) {
		ctx := context.Background()
		if err := store.PayDues(ctx, id, month, paid, date); err != nil {
			return nil, err
		}
		rows, err := store.Dues.List(ctx, data.Where("member_id", id), data.Where("month", month))
		if err != nil || len(rows) == 0 {
			return nil, err
		}
		return &rows[0], nil
	}, func(rec *data.Dues, err error) {
		d.save.Enable()
		if err != nil {
			d.message.SetText("未保存:" + err.Error())
			return
		}
		d.dlg.Hide()
		d.s.paid(d, rec)
	})
}

// paid shows a stored payment: it patches the member's line when the year
// shown is the payment's, and reads again when a load raced with it.
func (s *duesScreen) paid(d *duesPayDialog, rec *data.Dues) {
	if s.loads.pending() {
		s.load()
		return
	}
	if rec == nil || s.ledger.year != d.year || s.ledger.byID[d.row.memberID] != d.row {
		return
	}
	d.row.months[d.month-1] = rec
	d.row.compute(s.ledger.year, s.ledger.current)
	s.sumUp()
	s.table.Refresh()
}
