package documents

import (
	"strings"
	"testing"

	"dangjian/data/hanzi"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// TestEvaluationFindingNamesInStrokeOrder: the members a finding's row
// names are listed in 姓氏笔画 order (丁 王 李 张), not in 拼音 order
// (丁 李 王 张) nor as the findings came, and the row names each member's
// record 「支部 姓名(工号)」, so that a character that cannot be printed is
// traced to the member.
func TestEvaluationFindingNamesInStrokeOrder(t *testing.T) {
	fs := []rules.Finding{
		{Rule: vocab.RuleTalk, Member: "张三", MemberID: "1", Detail: "未谈"},
		{Rule: vocab.RuleTalk, Member: "李四", MemberID: "2", Detail: "未谈"},
		{Rule: vocab.RuleTalk, Member: "王五", MemberID: "3", Detail: "未谈"},
		{Rule: vocab.RuleTalk, Member: "丁一", MemberID: "4", Detail: "未谈"},
	}
	staff := map[string]string{"1": "T001", "2": "T002", "3": "T003", "4": "T004"}
	blocks := evalFindings("第一党支部", fs, staff, rules.DefaultSettings())
	var tb *layout.Table
	for _, b := range blocks {
		if x, ok := b.(*layout.Table); ok {
			tb = x
		}
	}
	if tb == nil || len(tb.Rows) != 1 {
		t.Fatalf("blocks %#v", blocks)
	}
	row := tb.Rows[0]
	if got, want := unjoin(row.Cells[1]), "丁一、王五、李四、张三（4名）"; got != want {
		t.Errorf("members %q, want %q", got, want)
	}
	if want := "第一党支部 丁一(T004)、王五(T003)、李四(T002)、张三(T001)"; row.Record != want {
		t.Errorf("record %q, want %q", row.Record, want)
	}
}

// TestEvaluationRowsNameRecords: on the demo, every row of the summary
// names its record (the branch of a score, the members of a finding), and
// the members of every finding's row are in 姓氏笔画 order.
func TestEvaluationRowsNameRecords(t *testing.T) {
	r := build(t, demoStore(t), Evaluation, Options{})
	tbs := tables(r.doc)
	if len(tbs) < 2 {
		t.Fatalf("%d tables", len(tbs))
	}
	multi := 0
	for i, tb := range tbs {
		for _, row := range tb.Rows {
			if row.Total {
				continue
			}
			if row.Record == "" {
				t.Errorf("table %d row %q names no record", i, row.Cells)
				continue
			}
			if i == 0 {
				if row.Record != row.Cells[1] {
					t.Errorf("score row of %q: record %q", row.Cells[1], row.Record)
				}
				continue
			}
			who := unjoin(row.Cells[1])
			if who == "（支部）" {
				if row.Record == "" || strings.Contains(row.Record, "(") {
					t.Errorf("a branch's finding names record %q", row.Record)
				}
				continue
			}
			if k := strings.Index(who, "（"); k >= 0 {
				who = who[:k]
			}
			names := strings.Split(who, "、")
			for k := 1; k < len(names); k++ {
				multi++
				if hanzi.CompareStroke(names[k-1], names[k]) > 0 {
					t.Errorf("finding row names %q before %q", names[k-1], names[k])
				}
			}
			for _, n := range names {
				if !strings.Contains(row.Record, n+"(") {
					t.Errorf("record %q does not name %s with a number", row.Record, n)
				}
			}
		}
	}
	if multi == 0 {
		t.Error("the demo has no finding naming several members: the order is not tested")
	}
}

// unjoin is s without word joiners (layout.Keep), as read on the page.
func unjoin(s string) string { return strings.ReplaceAll(s, string(layout.WordJoiner), "") }
