package sheets

import (
	"context"

	"dangjian/data"
)

// exportTransfers writes one row per letter, by 开具日期 then 介绍信编号.
func exportTransfers(ctx context.Context, s *data.Store, out *exportSheet, year int) error {
	people, err := loadPeople(ctx, s, out.inOrg()...)
	if err != nil {
		return err
	}
	total, err := s.Transfers.Count(ctx, yearCond(data.ColIssuedDate, year, out.inOrg()...)...)
	if err != nil {
		return err
	}
	out.start(total)
	return s.Transfers.Each(ctx, func(t *data.Transfer) error {
		return out.add(transferExportRow(t, people[t.MemberID]))
	}, yearCond(data.ColIssuedDate, year, out.inOrg(data.OrderBy(data.ColIssuedDate, data.ColLetterNo, data.ColID))...)...)
}

func transferExportRow(t *data.Transfer, p exportPerson) map[string]any {
	return map[string]any{
		"公民身份号码": p.IDNumber,
		"姓名":     p.Name,
		"方向":     t.Direction,
		"对方组织":   t.OtherOrg,
		"介绍信编号":  t.LetterNo,
		"开具日期":   t.IssuedDate,
		"有效期天数":  t.ValidDays,
		"回执日期":   t.ReceiptDate,
		"党费交至":   t.DuesPaidUntil,
	}
}
