package pdf

import (
	"fmt"
	"strings"
	"testing"

	"dangjian/reports/layout"
)

// carryTable is a ledger whose 所在支部 column gives each branch's name on
// its first row only: 第一党支部 with first rows, then 第二党支部 with second.
func carryTable(first, second int) *layout.Table {
	t := &layout.Table{Columns: []layout.Column{
		{Title: "所在支部", Width: 30, Carry: true}, {Title: "序号", Width: 12}, {Title: "姓名", Width: 30}, {Title: "备注"},
	}}
	add := func(branch, prefix string, n int) {
		for i := range n {
			label := ""
			if i == 0 {
				label = branch
			}
			t.Rows = append(t.Rows, layout.Row{Cells: []string{label, fmt.Sprint(i + 1), fmt.Sprintf("%s员%03d", prefix, i+1), ""}})
		}
	}
	add("第一党支部", "甲", first)
	add("第二党支部", "乙", second)
	t.Rows = append(t.Rows, layout.Row{Total: true, Cells: []string{"", "", "合计", ""}})
	return t
}

func TestRenderRepeatsACarriedLabelOnEachPageOfItsGroup(t *testing.T) {
	d := testDoc(false)
	d.NewPart("", "", "").Add(carryTable(120, 90))
	r := renderDoc(t, d)
	if len(r.pages) < 4 {
		t.Fatalf("%d pages; the test needs each branch over more than one page", len(r.pages))
	}
	for i, pg := range r.pages {
		for _, g := range []struct{ member, label, other string }{{"甲员", "第一党支部", "第二党支部"}, {"乙员", "第二党支部", "第一党支部"}} {
			if !strings.Contains(pg, g.member) {
				continue
			}
			// The label once per page: on the page's first row of the
			// group, not on the rows after it.
			if n := strings.Count(pg, g.label); n != 1 {
				t.Errorf("page %d has %s's members and its name %d times:\n%s", i+1, g.label, n, pg)
			}
			if strings.Index(pg, g.label) > strings.Index(pg, g.member) {
				t.Errorf("page %d: %s is not on the group's first row there:\n%s", i+1, g.label, pg)
			}
		}
	}
	// The total row at the end takes no label.
	last := r.pages[len(r.pages)-1]
	for _, line := range strings.Split(last, "\n") {
		if strings.Contains(line, "合计") && strings.Contains(line, "党支部") {
			t.Errorf("the total row took a label: %q", line)
		}
	}
}

// tallFirstRow is a table whose first row is several lines high.
func tallFirstRow(caption string) *layout.Table {
	return &layout.Table{Caption: caption, Columns: []layout.Column{{Title: "项目", Width: 20}, {Title: "内容"}},
		Rows: []layout.Row{
			{Cells: []string{"首行", "第一行\n第二行\n第三行\n第四行\n第五行\n第六行"}},
			{Cells: []string{"次行", "其他"}},
		}}
}

// pageOf is the index of the first page that has s, -1 when none has.
func (r renderedDoc) pageOf(s string) int {
	for i, pg := range r.pages {
		if strings.Contains(pg, s) {
			return i
		}
	}
	return -1
}

func TestRenderKeepsAHeadingWithWhatFollows(t *testing.T) {
	cases := []struct {
		name   string
		blocks func() []layout.Block
		first  string // the first text of what follows the heading
	}{
		{"a table", func() []layout.Block {
			return []layout.Block{&layout.Heading{Level: 1, Text: "标题甲"}, tallFirstRow("")}
		}, "第六行"},
		{"a spacer and a table", func() []layout.Block {
			return []layout.Block{&layout.Heading{Level: 1, Text: "标题甲"}, &layout.Spacer{MM: 3}, tallFirstRow("")}
		}, "第六行"},
		{"a heading and a captioned table", func() []layout.Block {
			return []layout.Block{&layout.Heading{Level: 1, Text: "标题甲"}, &layout.Heading{Level: 2, Text: "标题乙"}, tallFirstRow("表题丙")}
		}, "第六行"},
		{"a paragraph", func() []layout.Block {
			return []layout.Block{&layout.Heading{Level: 1, Text: "标题甲"}, &layout.Paragraph{Indent: true, Text: sentences(6)}}
		}, "第2句"},
		{"a form", func() []layout.Block {
			return []layout.Block{&layout.Heading{Level: 1, Text: "标题甲"}, &layout.Form{Rows: []layout.FormRow{
				{Cells: []layout.Cell{{Text: "意见", Label: true, Width: 25}, {Text: "表格首行"}}, Height: 30}}}}
		}, "表格首行"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The heading is placed at every height near a page's foot.
			for space := 200.0; space <= 250; space += 4 {
				d := testDoc(false)
				p := d.NewPart("", "", "")
				p.Add(&layout.Spacer{MM: space})
				p.Add(c.blocks()...)
				r := renderDoc(t, d)
				head, next := r.pageOf("标题甲"), r.pageOf(c.first)
				if head < 0 || next < 0 {
					t.Fatalf("%.1f mm down: the heading or what follows is missing:\n%s", space, strings.Join(r.pages, "\f"))
				}
				if head != next {
					t.Errorf("%.1f mm down: the heading is on page %d, %q on page %d", space, head+1, c.first, next+1)
				}
			}
		})
	}
}

func TestRenderKeepsATableCaptionWithItsFirstRow(t *testing.T) {
	for space := 200.0; space <= 250; space += 4 {
		d := testDoc(false)
		d.NewPart("", "", "").Add(&layout.Spacer{MM: space}, tallFirstRow("表题丙"))
		r := renderDoc(t, d)
		if c, f := r.pageOf("表题丙"), r.pageOf("第六行"); c != f {
			t.Errorf("%.1f mm down: the caption is on page %d, the first row on page %d", space, c+1, f+1)
		}
	}
}

func TestRenderGivesARowItsLeastHeight(t *testing.T) {
	d := testDoc(false)
	d.NewPart("", "", "").Add(&layout.Table{Columns: []layout.Column{{Title: "目标", Width: 30}, {Title: "完成情况"}},
		Rows: []layout.Row{
			{Cells: []string{"目标甲"}, MinHeight: 10},
			{Cells: []string{"目标乙"}, MinHeight: 10},
			{Cells: []string{"目标丙"}},
			{Cells: []string{"目标丁"}},
		}})
	r := renderDoc(t, d)
	top := map[string]float64{}
	for _, w := range words(t, r.path) {
		top[w.text] = w.yMin
	}
	for _, c := range []struct {
		from, to string
		least    float64 // mm
		most     float64
	}{{"目标甲", "目标乙", 10, 10.5}, {"目标乙", "目标丙", 10, 10.5}, {"目标丙", "目标丁", 0, 6}} {
		a, okA := top[c.from]
		b, okB := top[c.to]
		if !okA || !okB {
			t.Fatalf("%s or %s not found", c.from, c.to)
		}
		if gap := (b - a) / ptPerMM; gap < c.least-0.05 || gap > c.most {
			t.Errorf("%s to %s: %.1f mm, want %.0f to %.1f", c.from, c.to, gap, c.least, c.most)
		}
	}
}

func TestRenderContinuesAnOverlongFormRowOnAContinuationPage(t *testing.T) {
	d := testDoc(false)
	// 2,000 characters of 党支部意见 in sentences numbered for the check.
	var b strings.Builder
	for i := 1; b.Len() < 2000*3; i++ {
		fmt.Fprintf(&b, "第%d句该同志政治立场坚定能够发挥先锋模范作用。", i)
	}
	long := b.String()
	p := d.NewPart("民主评议党员登记表", "", "张三")
	p.Add(&layout.Form{Rows: []layout.FormRow{
		{Cells: []layout.Cell{{Text: "姓名", Label: true, Width: 25}, {Text: layout.Keep("张三")}}, Height: 10},
		{Cells: []layout.Cell{{Text: "自我评价", Label: true, Width: 25}, {Text: sentences(20)}}, Height: 60},
		{Cells: []layout.Cell{{Text: "党支部意见", Label: true, Width: 25},
			{Text: long, Sign: []layout.SignLine{{Who: "党支部书记签字:", Seal: true, Date: true}}}}},
		{Cells: []layout.Cell{{Text: "上级党组织意见", Label: true, Width: 25}, {Text: "同意。"}}, Height: 20},
	}})
	r := renderDoc(t, d)
	if len(r.pages) < 2 {
		t.Fatalf("%d pages; 2,000 characters after the first rows need a 续页", len(r.pages))
	}
	for i, pg := range r.pages[1:] {
		if !strings.Contains(pg, "民主评议党员登记表（续页）") {
			t.Errorf("page %d lacks the 续页 title:\n%s", i+2, pg)
		}
	}
	for i, pg := range r.pages[:len(r.pages)-1] {
		if !strings.Contains(pg, contMark) {
			t.Errorf("page %d does not say the text goes on:\n%s", i+1, pg)
		}
	}
	// The whole text, in order, under the label, with the signature under
	// its end and the next row after it.
	var got strings.Builder
	for _, line := range strings.Split(strings.Join(r.pages, "\n"), "\n") {
		if f := strings.Fields(line); len(f) > 0 && ofOpinion(f[len(f)-1]) {
			got.WriteString(f[len(f)-1])
		}
	}
	if !strings.Contains(strings.ReplaceAll(got.String(), contMark, ""), long) {
		t.Errorf("the text is not complete across pages:\n%s", got.String())
	}
	last := strings.Join(strings.Fields(r.pages[len(r.pages)-1]), "")
	end := strings.LastIndex(last, "作用。")
	sign := strings.Index(last, "党支部书记签字：（盖章）")
	next := strings.Index(last, "上级党组织")
	if end < 0 || sign < end || next < sign {
		t.Errorf("the last page has not the text's end, then the signature, then the next row:\n%s", r.pages[len(r.pages)-1])
	}
	for _, pg := range r.pages[:len(r.pages)-1] {
		if strings.Contains(pg, "签字") {
			t.Errorf("a signature line before the text's end:\n%s", pg)
		}
	}
	// Nothing runs below the body: the only words under it are the footer's.
	bottom, footer := portrait.bottom*ptPerMM, (portrait.footerY-2)*ptPerMM
	for _, w := range words(t, r.path) {
		if w.yMax > bottom+0.5 && (w.yMin < footer || w.yMax > footer+8*ptPerMM) {
			t.Errorf("%q runs below the body (%.1f mm)", w.text, w.yMax/ptPerMM)
		}
	}
}

func TestRenderMovesATallFormRowThatFitsAPageToTheNext(t *testing.T) {
	d := testDoc(false)
	p := d.NewPart("民主评议党员登记表", "", "张三")
	p.Add(&layout.Form{Rows: []layout.FormRow{
		{Cells: []layout.Cell{{Text: "自我评价", Label: true, Width: 25}, {Text: "前文"}}, Height: 150},
		{Cells: []layout.Cell{{Text: "党支部意见", Label: true, Width: 25}, {Text: sentences(30)}}},
	}})
	r := renderDoc(t, d)
	if len(r.pages) != 2 || strings.Contains(r.pages[0], "第1句") || strings.Contains(strings.Join(r.pages, ""), contMark) {
		t.Errorf("the second row is not whole on the second page:\n%s", strings.Join(r.pages, "\f"))
	}
}

// ofOpinion reports whether s is made of the characters of the long
// 党支部意见 only (a line of it, or its last line).
func ofOpinion(s string) bool {
	return strings.Trim(s, "第句该同志政治立场坚定能够发挥先锋模范作用。0123456789") == ""
}
