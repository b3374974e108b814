package sheets

import (
	"context"

	"dangjian/data"
	"dangjian/data/vocab"
)

// transferImporter records 组织关系转接 letters: the letter number is the
// natural key.
type transferImporter struct {
	members  memberIndex
	byLetter map[string]*data.Transfer
	pending  string
	rows     rowKeys
}

// defaultValidDays is a letter's validity when the sheet gives none.
const defaultValidDays = 90

func (t *transferImporter) prepare(ctx context.Context, tx *data.Tx) error {
	var err error
	if t.members, err = loadMemberIndex(ctx, tx); err != nil {
		return err
	}
	t.byLetter, t.rows = map[string]*data.Transfer{}, rowKeys{}
	return tx.Transfers.Each(ctx, func(x *data.Transfer) error {
		t.byLetter[letterKey(x)] = x
		return nil
	})
}

func (t *transferImporter) apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error) {
	m := t.members.member(r)
	rec := data.Transfer{
		Direction: r.choice("方向", nil), OtherOrg: r.text("对方组织"), LetterNo: r.text("介绍信编号"),
		IssuedDate: r.date("开具日期"), ReceiptDate: r.date("回执日期"), ValidDays: defaultValidDays,
		DuesPaidUntil: r.anyMonth("党费交至"),
	}
	if days, ok := r.count("有效期天数"); ok {
		rec.ValidDays = days
	}
	if len(r.problems) > 0 {
		return unchanged, nil
	}
	rec.MemberID = data.Ref(m.ID)
	cols := map[string]string{"member_id": "公民身份号码", "direction": "方向", "other_org": "对方组织",
		"letter_no": "介绍信编号", "issued_date": "开具日期", "valid_days": "有效期天数", "receipt_date": "回执日期",
		"dues_paid_until": "党费交至"}
	key := letterKey(&rec)
	if t.rows.claim(r, key, "介绍信编号"); len(r.problems) > 0 {
		return unchanged, nil
	}
	old, ok := t.byLetter[key]
	if !ok {
		if err := tx.Transfers.Create(ctx, &rec); err != nil {
			return unchanged, rowErr(r, err, cols)
		}
		t.byLetter[key], t.pending = &rec, key
		return created, nil
	}
	if !t.members.samePerson(string(old.MemberID), string(rec.MemberID)) {
		r.fail("介绍信编号", "该编号已用于另一名党员的转接记录")
		return unchanged, nil
	}
	rec.MemberID = old.MemberID // the letter stays with the row it was issued for
	rec.Meta, rec.Note = old.Meta, old.Note
	if !r.has("有效期天数") {
		rec.ValidDays = old.ValidDays
	}
	if !r.has("回执日期") {
		rec.ReceiptDate = old.ReceiptDate
	}
	if !r.has("党费交至") {
		rec.DuesPaidUntil = old.DuesPaidUntil
	}
	before := rec.Version
	if err := tx.Transfers.Update(ctx, &rec); err != nil {
		return unchanged, rowErr(r, err, cols)
	}
	*old = rec
	if rec.Version == before {
		return unchanged, nil
	}
	return updated, nil
}

func (t *transferImporter) settle(ok bool) {
	if !ok && t.pending != "" {
		delete(t.byLetter, t.pending)
	}
	t.pending = ""
}

// letterKey identifies a letter: its number is unique among the letters its
// issuer writes, which is this organization for 转出 and the other one for
// 转入.
func letterKey(t *data.Transfer) string {
	if t.Direction == string(vocab.TransferIn) {
		return string(vocab.TransferIn) + "|" + t.OtherOrg + "|" + t.LetterNo
	}
	return string(vocab.TransferOut) + "|" + t.LetterNo
}
