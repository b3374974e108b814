package data

import "context"

// CorrectPayment writes a corrected payment over the stored 党费 row of d's
// member and month: 实缴, 缴纳日期 and 备注 (the month's base, rate and
// amount due stay as they are). It is validated as PayDues is: an amount
// paid needs its date, and d.Version must be the stored version
// (ErrConflict otherwise). On success d carries its new version.
func (s *Store) CorrectPayment(ctx context.Context, d *Dues) error {
	if d.Paid > 0 && d.PaidDate.IsZero() {
		return &ValidationError{Problems: []Problem{{Col: "paid_date", Label: "缴纳日期", Msg: "不能为空"}}}
	}
	cur := *d
	err := s.Write(ctx, func(tx *Tx) error {
		stored, err := tx.Dues.Get(ctx, d.ID)
		if err != nil {
			return err
		}
		if stored.Version != d.Version {
			return ErrConflict
		}
		next := *stored
		next.Paid, next.PaidDate, next.Note = d.Paid, d.PaidDate, d.Note
		if err := tx.Dues.Update(ctx, &next); err != nil {
			return err
		}
		cur = next
		return nil
	})
	if err != nil {
		return err
	}
	*d = cur
	return nil
}

// DeletePayment deletes a 党费 row (soft): the month counts as unpaid
// again, PayDues records it afresh, and RestoreDeleted brings the row back
// unless the month was paid again meanwhile. d.Version must be the stored
// version (ErrConflict otherwise).
func (s *Store) DeletePayment(ctx context.Context, d *Dues) error {
	return s.Dues.Delete(ctx, d)
}
