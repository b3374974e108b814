package merge

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/reports/documents"
	"dangjian/reports/layout"
)

// TestTransferDuesPaidUntilAgreesWithTheLedger: a 转出 letter that records
// no 党费交至 gets the last month the records show paid, in the 介绍信 of a
// merge (2026年4月) as in the 组织关系转接台账 (2026.04); a letter that
// records its month gives that month on both.
func TestTransferDuesPaidUntilAgreesWithTheLedger(t *testing.T) {
	ts := newTestStore(t)
	ctx := context.Background()
	for _, mo := range []string{"2026-01", "2026-02", "2026-03", "2026-04"} {
		if err := ts.s.PayDues(ctx, ts.zhao.ID, mo, 1000, data.NewDate(2026, 4, 28)); err != nil {
			t.Fatal(err)
		}
	}
	letter := &data.Transfer{MemberID: data.Ref(ts.zhao.ID), Direction: "转出", OtherOrg: "中共某某大学委员会",
		LetterNo: "转字〔2026〕第021号", IssuedDate: data.NewDate(2026, 5, 10), ValidDays: 30}
	if err := ts.s.Transfers.Create(ctx, letter); err != nil {
		t.Fatal(err)
	}
	rs, err := Records(ctx, ts.s, Transfers, Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	merged := map[string]string{}
	for _, r := range rs {
		merged[r.Name] = r.Values["党费交至"]
	}
	ledger := ledgerDuesUntil(t, ts.s)
	for _, c := range []struct{ name, merged, ledger string }{
		{"赵玥", "2026年4月", "2026.04"}, // none on the letter: the last month paid
		{"张三", "2026年8月", "2026.08"}, // as the letter records
	} {
		if merged[c.name] != c.merged || ledger[c.name] != c.ledger {
			t.Errorf("%s: {{党费交至}} %q and the ledger's %q, want %q and %q",
				c.name, merged[c.name], ledger[c.name], c.merged, c.ledger)
		}
	}
}

// TestDemoTransferDuesPaidUntilAgrees: on the demo organization, whose
// 转出 letters record no 党费交至, every letter's {{党费交至}} is the month the
// ledger prints for it, and is not blank.
func TestDemoTransferDuesPaidUntilAgrees(t *testing.T) {
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "demo.db"), "计算机科学与技术学院党委", "DEMO",
		data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Seed: 1, AsOf: testNow}); err != nil {
		t.Fatal(err)
	}
	rs, err := Records(ctx, s, Transfers, Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 {
		t.Fatal("the demo has no 转出 letter of 2026")
	}
	ledger := ledgerDuesUntil(t, s)
	for _, r := range rs {
		got := r.Values["党费交至"]
		mo, err := time.Parse("2006.01", ledger[r.Name])
		if got == "" || err != nil || got != layout.ProseMonth(mo) {
			t.Errorf("%s: {{党费交至}} %q, the ledger %q", r.Name, got, ledger[r.Name])
		}
	}
}

// ledgerDuesUntil reads the 组织关系转接台账 of 2026: 党费交至 by member name.
func ledgerDuesUntil(t *testing.T, s *data.Store) map[string]string {
	t.Helper()
	doc, err := documents.Build(context.Background(), s, documents.Transfers, documents.Options{Year: 2026, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	ledger := map[string]string{}
	for _, p := range doc.Parts {
		for _, b := range p.Blocks {
			tb, ok := b.(*layout.Table)
			if !ok {
				continue
			}
			name, until := -1, -1
			for i, c := range tb.Columns {
				switch c.Title {
				case "姓名":
					name = i
				case "党费交至":
					until = i
				}
			}
			for _, row := range tb.Rows {
				if name >= 0 && until >= 0 {
					ledger[strings.ReplaceAll(row.Cells[name], string(layout.WordJoiner), "")] = row.Cells[until]
				}
			}
		}
	}
	return ledger
}
