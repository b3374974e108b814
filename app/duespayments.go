package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
)

// duesPaymentList is the 党费缴纳记录 of a year, of one member or of the
// branch chosen on the screen, to find a payment: newest first, with a
// search; a row opens the payment (修改, 删除), right-click offers 删除
// and 复制, Ctrl+C copies.
type duesPaymentList struct {
	s        *duesScreen
	year     int
	memberID string // "" for every member of the branch
	branchID string // "" for every branch
	all      []duesPaymentRow
	rows     []duesPaymentRow // those matching the search, in the order chosen
	search   *escEntry
	count    *widget.Label
	table    *dataTable
	dlg      *dialog.CustomDialog
	loads    *loader
	sortCol  int
	sortDesc bool
}

// duesPaymentRow is one stored payment as listed.
type duesPaymentRow struct {
	pay   duesPayment
	cells [len(duesPaymentColumns)]string
}

// The list's columns.
var duesPaymentColumns = [...]column{{"交纳日期", 100}, {"月份", 80}, {"姓名", 90}, {"所在支部", 180},
	{"实缴（元）", 80}, {"应缴（元）", 80}, {"备注", 160}}

// openPayments shows the year's payments of the member (every member of
// the branch chosen when memberID is "").
func (s *duesScreen) openPayments(memberID string) {
	if s.view.ledger == nil {
		return
	}
	l := &duesPaymentList{s: s, year: s.view.year, memberID: memberID, branchID: s.branch.id(),
		loads: s.u.reader(), count: widget.NewLabel("正在读取…"), sortCol: -1}
	l.search = newEntry()
	l.search.SetPlaceHolder("搜索姓名、月份、日期、备注")
	l.search.OnChanged = func(string) { l.filter() }
	l.table = newDataTable(s.u, "dues-payments", duesPaymentColumns[:], func() int { return len(l.rows) },
		func(row, col int) string { return l.rows[row].cells[col] },
		rowActions{open: s.u.editable(l.open), remove: s.u.editable(l.remove)})
	l.table.sortable(func(col int, desc bool) {
		l.sortCol, l.sortDesc = col, desc
		l.sort()
	})
	title := fmt.Sprintf("%d年党费缴纳记录", l.year)
	if line := s.view.ledger.Line(memberID); line != nil {
		title = fmt.Sprintf("%s %d年党费缴纳记录", line.Member.Name, l.year)
	} else if name := s.branch.name(); name != "" {
		title = fmt.Sprintf("%s %d年党费缴纳记录", name, l.year)
	}
	hint := widget.NewLabel("双击或回车打开一条记录修改或删除")
	hint.Importance = widget.LowImportance
	if s.u.inCommittee() {
		hint.Hide() // the organizations keep their payments
	}
	top := container.NewBorder(nil, nil, nil, container.NewHBox(l.count, hint), l.search)
	done := widget.NewButton("关闭", nil)
	body := container.NewBorder(top, container.NewHBox(done), nil, nil, l.table.object())
	l.dlg = dialog.NewCustomWithoutButtons(title, body, s.u.win)
	done.OnTapped = s.u.guardDialog(l.dlg, nil) // Esc closes it as 关闭 does
	l.dlg.SetOnClosed(func() {
		if s.list == l {
			s.list = nil
		}
	})
	l.dlg.Resize(fyne.NewSize(860, 560))
	s.list = l
	l.dlg.Show()
	l.load()
}

// load reads the year's stored payments off the UI goroutine, named from
// the screen's ledger.
func (l *duesPaymentList) load() {
	store, ledger, labels := l.s.u.store, l.s.view.ledger, branchLabelsOf(l.s.view.branches)
	year, memberID, branchID, orgID := l.year, l.memberID, l.branchID, l.s.u.orgScopeID()
	load(l.loads, func(ctx context.Context) ([]duesPaymentRow, error) {
		return readPayments(ctx, store, ledger, labels, year, memberID, branchID, orgID)
	}, func(rows []duesPaymentRow, err error) {
		if err != nil {
			l.count.SetText("读取失败")
			l.s.u.showError(err)
			return
		}
		l.all = rows
		l.filter()
	})
}

// branchLabelsOf maps branch ids to their labels.
func branchLabelsOf(refs []data.BranchRef) map[string]string {
	out := make(map[string]string, len(refs))
	for _, r := range refs {
		out[r.ID] = r.Label
	}
	return out
}

// readPayments reads the stored 党费 rows of the year, of the member (or
// of the branch's members, or everyone's in the organization orgID, ""
// for every one), newest payment first. Names and branches come from the
// ledger's lines; a member without one this year is read.
func readPayments(ctx context.Context, store *data.Store, ledger *rules.DuesLedger, labels map[string]string,
	year int, memberID, branchID, orgID string) ([]duesPaymentRow, error) {
	recs, err := store.DuesOfYear(ctx, year)
	if err != nil {
		return nil, err
	}
	var rows []duesPaymentRow
	for i := range recs {
		rec := &recs[i]
		id := string(rec.MemberID)
		if (memberID != "" && id != memberID) || (orgID != "" && rec.OrgID != orgID) {
			continue
		}
		name, branch := "", ""
		if line := ledger.Line(id); line != nil {
			name, branch = line.Member.Name, line.BranchID
		} else {
			m, err := store.Members.Get(ctx, id)
			if err != nil {
				return nil, err
			}
			name, branch = m.Name, string(m.BranchID)
		}
		if branchID != "" && branch != branchID {
			continue
		}
		month := 0
		if t, err := field.ParseMonth(rec.Month); err == nil {
			month = int(t.Month())
		}
		r := duesPaymentRow{pay: duesPayment{memberID: id, name: name, year: year, month: month,
			due: int64(rec.Due), rate: rec.Rate, rec: rec}}
		r.cells = [...]string{rec.PaidDate.String(), rec.Month, name, labels[branch],
			yuan(int64(rec.Paid)), yuan(int64(rec.Due)), rec.Note}
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(a, b duesPaymentRow) int {
		return cmp.Or(-cmp.Compare(a.cells[0], b.cells[0]), -cmp.Compare(a.cells[1], b.cells[1]))
	})
	return rows, nil
}

// filter shows the rows holding every word of the search, in the order
// chosen.
func (l *duesPaymentList) filter() {
	words := strings.Fields(l.search.Text)
	l.rows = l.rows[:0:0]
	for _, r := range l.all {
		if r.matches(words) {
			l.rows = append(l.rows, r)
		}
	}
	l.sort()
	if len(l.rows) == len(l.all) {
		l.count.SetText(fmt.Sprintf("共%d条", len(l.all)))
	} else {
		l.count.SetText(fmt.Sprintf("显示%d条，共%d条", len(l.rows), len(l.all)))
	}
}

// matches reports whether every word is in one of the row's cells.
func (r *duesPaymentRow) matches(words []string) bool {
	for _, w := range words {
		if !slices.ContainsFunc(r.cells[:], func(c string) bool { return strings.Contains(c, w) }) {
			return false
		}
	}
	return true
}

// sort orders the rows by the column chosen (amounts as amounts), newest
// payment first until one is chosen.
func (l *duesPaymentList) sort() {
	if l.sortCol >= 0 {
		col := l.sortCol
		slices.SortStableFunc(l.rows, func(a, b duesPaymentRow) int {
			var c int
			switch col {
			case 4:
				c = cmp.Compare(a.pay.rec.Paid, b.pay.rec.Paid)
			case 5:
				c = cmp.Compare(a.pay.rec.Due, b.pay.rec.Due)
			default:
				c = cmp.Compare(a.cells[col], b.cells[col])
			}
			if l.sortDesc {
				return -c
			}
			return c
		})
	}
	l.table.refresh()
}

// open shows the payment of a row, to correct or delete it.
func (l *duesPaymentList) open(row int) {
	if row >= 0 && row < len(l.rows) {
		l.s.showPay(l.rows[row].pay)
	}
}

// remove deletes the payment of a row, after a confirmation naming it.
func (l *duesPaymentList) remove(row int) {
	if row >= 0 && row < len(l.rows) {
		l.s.deletePayment(l.rows[row].pay, nil)
	}
}
