package documents

import (
	"fmt"
	"strconv"
	"strings"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

// duesPaidDates gives, per member id, the 交纳日期 of each month of the year
// (index 0 is January) as the 党费 records have it; zero where nothing was
// paid for the month.
func (r *request) duesPaidDates() (map[string]*[12]data.Date, error) {
	rows, err := r.store.DuesOfYear(r.ctx, r.year)
	if err != nil {
		return nil, err
	}
	out := map[string]*[12]data.Date{}
	prefix := fmt.Sprintf("%04d-", r.year)
	for _, d := range rows {
		mo, err := strconv.Atoi(strings.TrimPrefix(d.Month, prefix))
		if err != nil || mo < 1 || mo > 12 || d.Paid <= 0 || d.PaidDate.IsZero() {
			continue
		}
		days := out[string(d.MemberID)]
		if days == nil {
			days = &[12]data.Date{}
			out[string(d.MemberID)] = days
		}
		if days[mo-1].IsZero() || d.PaidDate.After(days[mo-1].Time) {
			days[mo-1] = d.PaidDate
		}
	}
	return out, nil
}

// duesDateColumns are the columns of a branch's 交纳日期 table: the name,
// the twelve months and a blank for the member's signature.
func duesDateColumns() []layout.Column {
	cols := []layout.Column{{Title: "姓名", Width: 15, Keep: true}}
	for m := 1; m <= 12; m++ {
		cols = append(cols, layout.Column{Title: strconv.Itoa(m) + "月", Width: 19, Align: layout.Center, Keep: true})
	}
	return append(cols, layout.Column{Title: "交纳人签字"})
}

// duesDates is a branch's 交纳日期 table: a row per member in the order of
// the amounts, each month the day the month's 党费 was paid, and a blank
// for the member to sign.
func duesDates(g duesGroup, dates map[string]*[12]data.Date, staff map[string]string) *layout.Table {
	t := &layout.Table{Columns: duesDateColumns(), Rows: make([]layout.Row, 0, len(g.lines))}
	for _, line := range g.lines {
		cells := make([]string, 1, 14)
		cells[0] = duesRow(line)[0] // the name, with the status when off the rolls
		days := dates[line.Member.ID]
		for mo := range 12 {
			cell := ""
			if days != nil && !days[mo].IsZero() && line.Months[mo].State == rules.DuesPaid {
				cell = tableDate(days[mo])
			}
			cells = append(cells, cell)
		}
		t.Rows = append(t.Rows, layout.Row{Cells: append(cells, ""), Record: record(g.name, line.Member.Name, staff[line.Member.ID])})
	}
	return t
}

// duesSignatures closes a branch's pages: the collector and the branch
// secretary sign and date the ledger, the branch seals it.
func duesSignatures() *layout.Signatures {
	return &layout.Signatures{Lines: []layout.SignLine{
		{Who: "收缴人签字：", Date: true}, {Who: "党支部书记签字：", Seal: true, Date: true},
	}}
}
