package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// openDues sets 党费基数 (王建国 5000 元, 李红梅 3000 元), shows the 党费
// screen and picks a year whose March is payable.
func openDues(t *testing.T) (*UI, *uiQueue, *duesScreen, int) {
	t.Helper()
	u, q := newTestUI(t)
	ctx := context.Background()
	for name, base := range map[string]data.Money{"王建国": data.Yuan(5000), "李红梅": data.Yuan(3000)} {
		ms, err := u.store.Members.List(ctx, data.Where("name", name))
		if err != nil || len(ms) != 1 {
			t.Fatalf("member %s: %v", name, err)
		}
		ms[0].DuesBase = base
		if err := u.store.Members.Update(ctx, &ms[0]); err != nil {
			t.Fatal(err)
		}
	}
	showScreen(u, newDuesScreen)
	q.settle(u)
	s, ok := u.built["dues"].(*duesScreen)
	if !ok {
		t.Fatal("the 党费 screen is not kept as \"dues\"")
	}
	now := u.store.Now()
	year := now.Year()
	if now.Month() < time.March {
		year--
	}
	s.year.SetSelected(strconv.Itoa(year))
	q.settle(u)
	if len(s.shown) != 3 {
		t.Fatalf("%d lines, want the 3 members", len(s.shown))
	}
	return u, q, s, year
}

// duesLine returns the index of the member's shown line.
func duesLine(t *testing.T, s *duesScreen, name string) int {
	t.Helper()
	for i, r := range s.shown {
		if r.name == name {
			return i
		}
	}
	t.Fatalf("no line for %s", name)
	return -1
}

func TestDuesPaymentForMarchShowsInTheGridAndTotals(t *testing.T) {
	u, q, s, year := openDues(t)
	row := duesLine(t, s, "王建国")
	march := duesColMonth1 + 2
	if got := s.cell(row, duesColDue); got != "50.00" {
		t.Fatalf("月应缴 of 王建国 at 5000 元: %q, want 50.00", got)
	}
	if got := s.cell(row, march); got != "" {
		t.Fatalf("March before any payment: %q", got)
	}
	before := s.sum
	if before.paid != 0 || before.owed != before.due || before.due == 0 {
		t.Fatalf("totals before paying: %+v", before)
	}

	s.table.Select(widget.TableCellID{Row: row, Col: march})
	d := s.pay
	if d == nil || d.month != 3 || d.row.name != "王建国" {
		t.Fatalf("selecting March opened %+v", d)
	}
	if d.amount.Text != "50.00" || d.date.Text != data.DateOf(u.store.Now()).String() {
		t.Fatalf("defaults: amount %q, date %q", d.amount.Text, d.date.Text)
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if d.message.Text != "" {
		t.Fatalf("payment refused: %q", d.message.Text)
	}
	row = duesLine(t, s, "王建国")
	if got := s.cell(row, march); got != "50.00" {
		t.Fatalf("March after paying: %q", got)
	}
	if got := s.cell(row, duesColPaidSum); got != "50.00" {
		t.Fatalf("实缴合计 of 王建国: %q", got)
	}
	after := s.sum
	if after.paid != before.paid+5000 || after.owed != before.owed-5000 || after.due != before.due {
		t.Fatalf("totals %+v → %+v", before, after)
	}
	if !strings.Contains(s.totals.Text, "实缴 50.00 元") {
		t.Fatalf("totals line %q", s.totals.Text)
	}
	rows, err := u.store.DuesOfYear(context.Background(), year)
	if err != nil || len(rows) != 1 || rows[0].Month != fmt.Sprintf("%d-03", year) || rows[0].Paid != 5000 {
		t.Fatalf("stored: %+v (%v)", rows, err)
	}

	// Paying 0 for February records it as unpaid: the month has passed.
	s.table.Select(widget.TableCellID{Row: row, Col: duesColMonth1 + 1})
	s.pay.amount.SetText("0")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got := s.cell(duesLine(t, s, "王建国"), duesColMonth1+1); got != "未缴" {
		t.Fatalf("February with 0 paid: %q", got)
	}

	// A month after the current one is not payable.
	if now := u.store.Now(); year == now.Year() && now.Month() < time.December {
		last := s.pay
		s.table.Select(widget.TableCellID{Row: row, Col: duesColMonth1 + 11})
		if s.pay != last || s.cell(row, duesColMonth1+11) != "" {
			t.Fatal("December opened a payment before it came")
		}
	}
}

func TestDuesNegativePaymentShowsAMessageAndSavesNothing(t *testing.T) {
	u, q, s, _ := openDues(t)
	row := duesLine(t, s, "李红梅")
	march := duesColMonth1 + 2
	before := s.sum
	s.table.Select(widget.TableCellID{Row: row, Col: march})
	d := s.pay
	if d == nil || d.amount.Text != "15.00" {
		t.Fatalf("dialog for 李红梅 at 3000 元: %+v", d)
	}
	d.amount.SetText("-5")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if !strings.Contains(d.message.Text, "不能为负数") {
		t.Fatalf("message for a negative amount: %q", d.message.Text)
	}
	if n, _ := u.store.Dues.Count(context.Background()); n != 0 {
		t.Fatalf("a negative payment saved %d rows", n)
	}
	if got := s.cell(duesLine(t, s, "李红梅"), march); got != "" || s.sum != before {
		t.Fatalf("after the refused payment: March %q, totals %+v → %+v", got, before, s.sum)
	}
	// The dialog stays open for a correction.
	findButtonIn(t, u, "保存")
}

func TestDuesBranchFilterNarrowsLinesAndTotals(t *testing.T) {
	_, _, s, _ := openDues(t)
	all := s.sum
	s.branch.SetSelected("学生第一党支部")
	if len(s.shown) != 1 || s.shown[0].name != "张伟" || s.sum.due != 0 {
		t.Fatalf("学生第一党支部: %d lines, totals %+v", len(s.shown), s.sum)
	}
	s.branch.SetSelected(allBranches)
	if len(s.shown) != 3 || s.sum != all {
		t.Fatalf("back to all: %d lines, totals %+v, want %+v", len(s.shown), s.sum, all)
	}
}

// BenchmarkDuesRows20000 measures building the 党费 grid of 20,000
// members with a full year of payments (240,000 rows).
func BenchmarkDuesRows20000(b *testing.B) {
	const n = 20000
	members := make([]data.Member, n)
	names := map[string]string{}
	var dues []data.Dues
	for i := range members {
		br := fmt.Sprintf("b%02d", i%40)
		names[br] = fmt.Sprintf("第%d党支部", i%40)
		id := fmt.Sprintf("m%05d", i)
		members[i] = data.Member{Meta: data.Meta{ID: id}, BranchID: data.Ref(br), Name: fmt.Sprintf("党员%05d", i),
			PersonType: "在职教职工", DuesBase: data.Yuan(int64(3000 + i%8000)), JoinedDate: data.NewDate(2000, 1, 1)}
		for m := 1; m <= 12; m++ {
			dues = append(dues, data.Dues{MemberID: data.Ref(id), Month: fmt.Sprintf("2025-%02d", m), Due: 3000, Paid: 3000})
		}
	}
	current := monthIndex(2026, time.November)
	b.ResetTimer()
	for b.Loop() {
		rows, _ := buildDuesRows(members, names, dues, 2025, current)
		if len(rows) != n || rows[0].paidSum != 36000 {
			b.Fatalf("%d rows, %v paid", len(rows), rows[0].paidSum)
		}
	}
}
