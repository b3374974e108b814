package sheets

import (
	"context"

	"dangjian/data"
)

// duesImporter records what a member paid for a month: member + month is
// the natural key. A new month's base and amount due come from the member's
// 党费基数 and the 2008 rule.
type duesImporter struct {
	members memberIndex
	dues    map[string]*data.Dues // member id|month
	pending string
	rows    rowKeys
}

func (d *duesImporter) prepare(ctx context.Context, tx *data.Tx) error {
	var err error
	if d.members, err = loadMemberIndex(ctx, tx); err != nil {
		return err
	}
	d.dues, d.rows = map[string]*data.Dues{}, rowKeys{}
	return tx.Dues.Each(ctx, func(x *data.Dues) error {
		d.dues[string(x.MemberID)+"|"+x.Month] = x
		return nil
	})
}

func (d *duesImporter) apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error) {
	m := d.members.member(r)
	month, paid, paidDate := r.month("月份"), r.money("实缴金额"), r.date("缴纳日期")
	if len(r.problems) == 0 {
		d.rows.claim(r, m.ID+"|"+month, "月份")
	}
	if len(r.problems) > 0 {
		return unchanged, nil
	}
	cols := map[string]string{"member_id": "公民身份号码", "month": "月份", "paid": "实缴金额", "paid_date": "缴纳日期"}
	key := m.ID + "|" + month
	if old, ok := d.dues[key]; ok {
		rec := *old
		rec.Paid = paid
		if r.has("缴纳日期") {
			rec.PaidDate = paidDate
		}
		before := rec.Version
		if err := tx.Dues.Update(ctx, &rec); err != nil {
			return unchanged, rowErr(r, err, cols)
		}
		*old = rec
		if rec.Version == before {
			return unchanged, nil
		}
		return updated, nil
	}
	rec := &data.Dues{MemberID: data.Ref(m.ID), Month: month, Base: m.DuesBase, Paid: paid, PaidDate: paidDate}
	if m.DuesExemptBy != "" {
		rec.Rate = "免交（" + m.DuesExemptBy + "决定）"
	} else {
		rec.Due, rec.Rate = data.DueFor(m)
	}
	if err := tx.Dues.Create(ctx, rec); err != nil {
		return unchanged, rowErr(r, err, cols)
	}
	d.dues[key], d.pending = rec, key
	return created, nil
}

func (d *duesImporter) settle(ok bool) {
	if !ok && d.pending != "" {
		delete(d.dues, d.pending)
	}
	d.pending = ""
}
