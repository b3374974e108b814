package documents

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() {
	builders[Transfers] = builder{title: "组织关系转接台账", landscape: true, build: buildTransfers}
}

// The states of a transfer letter in the ledger.
const (
	transferReturned = "已回执"
	transferPending  = "待回执"
	transferOverdue  = "逾期未回执（挂空风险）"
)

// transferStatus is a letter's state on the day today: a 转出 without a
// receipt past its validity is overdue, as the TRANSFER rule has it.
func transferStatus(t *data.Transfer, today data.Date, defaultDays int) string {
	switch {
	case !t.ReceiptDate.IsZero():
		return transferReturned
	case rules.TransferOverdue(vocab.Direction(t.Direction), t.IssuedDate.Time, t.ReceiptDate.Time, t.ValidDays, defaultDays, today.Time):
		return transferOverdue
	}
	return transferPending
}

// buildTransfers makes the 组织关系转接台账: every letter issued in the year,
// and every 转出 issued before it still without a receipt, of members of
// the covered branches whatever their status (a member transferred out is
// 已转出 but still named), in order of issue; then the totals.
func buildTransfers(r *request) error {
	members, err := r.formMembers()
	if err != nil {
		return err
	}
	fig, err := r.figures()
	if err != nil {
		return err
	}
	set := fig.Settings() // the organization's own, in a consolidated database
	branchNames := r.branchLabels()
	start := time.Date(r.year, time.January, 1, 0, 0, 0, 0, time.UTC)
	var rows []data.Transfer
	err = r.store.Transfers.Each(r.ctx, func(t *data.Transfer) error {
		inYear := t.IssuedDate.Year() == r.year
		open := t.Direction == string(vocab.TransferOut) && t.ReceiptDate.IsZero() && t.IssuedDate.Before(start)
		if (inYear || open) && members[t.MemberID] != nil {
			rows = append(rows, *t)
		}
		return nil
	}, data.OrderBy(data.ColIssuedDate, data.ColLetterNo, data.ColID))
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		r.nothing(fmt.Sprintf("%d年度没有组织关系转接记录，也没有此前开具、尚未回执的转出介绍信。", r.year))
		return nil
	}
	today := data.DateOf(r.now)
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("本台账列出%d年开具的组织关系介绍信，以及此前开具、至今未收到回执的转出介绍信，按开具日期排列。"+
		"回执情况按%s计算；介绍信未注明有效期的，按%d天计。转出介绍信超过有效期仍未收到回执的，标为“%s”。"+
		"党费交至：为介绍信注明的月份；转出介绍信未注明的，为本组织党费记录中最后交纳的月份。",
		r.year, proseDate(today), set.TransferValidDays, transferOverdue)}, &layout.Spacer{MM: 2})
	t := &layout.Table{Columns: []layout.Column{
		{Title: "序号", Width: 10, Align: layout.Center}, {Title: "姓名", Width: 16, Keep: true}, {Title: "所在支部", Width: 40},
		{Title: "方向", Width: 10, Align: layout.Center}, {Title: "对方组织"}, {Title: "介绍信编号", Width: 44, Keep: true},
		{Title: "开具日期", Width: 19, Align: layout.Center}, {Title: "有效期", Width: 12, Align: layout.Center},
		{Title: "党费交至", Width: 16, Align: layout.Center}, {Title: "回执日期", Width: 19, Align: layout.Center},
		{Title: "回执情况", Width: 38},
	}}
	facts := fig.Facts()
	var out, in, overdue int
	for i := range rows {
		tr := &rows[i]
		m := members[tr.MemberID]
		status := transferStatus(tr, today, set.TransferValidDays)
		switch vocab.Direction(tr.Direction) {
		case vocab.TransferOut:
			out++
		case vocab.TransferIn:
			in++
		}
		if status == transferOverdue {
			overdue++
		}
		branch := branchNames[string(m.BranchID)]
		t.Rows = append(t.Rows, layout.Row{Record: record(branch, m.Name, m.StaffNo), Cells: []string{
			fmt.Sprint(i + 1), layout.Keep(m.Name), branch, tr.Direction, tr.OtherOrg, layout.Keep(letterNo(tr.LetterNo)),
			tableDate(tr.IssuedDate), fmt.Sprintf("%d天", rules.TransferValidity(tr.ValidDays, set.TransferValidDays)),
			layout.TableMonth(rules.DuesPaidUntil(facts, string(tr.MemberID), vocab.Direction(tr.Direction), tr.DuesPaidUntil)), tableDate(tr.ReceiptDate), status}})
		if (i+1)%200 == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
			r.progress(i+1, len(rows))
		}
	}
	total := fmt.Sprintf("合计：转出%d件，转入%d件；逾期未回执%d件。", out, in, overdue)
	if overdue > 0 {
		total = fmt.Sprintf("合计：转出%d件，转入%d件；逾期未回执%d件，存在“挂空”风险，请及时与对方组织联系催办回执。", out, in, overdue)
	}
	p.Add(t, &layout.Spacer{MM: 3}, &layout.Paragraph{Indent: true, Text: total})
	r.progress(len(rows), len(rows))
	return nil
}
