package pdf

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"dangjian/data"
)

// duesFields returns the whitespace-separated fields of the first line
// that starts with prefix followed by a space.
func duesFields(t *testing.T, text, prefix string) []string {
	t.Helper()
	for _, l := range ledgerLines(text) {
		if strings.HasPrefix(strings.TrimSpace(l), prefix+" ") {
			return strings.Fields(l)
		}
	}
	t.Fatalf("no line starts with %s", prefix)
	return nil
}

// duesSums is what the store says a set of members owed and paid in 2026.
type duesSums struct {
	due, paid, arrears data.Money
	unpaidMonths       int
}

func duesOf(t *testing.T, s *data.Store, memberIDs ...string) duesSums {
	t.Helper()
	var out duesSums
	for _, id := range memberIDs {
		recs, err := s.Dues.List(context.Background(), data.Where("member_id", id),
			data.Between("month", "2026-01", "2026-12"))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range recs {
			out.due += d.Due
			out.paid += d.Paid
			if d.Paid < d.Due {
				out.arrears += d.Due - d.Paid
			}
			if d.Paid == 0 && d.Due > 0 {
				out.unpaidMonths++
			}
		}
	}
	return out
}

func TestDuesLedgerMemberAndBranchTotals(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := render(t, s, Dues, Options{})
	checkFrame(t, r, "党费收缴台账")
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unique := ledgerUniqueNames(t, s)

	// A member on the rolls with arrears: their row ends with 应缴合计,
	// 实缴合计 and 欠缴, and shows 未缴 in the months not paid.
	found := false
	for _, m := range members {
		if !m.Active() || !unique[m.Name] {
			continue
		}
		sums := duesOf(t, s, m.ID)
		if sums.arrears == 0 || sums.unpaidMonths == 0 {
			continue
		}
		f := duesFields(t, r.text, m.Name)
		n := len(f)
		if f[n-3] != sums.due.String() || f[n-2] != sums.paid.String() || f[n-1] != sums.arrears.String() {
			t.Errorf("%s: row %v, want 应缴 %s 实缴 %s 欠缴 %s", m.Name, f, sums.due, sums.paid, sums.arrears)
		}
		if got := strings.Count(strings.Join(f, " "), "未缴"); got != sums.unpaidMonths {
			t.Errorf("%s: %d months 未缴, want %d", m.Name, got, sums.unpaidMonths)
		}
		found = true
		break
	}
	if !found {
		t.Fatal("the demo has no member with months unpaid")
	}

	// Each branch's totals, in the summary table and in its own 合计 row;
	// members no longer on the rolls count with the money they paid.
	branches, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var org duesSums
	orgCount := 0
	for _, b := range branches {
		var ids []string
		for _, m := range members {
			if string(m.BranchID) != b.ID {
				continue
			}
			if m.Active() || duesOf(t, s, m.ID) != (duesSums{}) {
				ids = append(ids, m.ID)
			}
		}
		sums := duesOf(t, s, ids...)
		org.due += sums.due
		org.paid += sums.paid
		org.arrears += sums.arrears
		orgCount += len(ids)
		f := duesFields(t, r.text, b.Name)
		want := []string{b.Name, strconv.Itoa(len(ids)), sums.due.String(), sums.paid.String(), sums.arrears.String()}
		if strings.Join(f[:5], " ") != strings.Join(want, " ") {
			t.Errorf("summary row %v, want %v", f, want)
		}
		para := "本支部" + strconv.Itoa(len(ids)) + "名党员应缴合计" + sums.due.String() + "元,实缴合计" + sums.paid.String() +
			"元,欠缴" + sums.arrears.String() + "元"
		if !strings.Contains(strings.ReplaceAll(r.text, "\n", ""), para) {
			t.Errorf("%s: no %q", b.Name, para)
		}
	}
	f := duesFields(t, r.text, "合计")
	want := []string{"合计", strconv.Itoa(orgCount), org.due.String(), org.paid.String(), org.arrears.String()}
	if strings.Join(f[:5], " ") != strings.Join(want, " ") {
		t.Errorf("organization total %v, want %v", f, want)
	}
}

func TestDuesLedgerOneBranchTotalRow(t *testing.T) {
	s := demoStore(t)
	r := render(t, s, Dues, Options{Branch: "计算机系教工党支部"})
	checkFrame(t, r, "计算机系教工党支部党费收缴台账")
	// The summary's 合计 row comes first, the branch table's 合计 row
	// (the three sums only) after it.
	var rows [][]string
	for _, l := range ledgerLines(r.text) {
		if strings.HasPrefix(l, "合计 ") {
			rows = append(rows, strings.Fields(l))
		}
	}
	if len(rows) != 2 {
		t.Fatalf("合计 rows %v", rows)
	}
	if got, want := rows[1][1:], rows[0][2:5]; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the branch's 合计 row %v differs from the summary %v", got, want)
	}
}

func TestDuesLedgerListsMembersTransferredOut(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unique := ledgerUniqueNames(t, s)
	r := render(t, s, Dues, Options{})
	for _, m := range members {
		if m.Active() || !unique[m.Name] {
			continue
		}
		sums := duesOf(t, s, m.ID)
		if sums.paid == 0 {
			continue
		}
		f := duesFields(t, r.text, m.Name)
		if f[len(f)-2] != sums.paid.String() && f[len(f)-1] != sums.paid.String() {
			t.Errorf("%s (%s): row %v, want 实缴 %s", m.Name, m.Status, f, sums.paid)
		}
		return
	}
	t.Skip("the demo has no member off the rolls with dues paid this year")
}

func TestDuesLedgerEmpty(t *testing.T) {
	r := render(t, ledgerEmptyStore(t), Dues, Options{})
	if !strings.Contains(r.text, "没有在册党员") {
		t.Errorf("an empty ledger does not say so:\n%s", r.text)
	}
}

func TestDuesPaidCell(t *testing.T) {
	for _, c := range []struct {
		d    *data.Dues
		want string
	}{
		{nil, ""},
		{&data.Dues{Due: 2000, Paid: 2000}, "20.00"},
		{&data.Dues{Due: 2000}, "未缴"},
		{&data.Dues{}, "免交"},
		{&data.Dues{Due: 20, Paid: 1000}, "10.00"},
	} {
		if got := duesPaidCell(c.d); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
}
