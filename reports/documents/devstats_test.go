package documents

import (
	"strings"
	"testing"
	"time"
)

// devStatCells are the cells of the rows of the document's table whose
// caption begins with caption, by the row's label.
func devStatCells(t *testing.T, b built, caption string) map[string][]string {
	t.Helper()
	for _, tb := range tables(b.doc) {
		if strings.HasPrefix(tb.Caption, caption) {
			out := map[string][]string{}
			for _, r := range tb.Rows {
				out[r.Cells[0]] = r.Cells[1:]
			}
			return out
		}
	}
	t.Fatalf("no table %s", caption)
	return nil
}

// TestDevStatsDocument: the 发展党员统计 of the pipeline fixture counts
// each admission in the calendar year and the 学年 of its 支部大会 vote,
// each 转正 in those of its 转正 date (钱七's after the extension), as
// of the day; the stock by stage; PDF and .docx read back.
func TestDevStatsDocument(t *testing.T) {
	s := devFixture(t)
	b := build(t, s, DevStats, Options{})
	checkFrame(t, b, "发展党员统计")
	// 2026年, 2025-2026学年, 2026-2027学年: 发展, 转正 each. 李五 voted
	// 2025-11-20; 张六 转正 2026-04-19; 钱七 转正 2026-06-09.
	want := []string{"0", "2", "1", "2", "0", "0"}
	for _, c := range []struct{ caption, row string }{{"表一", "学生"}, {"表一", "合计"}, {"表二", "合计"}, {"表三", "合计"}} {
		if got := devStatCells(t, b, c.caption)[c.row]; strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s %s: %v, want %v", c.caption, c.row, got, want)
		}
	}
	if got := devStatCells(t, b, "表三")[devBranchB]; strings.Join(got, " ") != "0 2 0 2 0 0" {
		t.Errorf("表三 %s: %v", devBranchB, got)
	}
	// 入党申请人, 积极分子, 发展对象, 预备党员, 合计.
	if got := devStatCells(t, b, "表四")["合计"]; strings.Join(got, " ") != "1 2 2 1 6" {
		t.Errorf("表四 合计: %v", got)
	}
	// 2025 as of 31 December 2025: 2025年 李五 and 张六; 2024-2025学年 钱七
	// and 张六; 2025-2026学年 李五; 钱七's 转正 not yet approved.
	b = build(t, s, DevStats, Options{Year: 2025})
	if got := devStatCells(t, b, "表一")["合计"]; strings.Join(got, " ") != "2 0 2 0 1 0" {
		t.Errorf("2025: %v", got)
	}
	// --date 2025-12-31 in 2026 is the same as --year 2025: the year is
	// the date's, with the 学年 ending in it and the one begun.
	b = build(t, s, DevStats, Options{AsOf: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)})
	if got := devStatCells(t, b, "表一")["合计"]; strings.Join(got, " ") != "2 0 2 0 1 0" {
		t.Errorf("as of 31 December 2025: %v", got)
	}
	if !strings.Contains(b.text, "2025年发展党员2名") || !strings.Contains(b.text, "2024-2025学年") {
		t.Errorf("as of 31 December 2025, not 2025 and its 学年:\n%s", b.text)
	}
	// As of 30 June 2026: the 2026-2027学年 has not begun.
	b = build(t, s, DevStats, Options{AsOf: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)})
	if got := devStatCells(t, b, "表一")["合计"]; strings.Join(got, " ") != "0 2 1 2" {
		t.Errorf("as of 30 June 2026: %v", got)
	}
	pdf, word := readBack(t, s, DevStats, Options{})
	for _, text := range []string{pdf, word} {
		inOrder(t, "dev-stats", text, "发展党员统计", "2026年", "2025-2026学年", "2026-2027学年", "表四")
	}
}
