package documents

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"dangjian/data"
)

// transferLine finds the ledger line of a letter: the row's first line
// holds the member's name, the letter number and the status.
func transferLine(text string, name, letter string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, " "+name+" ") && strings.Contains(line, letter) {
			return line
		}
	}
	return ""
}

// expectedTransfers computes the ledger's rows from the store: the
// letters issued in year, and the 转出 issued before it still without a
// receipt, with their status on today.
func expectedTransfers(t *testing.T, s *data.Store, year int, today data.Date) (rows []data.Transfer, status []string, names map[data.Ref]data.Member) {
	t.Helper()
	ctx := context.Background()
	set, err := s.RuleSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	members, _ := s.Members.List(ctx)
	names = map[data.Ref]data.Member{}
	for _, m := range members {
		names[data.Ref(m.ID)] = m
	}
	all, err := s.Transfers.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range all {
		open := tr.Direction == "转出" && tr.ReceiptDate.IsZero() && tr.IssuedDate.Year() < year
		if tr.IssuedDate.Year() != year && !open {
			continue
		}
		st := "待回执"
		days := tr.ValidDays
		if days == 0 {
			days = set.TransferValidDays
		}
		switch {
		case !tr.ReceiptDate.IsZero():
			st = "已回执"
		case tr.Direction == "转出" && today.After(tr.IssuedDate.AddDate(0, 0, days)):
			st = "逾期未回执（挂空风险）"
		}
		rows = append(rows, tr)
		status = append(status, st)
	}
	return rows, status, names
}

func TestTransfersLedger(t *testing.T) {
	s := demoStore(t)
	r := build(t, s, Transfers, Options{})
	checkFrame(t, r, "组织关系转接台账")
	rows, status, members := expectedTransfers(t, s, 2026, data.DateOf(testNow))
	if len(rows) == 0 {
		t.Fatal("the demo has no transfers")
	}
	var out, in, overdue int
	movedOut := false
	for i, tr := range rows {
		m := members[tr.MemberID]
		line := transferLine(r.text, m.Name, tr.LetterNo)
		if line == "" {
			t.Fatalf("%s's letter %s missing", m.Name, tr.LetterNo)
		}
		if !strings.Contains(line, status[i]) || !strings.Contains(line, tr.IssuedDate.Format("2006.01.02")) ||
			!strings.Contains(line, tr.Direction) || !strings.Contains(line, fmt.Sprintf("%d天", tr.ValidDays)) {
			t.Errorf("%s's row should say %s, issued %s:\n%s", m.Name, status[i], tr.IssuedDate, line)
		}
		if !tr.ReceiptDate.IsZero() && !strings.Contains(line, tr.ReceiptDate.Format("2006.01.02")) {
			t.Errorf("%s's receipt date missing:\n%s", m.Name, line)
		}
		movedOut = movedOut || m.Status == "已转出"
		switch tr.Direction {
		case "转出":
			out++
		case "转入":
			in++
		}
		if status[i] == "逾期未回执（挂空风险）" {
			overdue++
		}
	}
	if overdue == 0 || !movedOut {
		t.Fatalf("the demo has an overdue letter (%d) of a member 已转出 (%v)", overdue, movedOut)
	}
	want := fmt.Sprintf("合计：转出%d件，转入%d件；逾期未回执%d件", out, in, overdue)
	if !strings.Contains(r.text, want) {
		t.Errorf("totals %q missing:\n%s", want, r.text)
	}
}

// TestTransfersOpenFromEarlierYears: the next year's ledger carries the
// letters out still without a receipt, and only those.
func TestTransfersOpenFromEarlierYears(t *testing.T) {
	s := demoStore(t)
	now := time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC)
	r := build(t, s, Transfers, Options{Year: 2027, Now: now})
	rows, status, members := expectedTransfers(t, s, 2027, data.DateOf(now))
	if len(rows) == 0 {
		t.Fatal("the demo has no letter out without a receipt")
	}
	for i, tr := range rows {
		line := transferLine(r.text, members[tr.MemberID].Name, tr.LetterNo)
		if line == "" || !strings.Contains(line, status[i]) {
			t.Errorf("open letter %s missing or not %s:\n%s", tr.LetterNo, status[i], r.text)
		}
	}
	all, _ := s.Transfers.List(context.Background())
	if n := strings.Count(r.text, "转字"); n != len(rows) || len(all) == len(rows) {
		t.Errorf("%d letters printed, %d expected of %d", n, len(rows), len(all))
	}
}

func TestTransfersBranchOnly(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	rows, _, members := expectedTransfers(t, s, 2026, data.DateOf(testNow))
	branch, _ := s.Branches.Get(ctx, string(members[rows[0].MemberID].BranchID))
	r := build(t, s, Transfers, Options{BranchID: branchID(t, s, branch.Name)})
	checkFrame(t, r, branch.Name+"组织关系转接台账")
	n := 0
	for _, tr := range rows {
		m := members[tr.MemberID]
		printed := transferLine(r.text, m.Name, tr.LetterNo) != ""
		if in := string(m.BranchID) == branch.ID; in != printed {
			t.Errorf("%s of %s: printed %v", tr.LetterNo, m.Name, printed)
		} else if in {
			n++
		}
	}
	if n == 0 {
		t.Fatal("no letter of the branch printed")
	}
}

func TestTransferStatus(t *testing.T) {
	issued := data.NewDate(2026, 1, 10)
	cases := []struct {
		dir     string
		valid   int
		receipt data.Date
		today   data.Date
		want    string
	}{
		{"转出", 90, data.Date{}, data.NewDate(2026, 4, 10), "待回执"}, // the validity's last day
		{"转出", 90, data.Date{}, data.NewDate(2026, 4, 11), "逾期未回执（挂空风险）"},
		{"转出", 0, data.Date{}, data.NewDate(2026, 3, 12), "逾期未回执（挂空风险）"}, // the setting's 60 days
		{"转出", 0, data.Date{}, data.NewDate(2026, 3, 11), "待回执"},
		{"转出", 90, data.NewDate(2026, 2, 1), data.NewDate(2026, 12, 1), "已回执"},
		{"转入", 90, data.Date{}, data.NewDate(2026, 12, 1), "待回执"},
	}
	for _, c := range cases {
		tr := &data.Transfer{Direction: c.dir, IssuedDate: issued, ValidDays: c.valid, ReceiptDate: c.receipt}
		if got := transferStatus(tr, c.today, 60); got != c.want {
			t.Errorf("%s valid %d receipt %s on %s: %s, want %s", c.dir, c.valid, c.receipt, c.today, got, c.want)
		}
	}
}

func TestTransfersEmptySaysSo(t *testing.T) {
	s, _ := formStore(t)
	r := build(t, s, Transfers, Options{})
	if r.parts() != 1 || !strings.Contains(r.text, "2026年度没有组织关系转接记录") {
		t.Fatalf("%d pages:\n%s", r.parts(), r.text)
	}
}
