package data_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/data"
)

func TestDueForFollowsThe2008Rule(t *testing.T) {
	cases := []struct {
		name       string
		personType string
		base       data.Money
		reduced    bool
		exemptBy   string
		due        data.Money
		rate       string
	}{
		{"在职 3000", "在职教职工", data.Yuan(3000), false, "", 1500, "0.5%"},
		{"在职 5000", "在职教职工", data.Yuan(5000), false, "", 5000, "1%"},
		{"在职 6000", "在职教职工", data.Yuan(6000), false, "", 9000, "1.5%"},
		{"在职 12000", "在职教职工", data.Yuan(12000), false, "", 24000, "2%"},
		{"离退休 6000", "离退休", data.Yuan(6000), false, "", 6000, "1%"},
		{"学生", "学生", 0, false, "", 20, "每月0.2元"},
		{"低保", "在职教职工", data.Yuan(6000), true, "", 20, "每月0.2元"},
		{"免交", "在职教职工", data.Yuan(6000), false, "支部委员会", 0, "免交"},
	}
	for _, c := range cases {
		m := &data.Member{PersonType: c.personType, DuesBase: c.base, DuesReduced: c.reduced, DuesExemptBy: c.exemptBy}
		due, rate := data.DueFor(m)
		if due != c.due || rate != c.rate {
			t.Errorf("%s: DueFor = %s %q, want %s %q", c.name, due, rate, c.due, c.rate)
		}
	}
}

// payMember adds a member with the base and type and pays March 2026 for it.
func payMember(t *testing.T, s *data.Store, b *data.Branch, seq int, personType string, base data.Money) data.Dues {
	t.Helper()
	ctx := context.Background()
	m := validMember(b, "党员", seq)
	m.PersonType, m.DuesBase = personType, base
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := s.PayDues(ctx, m.ID, "2026-03", 100, data.NewDate(2026, 3, 10)); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Dues.List(ctx, data.Where("member_id", m.ID))
	if err != nil || len(rows) != 1 {
		t.Fatalf("%d rows for the member (%v)", len(rows), err)
	}
	return rows[0]
}

func TestPayDuesTakesBaseRateAndDueFromTheMember(t *testing.T) {
	s := newStore(t)
	b := addBranch(t, s, "教工第一党支部")
	cases := []struct {
		personType string
		base       data.Money
		due        string
		rate       string
	}{
		{"在职教职工", data.Yuan(3000), "15.00", "0.5%"},
		{"在职教职工", data.Yuan(5000), "50.00", "1%"},
		{"在职教职工", data.Yuan(6000), "90.00", "1.5%"},
		{"学生", data.Yuan(0), "0.20", "每月0.2元"},
	}
	for i, c := range cases {
		d := payMember(t, s, b, i+1, c.personType, c.base)
		if d.Due.String() != c.due || d.Rate != c.rate || d.Base != c.base || d.Month != "2026-03" ||
			d.Paid != 100 || d.PaidDate != data.NewDate(2026, 3, 10) {
			t.Errorf("%s %s: stored %+v, want due %s at %s", c.personType, c.base, d, c.due, c.rate)
		}
	}
}

func TestPayDuesOfAnExemptMemberOwesNothing(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	m := validMember(addBranch(t, s, "教工第一党支部"), "免交党员", 1)
	m.DuesExemptBy = "支部委员会"
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := s.PayDues(ctx, m.ID, "2026-01", 0, data.Date{}); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.DuesOfYear(ctx, 2026)
	if len(rows) != 1 || rows[0].Due != 0 || rows[0].Rate != "免交" || rows[0].Base != m.DuesBase {
		t.Fatalf("exempt member's row: %+v", rows)
	}
}

func TestPayDuesTwiceUpdatesTheMonth(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	m := validMember(addBranch(t, s, "教工第一党支部"), "王建国", 1)
	m.DuesBase = data.Yuan(5000)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := s.PayDues(ctx, m.ID, "2026-03", 2000, data.NewDate(2026, 3, 5)); err != nil {
		t.Fatal(err)
	}
	// The base changes later: the March row keeps what was due then.
	m.DuesBase = data.Yuan(12000)
	if err := s.Members.Update(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := s.PayDues(ctx, m.ID, "2026年3月", 5000, data.NewDate(2026, 4, 1)); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Dues.List(ctx, data.Where("member_id", m.ID))
	if err != nil || len(rows) != 1 {
		t.Fatalf("%d rows after paying March twice (%v)", len(rows), err)
	}
	d := rows[0]
	if d.Month != "2026-03" || d.Paid != 5000 || d.PaidDate != data.NewDate(2026, 4, 1) || d.Due != 5000 ||
		d.Base != data.Yuan(5000) || d.Rate != "1%" || d.Version != 2 {
		t.Fatalf("after the second payment: %+v", d)
	}
}

func TestPayDuesRefusesBadPayments(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	m := validMember(addBranch(t, s, "教工第一党支部"), "王建国", 1)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, month string
		paid        data.Money
		date        data.Date
		col         string
	}{
		{"negative", "2026-03", -100, data.NewDate(2026, 3, 5), "paid"},
		{"future month", "2026-12", 100, data.NewDate(2026, 11, 1), "month"},
		{"future date", "2026-11", 100, data.NewDate(2026, 11, 27), "paid_date"},
		{"no date", "2026-03", 100, data.Date{}, "paid_date"},
		{"bad month", "三月", 100, data.NewDate(2026, 3, 5), "month"},
	}
	for _, c := range cases {
		err := s.PayDues(ctx, m.ID, c.month, c.paid, c.date)
		if p := data.ProblemsOf(err); len(p) != 1 || p[0].Col != c.col {
			t.Errorf("%s: %v, want a problem with %s", c.name, err, c.col)
		}
	}
	if err := s.PayDues(ctx, "no-such-member", "2026-03", 100, data.NewDate(2026, 3, 5)); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown member: %v", err)
	}
	if n, _ := s.Dues.Count(ctx); n != 0 {
		t.Fatalf("refused payments saved %d rows", n)
	}
}

func TestDuesOfYearListsTheYearsLiveRows(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	m := validMember(addBranch(t, s, "教工第一党支部"), "王建国", 1)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	for _, month := range []string{"2025-12", "2026-01", "2026-02", "2026-11"} {
		if err := s.PayDues(ctx, m.ID, month, 100, data.NewDate(2026, 11, 1)); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.DuesOfYear(ctx, 2026)
	if err != nil || len(rows) != 3 {
		t.Fatalf("DuesOfYear(2026): %d rows (%v)", len(rows), err)
	}
	if err := s.Dues.Delete(ctx, &rows[1]); err != nil {
		t.Fatal(err)
	}
	rows, _ = s.DuesOfYear(ctx, 2026)
	if len(rows) != 2 || rows[0].Month != "2026-01" || rows[1].Month != "2026-11" {
		t.Fatalf("after deleting February: %+v", rows)
	}
	if rows, _ := s.DuesOfYear(ctx, 2025); len(rows) != 1 || rows[0].Month != "2025-12" {
		t.Fatalf("DuesOfYear(2025): %+v", rows)
	}
}
