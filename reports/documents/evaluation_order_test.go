package documents

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"dangjian/data"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// TestEvaluationTiesInBranchOrder: branches with equal totals share a rank
// and are listed in the store's natural order (第二 before 第十), as every
// screen lists them, whatever the order they were made in; so are their
// findings.
func TestEvaluationTiesInBranchOrder(t *testing.T) {
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "t.db"), "计算机科学与技术学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, name := range []string{"第十党支部", "第二党支部", "第一党支部"} {
		if err := s.Branches.Create(ctx, &data.Branch{Name: name, Type: string(vocab.BranchStaff)}); err != nil {
			t.Fatal(err)
		}
	}
	r := build(t, s, Evaluation, Options{})
	tb := tables(r.doc)[0]
	var rows []string
	for _, row := range tb.Rows {
		if !row.Total {
			rows = append(rows, row.Cells[0]+row.Cells[1]+"="+row.Cells[len(row.Cells)-1])
		}
	}
	if len(rows) != 3 || rows[0][len("1"):strings.Index(rows[0], "=")] != "第一党支部" {
		t.Fatalf("rows %v", rows)
	}
	total := rows[0][strings.Index(rows[0], "="):]
	if want := []string{"1第一党支部" + total, "1第二党支部" + total, "1第十党支部" + total}; strings.Join(rows, " ") != strings.Join(want, " ") {
		t.Errorf("equal totals: rows %v, want %v", rows, want)
	}
	first, second, tenth := strings.Index(r.text, "第一党支部："), strings.Index(r.text, "第二党支部："), strings.Index(r.text, "第十党支部：")
	if first < 0 || !(first < second && second < tenth) {
		t.Errorf("findings not in the natural order: %d %d %d", first, second, tenth)
	}
}

// TestKeepDocNumbers: a document number in a finding's detail is never
// broken across lines; the text around it still may be.
func TestKeepDocNumbers(t *testing.T) {
	j := string(layout.WordJoiner)
	for _, c := range []struct{ in, want string }{
		{"已超过有效期", "已超过有效期"},
		{"（介绍信转字〔2026〕第014号）已超过有效期", "（介绍信" + layout.Keep("转字〔2026〕第014号") + "）已超过有效期"},
		{"介绍信组转字(2026)第3号", "介绍信组" + layout.Keep("转字(2026)第3号")},
		{"〔2026〕12号与党组字［2025］7号", layout.Keep("〔2026〕12号") + "与党组字［2025］7号"},
	} {
		if got := keepDocNumbers(c.in); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, strings.ReplaceAll(got, j, "^"), strings.ReplaceAll(c.want, j, "^"))
		}
	}
}

// TestEvaluationColumnTitlesFullWidth: the score table's titles use
// full-width brackets, as Chinese text does.
func TestEvaluationColumnTitlesFullWidth(t *testing.T) {
	r := build(t, demoStore(t), Evaluation, Options{})
	for _, tb := range tables(r.doc) {
		for _, c := range tb.Columns {
			if strings.ContainsFunc(c.Title, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsPunct(r) }) {
				t.Errorf("column title %q has ASCII punctuation", c.Title)
			}
		}
	}
}
