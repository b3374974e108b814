package data

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/data/field"
)

// Dues is one member's 党费 for one month.
type Dues struct {
	Meta
	MemberID Ref
	Month    string // "2026-03"
	Base     Money  // 基数 used for the month
	Rate     string // e.g. "1%", "每月0.2元"
	Due      Money  // 应缴
	Paid     Money  // 实缴; may exceed Due (voluntary)
	PaidDate Date
	Note     string
}

// Table names the SQL table.
func (*Dues) Table() string { return "dues" }

// Fields lists the columns.
func (d *Dues) Fields() []Field {
	return []Field{
		{"member_id", "党员", &d.MemberID}, {"month", "月份", &d.Month}, {"base", "党费基数", &d.Base},
		{"rate", "比例", &d.Rate}, {"due", "应缴金额", &d.Due}, {"paid", "实缴金额", &d.Paid},
		{"paid_date", "缴纳日期", &d.PaidDate}, {"note", "备注", &d.Note},
	}
}

func (d *Dues) check(c *checker) {
	c.requiredRef("member_id", d.MemberID)
	if m, err := field.ParseMonth(d.Month); err != nil {
		c.fail("month", "应为年月，如2026-03")
	} else {
		d.Month = field.FormatMonth(m)
	}
	c.nonNegative("base", float64(d.Base))
	c.nonNegative("due", float64(d.Due))
	c.nonNegative("paid", float64(d.Paid))
	c.notFuture("paid_date", d.PaidDate)
}

// checkStore refuses a second record for the same member and month.
func (d *Dues) checkStore(ctx context.Context, q queryer, c *checker) error {
	if c.failed("month") || c.failed("member_id") {
		return nil
	}
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM dues WHERE member_id = ? AND month = ? AND id <> ? AND deleted_at IS NULL`,
		d.MemberID, d.Month, d.ID).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	c.fail("month", "该党员该月已有党费记录")
	return nil
}

// Fund is one 经费 entry: income or expense against a budget line.
type Fund struct {
	Meta
	Date       Date
	BudgetLine string // 预算科目
	Direction  string // 收入/支出
	Amount     Money
	Voucher    string // 凭证号
	Purpose    string // 用途
}

// Table names the SQL table.
func (*Fund) Table() string { return "funds" }

// Fields lists the columns.
func (f *Fund) Fields() []Field {
	return []Field{
		{"date", "日期", &f.Date}, {"budget_line", "预算科目", &f.BudgetLine}, {"direction", "收支", &f.Direction},
		{"amount", "金额", &f.Amount}, {"voucher", "凭证号", &f.Voucher}, {"purpose", "用途", &f.Purpose},
	}
}

func (f *Fund) check(c *checker) {
	c.requiredDate("date", f.Date)
	c.notFuture("date", f.Date)
	c.required("budget_line", f.BudgetLine)
	c.required("direction", f.Direction)
	c.oneOf("direction", f.Direction, FundDirections)
	c.nonNegative("amount", float64(f.Amount))
}
