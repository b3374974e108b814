package documents

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
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

// duesWant is a summary row as the calculator's totals give it: name,
// 人数, 应缴, 实缴, 欠缴, 有欠缴的党员, 收缴率.
func duesWant(name string, s rules.DuesTotals) string {
	return strings.Join([]string{name, strconv.Itoa(s.Members), duesMoney(s.Due), duesMoney(s.Paid),
		duesMoney(s.Arrears), strconv.Itoa(s.Owing), duesRate(s)}, " ")
}

// duesCheckTotals checks the summary rows, each branch's 合计 row and
// sentence, and the organization's 合计 row against the calculator's
// ledger.
func duesCheckTotals(t *testing.T, text string, l *rules.DuesLedger, branches []data.Branch) {
	t.Helper()
	flat := strings.ReplaceAll(text, "\n", "")
	for _, b := range branches {
		s := l.Branches[b.ID]
		if got := strings.Join(duesFields(t, text, b.Name)[:7], " "); got != duesWant(b.Name, s) {
			t.Errorf("summary row %q, want %q", got, duesWant(b.Name, s))
		}
		if s.Members == 0 {
			continue
		}
		para := "本支部" + strconv.Itoa(s.Members) + "名党员应缴合计" + duesMoney(s.Due) + "元，实缴合计" + duesMoney(s.Paid) +
			"元，欠缴" + duesMoney(s.Arrears) + "元（" + strconv.Itoa(s.Owing) + "名党员有欠缴），收缴率" + duesRate(s) + "。"
		if !strings.Contains(flat, para) {
			t.Errorf("%s: no %q", b.Name, para)
		}
	}
	if got := strings.Join(duesFields(t, text, "合计")[:7], " "); got != duesWant("合计", l.Org) {
		t.Errorf("organization total %q, want %q", got, duesWant("合计", l.Org))
	}
}

// duesCheckLine checks a member's row against the calculator's line: the
// months 未缴 and the three sums at the end.
func duesCheckLine(t *testing.T, text string, line *rules.DuesLine) {
	t.Helper()
	f := duesFields(t, text, line.Member.Name)
	n := len(f)
	sums := []string{duesMoney(line.Due), duesMoney(line.Paid)}
	if line.Arrears > 0 {
		sums = append(sums, duesMoney(line.Arrears))
	}
	if got := strings.Join(f[n-len(sums):], " "); got != strings.Join(sums, " ") {
		t.Errorf("%s: row %v, want the sums %v", line.Member.Name, f, sums)
	}
	unpaid := 0
	for _, mo := range line.Months {
		if mo.State == rules.DuesUnpaid {
			unpaid++
		}
	}
	if got := strings.Count(strings.Join(f, " "), "未缴"); got != unpaid {
		t.Errorf("%s: %d months 未缴, want %d", line.Member.Name, got, unpaid)
	}
}

func TestDuesLedgerTotalsAreTheCalculators(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := build(t, s, Dues, Options{})
	checkFrame(t, r, "党费收缴台账")
	fig, err := s.Figures(ctx, 2026, testNow)
	if err != nil {
		t.Fatal(err)
	}
	l := fig.DuesLedger()
	branches, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	duesCheckTotals(t, r.text, l, branches)
	unique := ledgerUniqueNames(t, s)
	checked := 0
	for _, line := range l.Lines {
		if unique[line.Member.Name] && (line.Arrears > 0 || checked < 20) {
			duesCheckLine(t, r.text, line)
			checked++
		}
	}
	if l.Org.Arrears == 0 {
		t.Error("the demo should have arrears")
	}
}

func TestDuesLedgerOneBranchTotalRow(t *testing.T) {
	s := demoStore(t)
	r := build(t, s, Dues, Options{BranchID: branchID(t, s, "计算机系教工党支部")})
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

// TestDuesLedgerFollowsTheCalculator: on an organization whose records
// start in January, in the middle of September, the ledger's every total
// is the calculator's, and each member is counted over the months the
// calculator counts: from the month after 党费交至 for a member transferred
// in, up to the month of the transfer for one transferred out, from the
// month of admission, nothing for one exempted, and September (under way)
// owed by none.
func TestDuesLedgerFollowsTheCalculator(t *testing.T) {
	sc := newScenario(t)
	r := sc.render(t, Dues, Options{})
	l := sc.figures(t).DuesLedger()
	duesCheckTotals(t, r.text, l, []data.Branch{*sc.a, *sc.b})
	if len(l.Lines) != 6 {
		t.Fatalf("%d lines, want the 6 members", len(l.Lines))
	}
	for _, line := range l.Lines {
		duesCheckLine(t, r.text, line)
	}
	month := func(m int) time.Time { return time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC) }
	due := func(name string) int64 {
		d, _ := data.DueFor(sc.member[name])
		return int64(d)
	}
	line := func(name string) *rules.DuesLine { return l.Line(sc.member[name].ID) }
	for _, c := range []struct {
		name    string
		from    time.Time
		arrears int64 // one month: August, or April for the member who left
	}{
		{scSteady, month(1), due(scSteady)},
		{scArrived, month(6), due(scArrived)},
		{scLeft, month(1), due(scLeft)},
		{scAdmitted, month(3), due(scAdmitted)},
		{scExempt, month(1), 0},
		{scAlwaysPaid, month(1), 0},
	} {
		got := line(c.name)
		if got.Arrears != c.arrears {
			t.Errorf("%s: arrears %d, want %d", c.name, got.Arrears, c.arrears)
		}
		if !got.From.Equal(c.from) {
			t.Errorf("%s: counted from %v, want %v", c.name, got.From, c.from)
		}
		if c.name != scAlwaysPaid && got.Months[8].State != rules.DuesNone {
			t.Errorf("%s: September (under way) is %v", c.name, got.Months[8].State)
		}
	}
	cells := func(name string) string { return strings.Join(duesFields(t, r.text, name), " ") }
	if row := cells(scLeft); strings.Count(row, "未缴") != 1 || !line(scLeft).Until.Equal(month(4)) {
		t.Errorf("%s: %q, want April alone unpaid, counted up to April", scLeft, row)
	}
	if row := cells(scArrived); strings.Count(row, "未缴") != 1 || line(scArrived).Months[4].Counted {
		t.Errorf("%s: %q, want August alone unpaid and May not counted", scArrived, row)
	}
	if row := cells(scExempt); strings.Count(row, "免交") != 3 || line(scExempt).Due != 0 {
		t.Errorf("%s: %q, want 免交 as the rate and in two months, and nothing due", scExempt, row)
	}
	if !strings.Contains(strings.ReplaceAll(r.text, "\n", ""), "已转出") {
		t.Error("the member transferred out is not marked 已转出")
	}
	if l.Org.Owing != 4 {
		t.Errorf("%d members owing, want 4", l.Org.Owing)
	}
}

// TestDuesLedgerPastYearHasEveryMonthOver: printed in the next year, the
// ledger of a year counts December too.
func TestDuesLedgerPastYearHasEveryMonthOver(t *testing.T) {
	sc := newScenario(t)
	*sc.now = time.Date(2027, 2, 3, 9, 0, 0, 0, time.UTC)
	r := sc.render(t, Dues, Options{Year: 2026})
	fig, err := sc.s.Figures(context.Background(), 2026, checkDay(2026, *sc.now))
	if err != nil {
		t.Fatal(err)
	}
	l := fig.DuesLedger()
	duesCheckTotals(t, r.text, l, []data.Branch{*sc.a, *sc.b})
	steady := l.Line(sc.member[scSteady].ID)
	if steady.Months[11].State != rules.DuesUnpaid {
		t.Errorf("December of a past year is %v, want unpaid", steady.Months[11].State)
	}
	duesCheckLine(t, r.text, steady)
}

func TestDuesLedgerEmpty(t *testing.T) {
	r := build(t, ledgerEmptyStore(t), Dues, Options{})
	if !strings.Contains(r.text, "2026年度没有应缴或交纳党费的党员") {
		t.Errorf("an empty ledger does not say so:\n%s", r.text)
	}
}

func TestDuesCell(t *testing.T) {
	for _, c := range []struct {
		mo   rules.DuesMonth
		want string
	}{
		{rules.DuesMonth{}, ""},
		{rules.DuesMonth{State: rules.DuesPaid, Due: 2000, Paid: 2000}, "20.00"},
		{rules.DuesMonth{State: rules.DuesPaid, Due: 20, Paid: 1000}, "10.00"},
		{rules.DuesMonth{State: rules.DuesUnpaid, Due: 2000}, "未缴"},
		{rules.DuesMonth{State: rules.DuesExempt}, "免交"},
		{rules.DuesMonth{State: rules.DuesPending, Due: 2000}, ""},
	} {
		if got := duesCell(c.mo); got != c.want {
			t.Errorf("%+v: %q, want %q", c.mo, got, c.want)
		}
	}
}
