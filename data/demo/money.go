package demo

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// writeDues writes each member's 党费 month by month, from the window's
// start (or admission, or transfer in) to AsOf's month (or the transfer out):
// due by the 2008 rules and paid in full during the month, except by members
// who stopped paying and for the month under way when its payday is still
// ahead. The exempt member owes nothing.
func (g *gen) writeDues() error {
	d := &data.Dues{}
	for i, p := range g.people {
		last := g.asOfM
		if !p.until.IsZero() {
			last = min(last, monthIndex(p.until))
		}
		due, rate := data.DueFor(&p.rec)
		note := ""
		if p.rec.DuesExemptBy != "" {
			note = "经" + p.rec.DuesExemptBy + "免交"
		}
		for mi := max(g.startM, monthIndex(p.from)); mi <= last; mi++ {
			*d = data.Dues{MemberID: p.id, Month: fmt.Sprintf("%04d-%02d", mi/12, mi%12+1),
				Base: p.rec.DuesBase, Rate: rate, Due: due, Note: note}
			paid, ok := g.day(mi, 5, 28)
			if ok && due > 0 && (p.unpaidFrom == 0 || mi < p.unpaidFrom) {
				d.Paid, d.PaidDate = data.Money(due), dt(paid)
			}
			if err := put(g, g.tx.Dues, d, &g.sum.Dues); err != nil {
				return err
			}
		}
		if i%64 == 63 {
			g.advance(64)
		}
	}
	g.advance(len(g.people) % 64)
	return g.writeFunds()
}

// writeFunds writes the year's 经费: the budget allocations in January and
// the returned dues in March and September as income, and a few expenses a
// month against the budget lines.
func (g *gen) writeFunds() error {
	voucher := 0
	add := func(d time.Time, line string, dir vocab.FundDirection, purpose string, amount data.Money) error {
		if d.After(g.asOf) {
			return nil
		}
		voucher++
		f := &data.Fund{Date: dt(d), BudgetLine: line, Direction: string(dir), Amount: amount, Purpose: purpose,
			Voucher: fmt.Sprintf("记-%d-%02d-%03d", d.Year(), int(d.Month()), voucher)}
		return put(g, g.tx.Funds, f, &g.sum.Funds)
	}
	members := int64(g.o.Members)
	if err := add(date(g.year, time.January, g.between(8, 20)), fundIncome[0].line, vocab.Income, fundIncome[0].purpose,
		data.Yuan(members*120)); err != nil {
		return err
	}
	for _, m := range []time.Month{time.March, time.September} {
		if err := add(date(g.year, m, g.between(5, 25)), fundIncome[1].line, vocab.Income, fundIncome[1].purpose,
			data.Yuan(members*8+int64(g.between(0, 99)))); err != nil {
			return err
		}
	}
	for mi := g.jan; mi <= g.asOfM; mi++ {
		for range g.between(1, 3) {
			e := fundExpense[g.intn(len(fundExpense))]
			d, _ := g.day(mi, 3, 28)
			amount := data.Yuan(int64(g.between(3, 60)) * 100 * max(1, members/300))
			if err := add(d, e.line, vocab.Expense, e.purpose, amount); err != nil {
				return err
			}
		}
	}
	return nil
}
