package merge

import (
	"context"
	"strings"
	"testing"

	"dangjian/data"
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
	doc, err := documents.Build(ctx, ts.s, documents.Transfers, documents.Options{Year: 2026})
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
