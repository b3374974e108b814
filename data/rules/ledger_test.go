package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

// monthsText renders a dues line's months as one letter each: . none,
// P paid, U unpaid, E exempt, p pending.
func monthsText(l *DuesLine) string {
	b := make([]byte, 12)
	for i, m := range l.Months {
		b[i] = ".PUEp"[m.State]
	}
	return string(b)
}

func TestDuesLedger(t *testing.T) {
	// A 在职 member with 党费基数 4000 owes 40.00 元 a month.
	const due = 40_00
	rec := func(mo int, paid int64) DuesRecord {
		return DuesRecord{Month: d(2026, mo, 1), Due: due, Paid: paid}
	}
	tests := []struct {
		name    string
		asOf    time.Time
		cov     time.Time
		m       Member
		recs    []DuesRecord
		months  string // per month, as monthsText
		owed    int64  // 应缴
		paid    int64  // 实缴
		arrears int64  // 欠缴
		noLine  bool
	}{
		{name: "all paid to November, on 3 December: December is not owed yet",
			asOf: d(2026, 12, 3), m: member("1", "甲", "a"),
			recs:   []DuesRecord{rec(1, due), rec(2, due), rec(3, due), rec(4, due), rec(5, due), rec(6, due), rec(7, due), rec(8, due), rec(9, due), rec(10, due), rec(11, due)},
			months: "PPPPPPPPPPP.", owed: 11 * due, paid: 11 * due},
		{name: "nothing recorded: owed for the months that are over",
			asOf: d(2026, 4, 1), m: member("1", "甲", "a"),
			months: "UUU.........", owed: 3 * due, arrears: 3 * due},
		{name: "records kept here from October: nothing owed before",
			asOf: d(2026, 12, 3), cov: d(2026, 10, 1), m: member("1", "甲", "a"),
			recs:   []DuesRecord{rec(10, due)},
			months: ".........PU.", owed: 2 * due, paid: due, arrears: due},
		{name: "admitted in June: 预备党员 pay from admission",
			asOf: d(2026, 9, 1), m: member("1", "甲", "a", joined(d(2026, 6, 15)), probationary),
			months: ".....UUU....", owed: 3 * due, arrears: 3 * due},
		{name: "transferred in during May, letter says paid to April",
			asOf: d(2026, 8, 1), m: member("1", "甲", "a", sinceDate(d(2026, 5, 20)), paidUntil(d(2026, 4, 1))),
			months: "....UUU.....", owed: 3 * due, arrears: 3 * due},
		{name: "transferred in during May, letter says paid to June",
			asOf: d(2026, 8, 1), m: member("1", "甲", "a", sinceDate(d(2026, 5, 20)), paidUntil(d(2026, 6, 1))),
			months: "......U.....", owed: due, arrears: due},
		{name: "transferred in during May, no 党费交至: from the month of arrival",
			asOf: d(2026, 8, 1), m: member("1", "甲", "a", sinceDate(d(2026, 5, 20))),
			months: "....UUU.....", owed: 3 * due, arrears: 3 * due},
		{name: "transferred out in March: owes to March, not after",
			asOf: d(2026, 12, 3), m: member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2026, 3, 10))),
			recs:   []DuesRecord{rec(1, due)},
			months: "PUU.........", owed: 3 * due, paid: due, arrears: 2 * due},
		{name: "transferred out last year: no line",
			asOf: d(2026, 12, 3), m: member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2025, 3, 10))),
			noLine: true},
		{name: "paid more than due one month does not cover another",
			asOf: d(2026, 3, 1), m: member("1", "甲", "a"),
			recs:   []DuesRecord{rec(1, 2*due)},
			months: "PU..........", owed: 2 * due, paid: 2 * due, arrears: due},
		{name: "current month paid early counts, owes nothing yet",
			asOf: d(2026, 2, 10), m: member("1", "甲", "a"),
			recs:   []DuesRecord{rec(1, due), rec(2, due)},
			months: "PP..........", owed: 2 * due, paid: 2 * due},
		{name: "current month recorded unpaid is pending, not arrears",
			asOf: d(2026, 2, 10), m: member("1", "甲", "a"),
			recs:   []DuesRecord{rec(1, due), rec(2, 0)},
			months: "Pp..........", owed: due, paid: due},
		{name: "exempt by decision: owes nothing, months recorded 免交 show so",
			asOf: d(2026, 4, 1), m: member("1", "甲", "a", exempt),
			recs:   []DuesRecord{{Month: d(2026, 1, 1)}},
			months: "E...........", owed: 0},
		{name: "a past year: every month over",
			asOf: d(2027, 2, 1), m: member("1", "甲", "a"),
			months: "UUUUUUUUUUUU", owed: 12 * due, arrears: 12 * due},
		{name: "停止党籍 with no date: only what was recorded",
			asOf: d(2026, 4, 1), m: member("1", "甲", "a", status(vocab.StatusSuspended)),
			recs:   []DuesRecord{rec(1, due)},
			months: "P...........", owed: due, paid: due},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(tt.asOf.Year(), tt.asOf)
			if tt.asOf.Month() == time.February && tt.asOf.Year() == 2027 {
				f.Year = 2026
			}
			f.Branches = []Branch{branch("a", "一支部")}
			f.Members = []Member{tt.m}
			f.Coverage.Dues = tt.cov
			for _, r := range tt.recs {
				r.MemberID = tt.m.ID
				f.Dues = append(f.Dues, r)
			}
			l := DuesLedgerOf(f, DefaultSettings())
			line := l.Line(tt.m.ID)
			if tt.noLine {
				if line != nil {
					t.Fatalf("got a line %s", monthsText(line))
				}
				return
			}
			if line == nil {
				t.Fatal("no line")
			}
			if got := monthsText(line); got != tt.months {
				t.Errorf("months %s, want %s", got, tt.months)
			}
			if line.Due != tt.owed || line.Paid != tt.paid || line.Arrears != tt.arrears {
				t.Errorf("应缴/实缴/欠缴 = %d/%d/%d, want %d/%d/%d", line.Due, line.Paid, line.Arrears, tt.owed, tt.paid, tt.arrears)
			}
			if l.Org.Due != line.Due || l.Branches["a"].Arrears != line.Arrears {
				t.Errorf("totals %+v / %+v disagree with the one line", l.Org, l.Branches["a"])
			}
		})
	}
}

func TestDuesLedgerTotals(t *testing.T) {
	f := newFacts(2026, d(2026, 4, 1))
	f.Branches = []Branch{branch("a", "一支部"), branch("b", "二支部")}
	f.Members = []Member{member("1", "甲", "a"), member("2", "乙", "a"), member("3", "丙", "b", personType(vocab.PersonStudent))}
	paidMonths(f, "1", 3)
	l := DuesLedgerOf(f, DefaultSettings())
	a, b := l.Branches["a"], l.Branches["b"]
	if a.Members != 2 || a.Owing != 1 || a.Due != 6*40_00 || a.Paid != 3*40_00 || a.Arrears != 3*40_00 {
		t.Errorf("一支部 %+v", a)
	}
	if b.Members != 1 || b.Due != 3*20 || b.Arrears != 3*20 {
		t.Errorf("二支部 %+v", b)
	}
	if l.Org.Due != a.Due+b.Due || l.Org.Arrears != a.Arrears+b.Arrears || l.Org.Members != 3 || l.Org.Owing != 2 {
		t.Errorf("organization %+v", l.Org)
	}
	if r, ok := a.Rate(); !ok || r != 0.5 {
		t.Errorf("一支部 rate %v %v", r, ok)
	}
	if len(l.Lines) != 3 || l.Lines[0].Member.Name != "丙" && l.Lines[0].BranchID != "a" {
		t.Errorf("lines in branch order: %d", len(l.Lines))
	}
	line := l.Line("1")
	if !l.Payable(line, 4, f.AsOf) || l.Payable(line, 5, f.AsOf) {
		t.Error("April is payable on 1 April, May is not")
	}
}

func TestSixMonthAgreesWithTheLedger(t *testing.T) {
	f := newFacts(2026, d(2026, 12, 3))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{member("1", "甲", "a", sinceDate(d(2026, 5, 20)), paidUntil(d(2026, 5, 1)))}
	f.LastAttended["1"] = d(2026, 11, 20)
	line := DuesLedgerOf(f, DefaultSettings()).Line("1")
	unpaid := 0
	for _, m := range line.Months {
		if m.State == DuesUnpaid {
			unpaid++
		}
	}
	if unpaid != 6 {
		t.Fatalf("ledger: %d months unpaid (%s), want June to November", unpaid, monthsText(line))
	}
	sameLines(t, details(SixMonth(f, DefaultSettings())), []string{"已连续6个月未交纳党费，存在自行脱党风险"})
}

func TestDuesLedgerOutAndBackIn(t *testing.T) {
	// Here since before the year, out on 10 April, back on 20 August with a
	// letter saying dues are paid up to July: owes January to April and
	// August to November.
	f := newFacts(2026, d(2026, 12, 3))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{member("1", "甲", "a", sinceDate(d(2026, 8, 20)), paidUntil(d(2026, 7, 1)))}
	f.Transfers = []Transfer{
		{ID: "in", MemberID: "1", Direction: vocab.TransferIn, Issued: d(2026, 8, 20), DuesPaidUntil: d(2026, 7, 1)},
		{ID: "out", MemberID: "1", Direction: vocab.TransferOut, Issued: d(2026, 4, 10), Receipt: d(2026, 4, 30)},
	}
	line := DuesLedgerOf(f, DefaultSettings()).Line("1")
	if got := monthsText(line); got != "UUUU...UUUU." {
		t.Errorf("months %s, want January–April and August–November", got)
	}
	// Came here by letter in March, went and came back: owed from March.
	f.Members = []Member{member("1", "甲", "a", sinceDate(d(2026, 8, 20)))}
	f.Transfers = append(f.Transfers, Transfer{ID: "first", MemberID: "1", Direction: vocab.TransferIn, Issued: d(2026, 3, 5)})
	f.Transfers[0].DuesPaidUntil = time.Time{}
	line = DuesLedgerOf(f, DefaultSettings()).Line("1")
	if got := monthsText(line); got != "..UU...UUUU." {
		t.Errorf("months %s, want March–April and August–November", got)
	}
}
