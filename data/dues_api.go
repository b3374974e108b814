package data

import (
	"context"
	"fmt"
	"strings"

	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// DuesExemptRate is the rate recorded for a member exempted from dues.
const DuesExemptRate = rules.DuesExemptRate

// DueFor returns a member's monthly 党费 under 组通字〔2008〕3号 and the rate
// to show (rules.MonthlyDue), from the member's 党费基数, 人员类别 and
// 按最低标准交纳 flag. A member exempted by decision (DuesExemptBy given)
// owes 0 at rate "免交".
func DueFor(m *Member) (Money, string) {
	due, rate := rules.MonthlyDue(&rules.Member{PersonType: vocab.PersonType(m.PersonType),
		DuesBase: int64(m.DuesBase), DuesReduced: m.DuesReduced, DuesExempt: strings.TrimSpace(m.DuesExemptBy) != ""})
	return Money(due), rate
}

// DuesOfYear returns the live dues rows whose month falls in the year,
// ordered by month and member.
func (s *Store) DuesOfYear(ctx context.Context, year int) ([]Dues, error) {
	return s.Dues.List(ctx, Between(ColMonth, fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year)),
		OrderBy(ColMonth, ColMemberID))
}

// DuesMonth returns the stored 党费 row of a member's month ("2026-03"), or
// nil when there is none.
func (s *Store) DuesMonth(ctx context.Context, memberID, month string) (*Dues, error) {
	rows, err := s.Dues.List(ctx, Where(ColMemberID, memberID), Where(ColMonth, month))
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// PayDues records what a member paid for a month ("2026-03"; other forms
// field.ParseMonth reads are accepted), in one transaction. The first
// payment creates the month's row with the base, rate and amount due taken
// from the member as they are now (DueFor); a later one replaces the paid
// amount and date of that row, leaving its base and due alone, so a month
// never has two rows. A month whose row was deleted (DeletePayment) is
// recorded afresh in a new row; the deleted one stays in the recycle bin,
// where restoring it is then refused. A month after the current one cannot
// be paid, and an amount paid needs its date.
func (s *Store) PayDues(ctx context.Context, memberID, month string, paid Money, paidDate Date) error {
	invalid := func(col, label, msg string) error {
		return &ValidationError{Problems: []Problem{{Col: col, Label: label, Msg: msg}}}
	}
	m, err := field.ParseMonth(month)
	if err != nil {
		return invalid("month", "月份", "应为年月，如2026-03")
	}
	month = field.FormatMonth(m)
	if month > field.FormatMonth(s.now()) {
		return invalid("month", "月份", "不能缴纳以后月份的党费")
	}
	if paid > 0 && paidDate.IsZero() {
		return invalid("paid_date", "缴纳日期", "不能为空")
	}
	return s.Write(ctx, func(tx *Tx) error {
		member, err := tx.Members.Get(ctx, memberID)
		if err != nil {
			return err
		}
		rows, err := tx.Dues.List(ctx, Where(ColMemberID, memberID), Where(ColMonth, month))
		if err != nil {
			return err
		}
		if len(rows) > 0 {
			d := rows[0]
			d.Paid, d.PaidDate = paid, paidDate
			return tx.Dues.Update(ctx, &d)
		}
		due, rate := DueFor(member)
		return tx.Dues.Create(ctx, &Dues{MemberID: Ref(memberID), Month: month, Base: member.DuesBase,
			Rate: rate, Due: due, Paid: paid, PaidDate: paidDate})
	})
}
