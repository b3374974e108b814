package data

import "dangjian/data/field"

// Transfer is one 组织关系转接: a letter out of or into the organization.
type Transfer struct {
	Meta
	MemberID    Ref
	Direction   string // 转出/转入
	OtherOrg    string // 对方组织
	LetterNo    string // 介绍信编号
	IssuedDate  Date   // 开具日期
	ValidDays   int    // 有效期天数
	ReceiptDate Date   // 回执日期; zero until the receipt is back
	// DuesPaidUntil is 党费交至: for a letter into the organization, the
	// month ("2026-04") it says the member's dues are paid up to; empty
	// when it says nothing.
	DuesPaidUntil string
	Note          string
}

// Table names the SQL table.
func (*Transfer) Table() string { return "transfers" }

// Fields lists the columns.
func (t *Transfer) Fields() []Field {
	return []Field{
		{"member_id", "党员", &t.MemberID}, {"direction", "方向", &t.Direction}, {"other_org", "对方组织", &t.OtherOrg},
		{"letter_no", "介绍信编号", &t.LetterNo}, {"issued_date", "开具日期", &t.IssuedDate},
		{"valid_days", "有效期天数", &t.ValidDays}, {"receipt_date", "回执日期", &t.ReceiptDate},
		{"dues_paid_until", "党费交至", &t.DuesPaidUntil}, {"note", "备注", &t.Note},
	}
}

func (t *Transfer) check(c *checker) {
	c.requiredRef("member_id", t.MemberID)
	c.required("direction", t.Direction)
	c.oneOf("direction", t.Direction, Directions)
	c.required("other_org", t.OtherOrg)
	c.required("letter_no", t.LetterNo)
	c.requiredDate("issued_date", t.IssuedDate)
	c.notFuture("issued_date", t.IssuedDate)
	c.notFuture("receipt_date", t.ReceiptDate)
	if t.ValidDays < 0 {
		c.fail("valid_days", "不能为负数")
	}
	if !t.ReceiptDate.IsZero() && !t.IssuedDate.IsZero() && t.ReceiptDate.Before(t.IssuedDate.Time) {
		c.fail("receipt_date", "不能早于开具日期")
	}
	if t.DuesPaidUntil != "" {
		if m, err := field.ParseMonth(t.DuesPaidUntil); err != nil {
			c.fail("dues_paid_until", "应为年月，如2026-04")
		} else {
			t.DuesPaidUntil = field.FormatMonth(m)
		}
	}
}
