package pdf

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

func init() { writers[Transfers] = writer{"组织关系转接台账", true, writeTransfers} }

// The states of a transfer letter in the ledger.
const (
	transferReturned = "已回执"
	transferPending  = "待回执"
	transferOverdue  = "逾期未回执(挂空风险)"
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

// writeTransfers prints the 组织关系转接台账: every letter issued in the year,
// and every 转出 issued before it still without a receipt, of members of
// the covered branches whatever their status (a member transferred out is
// 已转出 but still named), in order of issue; then the totals.
func writeTransfers(r *request) error {
	set, err := r.store.RuleSettings(r.ctx)
	if err != nil {
		return err
	}
	members, branchNames, err := r.formMembers()
	if err != nil {
		return err
	}
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
	d := r.doc
	d.NewPage()
	if len(rows) == 0 {
		d.Paragraph(fmt.Sprintf("%d年度没有组织关系转接记录,也没有此前开具、尚未回执的转出介绍信。", r.year))
		return nil
	}
	today := data.DateOf(r.now)
	d.Paragraph(fmt.Sprintf("本台账列出%d年开具的组织关系介绍信,以及此前开具、至今未收到回执的转出介绍信,按开具日期排列。"+
		"状态按%s计算;介绍信未注明有效期的,按%d天计。转出介绍信超过有效期仍未收到回执的,标为“%s”。",
		r.year, formDay(today), set.TransferValidDays, transferOverdue))
	d.Space(2)
	t := d.NewTable([]Column{
		{Title: "序号", Width: 11, Align: "C"}, {Title: "姓名", Width: 20}, {Title: "所在支部", Width: 43},
		{Title: "方向", Width: 11, Align: "C"}, {Title: "对方组织"}, {Title: "介绍信编号", Width: 38},
		{Title: "开具日期", Width: 22, Align: "C"}, {Title: "有效期", Width: 13, Align: "C"},
		{Title: "回执日期", Width: 22, Align: "C"}, {Title: "状态", Width: 41},
	})
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
		t.Row(fmt.Sprint(i+1), m.Name, branchNames[string(m.BranchID)], tr.Direction, tr.OtherOrg, tr.LetterNo,
			tr.IssuedDate.String(), fmt.Sprintf("%d天", rules.TransferValidity(tr.ValidDays, set.TransferValidDays)),
			tr.ReceiptDate.String(), status)
		if (i+1)%200 == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
			r.progress(i+1, len(rows))
		}
	}
	d.Space(3)
	total := fmt.Sprintf("合计:转出%d件,转入%d件;逾期未回执%d件。", out, in, overdue)
	if overdue > 0 {
		total = fmt.Sprintf("合计:转出%d件,转入%d件;逾期未回执%d件,存在“挂空”风险,请及时与对方组织联系催办回执。", out, in, overdue)
	}
	d.Paragraph(total)
	r.progress(len(rows), len(rows))
	return nil
}
