package data_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
)

// TestCorrectPayment: a payment's amount, date and note are corrected;
// the month's base and amount due stay; the checks of PayDues apply.
func TestCorrectPayment(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	zhang := ms["张三"].ID
	must(t, s.PayDues(ctx, zhang, "2026-03", data.Yuan(5), data.NewDate(2026, 3, 5)))
	d, _ := s.DuesMonth(ctx, zhang, "2026-03")
	due := d.Due
	stale := *d

	d.Paid, d.PaidDate, d.Note = data.Yuan(50), data.NewDate(2026, 3, 6), "补录"
	d.Due = 0 // not the payment's to change
	must(t, s.CorrectPayment(ctx, d))
	got, _ := s.DuesMonth(ctx, zhang, "2026-03")
	if got.Paid != data.Yuan(50) || got.PaidDate != data.NewDate(2026, 3, 6) || got.Note != "补录" || got.Due != due {
		t.Errorf("corrected row %+v", got)
	}
	if d.Version != got.Version || d.Due != due {
		t.Errorf("the caller's copy %+v, stored %+v", d, got)
	}

	cases := []struct {
		name  string
		edit  func(d *data.Dues)
		check func(error) bool
	}{
		{"实缴无日期", func(d *data.Dues) { d.PaidDate = data.Date{} }, func(err error) bool { return data.ProblemsOf(err) != nil }},
		{"日期晚于今天", func(d *data.Dues) { d.PaidDate = data.NewDate(2027, 1, 1) }, func(err error) bool { return data.ProblemsOf(err) != nil }},
		{"实缴为负", func(d *data.Dues) { d.Paid = -1 }, func(err error) bool { return data.ProblemsOf(err) != nil }},
		{"他人已修改", func(d *data.Dues) { *d = stale; d.Paid = data.Yuan(1) }, func(err error) bool { return errors.Is(err, data.ErrConflict) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cur, _ := s.DuesMonth(ctx, zhang, "2026-03")
			c.edit(cur)
			if err := s.CorrectPayment(ctx, cur); !c.check(err) {
				t.Errorf("got %v", err)
			}
			if now, _ := s.DuesMonth(ctx, zhang, "2026-03"); now.Paid != data.Yuan(50) {
				t.Errorf("a refused correction wrote %v", now.Paid)
			}
		})
	}
}

// TestDeletedPaymentIsOwedAgain: a deleted payment leaves its month owed
// in the ledger; restored, or paid again, it is not.
func TestDeletedPaymentIsOwedAgain(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	s := movableStore(t, &now)
	must(t, s.SetSetting(ctx, rules.RecordsSinceKey, "2026-01"))
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "张三", 1)
	must(t, s.Members.Create(ctx, m))
	due, _ := data.DueFor(m)
	for month := 1; month <= 11; month++ {
		must(t, s.PayDues(ctx, m.ID, fmt.Sprintf("2026-%02d", month), due, data.NewDate(2026, time.Month(month), 10)))
	}
	arrears := func() int64 {
		t.Helper()
		fig, err := s.Figures(ctx, 2026, now)
		if err != nil {
			t.Fatal(err)
		}
		line := fig.DuesLedger().Line(m.ID)
		if line == nil {
			t.Fatal("no ledger line")
		}
		return line.Arrears
	}
	if a := arrears(); a != 0 {
		t.Fatalf("arrears %d with every month paid", a)
	}
	march, _ := s.DuesMonth(ctx, m.ID, "2026-03")
	must(t, s.DeletePayment(ctx, march))
	if a := arrears(); a != int64(due) {
		t.Errorf("arrears %d after deleting March, want %d", a, int64(due))
	}
	must(t, s.RestoreDeleted(ctx, "dues", march.ID))
	if a := arrears(); a != 0 {
		t.Errorf("arrears %d after restoring March", a)
	}
	march, _ = s.DuesMonth(ctx, m.ID, "2026-03")
	must(t, s.DeletePayment(ctx, march))
	must(t, s.PayDues(ctx, m.ID, "2026-03", due, data.NewDate(2026, 3, 12)))
	if a := arrears(); a != 0 {
		t.Errorf("arrears %d after paying March again", a)
	}
}
