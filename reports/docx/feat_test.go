package docx

import (
	"strings"
	"testing"

	"dangjian/reports/layout"
)

// TestRowLeastHeight checks that a row with a MinHeight keeps that room
// (for handwriting) as Word's least row height, and that other rows are
// as high as their text.
func TestRowLeastHeight(t *testing.T) {
	d := &layout.Document{Title: "目标管理责任书", Org: "党委"}
	d.NewPart("", "", "").Add(&layout.Table{Columns: []layout.Column{{Title: "目标", Width: 30}, {Title: "完成情况"}},
		Rows: []layout.Row{{Cells: []string{"目标甲"}, MinHeight: 10}, {Cells: []string{"目标乙"}}}})
	rows := renderDoc(t, d).body(t).children("tbl")[0].children("tr")
	if len(rows) != 3 {
		t.Fatalf("%d rows, want the header and 2", len(rows))
	}
	h := rows[1].path("trPr", "trHeight")
	if h == nil || atoi(h.attr("val")) != tw(10) || h.attr("hRule") != "atLeast" {
		t.Errorf("the row of MinHeight 10 mm has the height %v, want at least %d twips", h, tw(10))
	}
	if rows[2].path("trPr", "trHeight") != nil {
		t.Error("a row without a MinHeight has a fixed least height")
	}
	if rows[1].path("trPr", "cantSplit") == nil {
		t.Error("the row may split across pages")
	}
}

// TestFormRowHigherThanAPageMayBreak checks that a form row whose text
// is higher than a page may break across pages (Word cuts a row kept
// whole off the page's foot), while rows that fit a page stay whole.
func TestFormRowHigherThanAPageMayBreak(t *testing.T) {
	d := &layout.Document{Title: "民主评议党员登记表", Org: "党委"}
	long := strings.Repeat("该同志政治立场坚定，能够发挥先锋模范作用。", 100) // 2,100 characters
	d.NewPart("", "", "").Add(&layout.Form{Rows: []layout.FormRow{
		{Cells: []layout.Cell{{Text: "姓名", Label: true, Width: 25}, {Text: "张三"}}, Height: 10},
		{Cells: []layout.Cell{{Text: "党支部意见", Label: true, Width: 25}, {Text: long}}},
		{Cells: []layout.Cell{{Text: "上级党组织意见", Label: true, Width: 25}, {Text: "同意。"}}, Height: 40},
	}})
	rows := renderDoc(t, d).body(t).children("tbl")[0].children("tr")
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3", len(rows))
	}
	for i, whole := range []bool{true, false, true} {
		if got := rows[i].path("trPr", "cantSplit") != nil; got != whole {
			t.Errorf("row %d kept whole: %v, want %v", i+1, got, whole)
		}
	}
	if !strings.Contains(rowTexts(rows[1])[1], "作用。该同志") {
		t.Error("the long text is not in its row")
	}
}

// TestHeadingKeptWithWhatFollows checks that a space after a heading is
// kept with what follows, as the heading's style keeps the heading with
// it (so that a heading never ends a page above its table), and that
// other spaces are not.
func TestHeadingKeptWithWhatFollows(t *testing.T) {
	d := &layout.Document{Title: "党费收缴台账", Org: "党委"}
	table := func() *layout.Table {
		return &layout.Table{Columns: []layout.Column{{Title: "姓名"}}, Rows: []layout.Row{{Cells: []string{"张三"}}}}
	}
	d.NewPart("", "", "").Add(&layout.Heading{Level: 1, Text: "汇总"}, &layout.Spacer{MM: 1}, &layout.Spacer{MM: 2}, table(),
		&layout.Spacer{MM: 3}, &layout.Paragraph{Text: "说明"})
	body := renderDoc(t, d).body(t)
	var kept []bool // the spacers' paragraphs, in order
	for _, p := range body.children("p") {
		if p.path("pPr", "spacing").attr("lineRule") == "exact" && p.path("pPr", "sectPr") == nil {
			kept = append(kept, p.path("pPr", "keepNext") != nil)
		}
	}
	// The two spaces after the heading, the table's space after it (2 mm)
	// and the space before the paragraph.
	if want := []bool{true, true, false, false}; len(kept) != len(want) || kept[0] != want[0] || kept[1] != want[1] || kept[2] || kept[3] {
		t.Errorf("spaces kept with what follows: %v, want %v", kept, want)
	}
	if body.children("p")[1].path("pPr", "pStyle").attr("val") != "Heading1" {
		t.Error("the heading is not in the heading style that keeps it with the next paragraph")
	}
}
