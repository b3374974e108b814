package app

import (
	"strconv"

	"dangjian/data/field"
	"dangjian/data/rules"
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

// duesUnpaidText is what a month owed, over and unpaid shows.
const duesUnpaidText = "未缴"

// duesRow is one line of the calculator's ledger as the grid shows it,
// its cells formatted once when the ledger is read.
type duesRow struct {
	line   *rules.DuesLine
	cells  [duesColumnCount]string
	unpaid uint16 // bit m-1: month m shows 未缴
}

// name is the member's name.
func (r *duesRow) name() string { return r.line.Member.Name }

// duesRowsOf formats the ledger's lines, in the ledger's order (branch,
// then member).
func duesRowsOf(l *rules.DuesLedger) []*duesRow {
	rows := make([]*duesRow, len(l.Lines))
	texts := moneyTexts{}
	for i, line := range l.Lines {
		rows[i] = texts.row(line)
	}
	return rows
}

// moneyTexts formats amounts, each once: a ledger repeats a few amounts
// (each member's monthly dues) many times.
type moneyTexts map[int64]string

// text is the amount in 分 as 元.
func (t moneyTexts) text(cents int64) string {
	s, ok := t[cents]
	if !ok {
		s = yuan(cents)
		t[cents] = s
	}
	return s
}

// newDuesRow formats a line: the member (with the status when off the
// rolls), today's base, rate and 月应缴, each month from its state (the
// amount paid, 未缴 for a month owed, over and unpaid, 免交 for a month
// recorded with nothing due, and nothing when not owed here, not over, or
// not paid yet in the month under way), and the line's 应缴, 实缴 and 欠缴.
func newDuesRow(line *rules.DuesLine) *duesRow { return moneyTexts{}.row(line) }

// row is newDuesRow with the amounts formatted through t.
func (t moneyTexts) row(line *rules.DuesLine) *duesRow {
	r := &duesRow{line: line}
	m := line.Member
	r.cells[duesColName] = m.Name
	if !m.Status.Active() {
		r.cells[duesColName] += "（" + string(m.Status) + "）"
	}
	r.cells[duesColBase] = t.text(line.Base)
	r.cells[duesColRate] = line.Rate
	r.cells[duesColDue] = t.text(line.MonthlyDue)
	for i, mo := range line.Months {
		switch mo.State {
		case rules.DuesPaid:
			r.cells[duesColMonth1+i] = t.text(mo.Paid)
		case rules.DuesUnpaid:
			r.cells[duesColMonth1+i] = duesUnpaidText
			r.unpaid |= 1 << i
		case rules.DuesExempt:
			r.cells[duesColMonth1+i] = rules.DuesExemptRate
		}
	}
	r.cells[duesColDueSum] = t.text(line.Due)
	r.cells[duesColPaidSum] = t.text(line.Paid)
	r.cells[duesColOwed] = t.text(line.Arrears)
	return r
}

// yuan formats an amount in 分 as 元 with two decimals, without fmt: a grid
// of 20,000 lines formats 380,000 of them.
func yuan(cents int64) string { return field.FormatMoney(cents) }
