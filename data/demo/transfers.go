package demo

import (
	"fmt"
	"slices"

	"dangjian/data"
	"dangjian/data/vocab"
)

// writeTransfers writes the letters of the members transferred out (numbered
// in order of issue, 转字〔2026〕第012号) and in.
func (g *gen) writeTransfers() error {
	var outs, ins []*person
	for _, p := range g.people {
		switch {
		case p.out:
			outs = append(outs, p)
		case p.in:
			ins = append(ins, p)
		}
	}
	slices.SortStableFunc(outs, func(a, b *person) int { return a.issued.Compare(b.issued) })
	seq := map[int]int{}
	t := &data.Transfer{}
	for _, p := range outs {
		y := p.issued.Year()
		if seq[y] == 0 {
			seq[y] = g.between(2, 9)
		}
		seq[y] += g.between(1, 6)
		note := "毕业离校,转至就业单位"
		if p.staff() {
			note = "工作调动"
		}
		*t = data.Transfer{MemberID: p.id, Direction: string(vocab.TransferOut), OtherOrg: p.otherOrg,
			LetterNo: fmt.Sprintf("转字〔%d〕第%03d号", y, seq[y]), IssuedDate: dt(p.issued), ValidDays: 90,
			ReceiptDate: dt(p.receipt), Note: note}
		if err := put(g, g.tx.Transfers, t, &g.sum.Transfers); err != nil {
			return err
		}
	}
	used := map[string]bool{} // an issuer numbers its letters once each
	for _, p := range ins {
		letter := ""
		for letter == "" || used[p.otherOrg+letter] {
			letter = fmt.Sprintf("转字〔%d〕第%03d号", p.issued.Year(), g.between(20, 400))
		}
		used[p.otherOrg+letter] = true
		*t = data.Transfer{MemberID: p.id, Direction: string(vocab.TransferIn), OtherOrg: p.otherOrg,
			LetterNo:   letter,
			IssuedDate: dt(p.issued), ValidDays: 90, ReceiptDate: dt(p.receipt), Note: "组织关系转入,已回执",
			// The letter says dues are paid up to the month before it.
			DuesPaidUntil: p.issued.AddDate(0, -1, 1-p.issued.Day()).Format("2006-01")}
		if err := put(g, g.tx.Transfers, t, &g.sum.Transfers); err != nil {
			return err
		}
	}
	return nil
}
