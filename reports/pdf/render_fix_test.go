package pdf

import (
	"fmt"
	"strings"
	"testing"

	"dangjian/reports/layout"
)

// flatPage is a page's text without spaces and line ends.
func flatPage(pg string) string { return strings.Join(strings.Fields(pg), "") }

// headLine is the first line of a page that has text: the running header.
func headLine(pg string) string {
	for _, l := range strings.Split(pg, "\n") {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

// appraisalForm is a member's form whose self-evaluation (a Fill row
// signed 「本人签字」) holds text of n sentences, followed by the
// branch's opinion.
func appraisalForm(name string, n int) *layout.Form {
	return &layout.Form{Rows: []layout.FormRow{
		{Cells: []layout.Cell{{Text: "姓名", Label: true, Width: 25}, {Text: layout.Keep(name)}}, Height: 10},
		{Cells: []layout.Cell{{Text: "自我评价", Label: true, Width: 25},
			{Text: sentences(n), Sign: []layout.SignLine{{Who: "本人签字:", Date: true}}}}, Fill: true},
		{Cells: []layout.Cell{{Text: "党支部意见", Label: true, Width: 25},
			{Sign: []layout.SignLine{{Who: "党支部书记签字:", Seal: true, Date: true}}}}, Height: 35},
	}}
}

func TestRenderNamesThePartsRecordOnEveryPageAfterItsFirst(t *testing.T) {
	const (
		recA = "2023级本科生第一党支部 张三(2023001)"
		recB = "2023级本科生第二党支部 李四(2023002)"
	)
	cases := []struct {
		name      string
		org       string
		wantTitle bool // the title beside the record in the header
		wantOrg   bool // the organization on the left of the header
	}{
		{"short organization", "计算机学院党委", true, true},
		{"longer organization", "计算机科学与技术学院党委", false, true},
		{"long organization", "中国共产党某某大学计算机科学与技术学院委员会", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDoc(false)
			d.Org = c.org
			d.NewPart("民主评议党员登记表", "（2026年度）", recA).Add(appraisalForm("张三", 160))
			d.NewPart("民主评议党员登记表", "（2026年度）", recB).Add(appraisalForm("李四", 160))
			d.NewPart("党员花名册", "", "").Add(rosterTable(150))
			r := renderDoc(t, d)
			part := 0 // the part of the page: 0 and 1 the forms, 2 the roster
			own := []string{recA, recB}
			for i, pg := range r.pages {
				flat := flatPage(pg)
				first := strings.Contains(flat, "第1页")
				if first && i > 0 {
					part++
				}
				head := strings.Join(strings.Fields(headLine(pg)), "")
				if part == 2 {
					if strings.Contains(flat, "2023级") {
						t.Errorf("page %d of a ledger without a record names one:\n%s", i+1, pg)
					}
					if !first && !strings.Contains(head, "党员花名册") {
						t.Errorf("page %d of the roster lacks its title in the header: %q", i+1, head)
					}
					continue
				}
				rec := strings.ReplaceAll(layout.Typeset(own[part]), " ", "")
				if first {
					continue // the title and the form's own fields say whose it is
				}
				if !strings.Contains(head, rec) {
					t.Errorf("page %d (a 续页 of %s) lacks the record in its header: %q", i+1, own[part], head)
				}
				if got := strings.Contains(head, "民主评议党员登记表"); got != c.wantTitle {
					t.Errorf("page %d: the title in the header is %v, want %v: %q", i+1, got, c.wantTitle, head)
				}
				if got := strings.Contains(head, c.org); got != c.wantOrg {
					t.Errorf("page %d: the organization in the header is %v, want %v: %q", i+1, got, c.wantOrg, head)
				}
				if other := strings.ReplaceAll(layout.Typeset(own[1-part]), " ", ""); strings.Contains(flat, other) {
					t.Errorf("page %d names the other member's record:\n%s", i+1, pg)
				}
			}
			if part != 2 {
				t.Fatalf("read %d parts' first pages, want 3", part+1)
			}
			for _, rec := range own {
				n := 0
				for _, pg := range r.pages {
					if strings.Contains(flatPage(pg), strings.ReplaceAll(layout.Typeset(rec), " ", "")) {
						n++
					}
				}
				if n < 2 {
					t.Errorf("%s is on %d pages; its form has at least two 续页", rec, n)
				}
			}
		})
	}
}

func TestRenderSignsAContinuedFillRowUnderTheEndOfItsText(t *testing.T) {
	cases := []struct {
		name      string
		sentences int
	}{
		{"one 续页", 60},
		{"three 续页", 250},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDoc(false)
			d.NewPart("民主评议党员登记表", "", "张三").Add(appraisalForm("张三", c.sentences))
			r := renderDoc(t, d)
			if len(r.pages) < 2 {
				t.Fatalf("%d page(s); the text needs a 续页", len(r.pages))
			}
			first := flatPage(r.pages[0])
			if !strings.Contains(first, "党支部书记签字：（盖章）") {
				t.Errorf("the row after the Fill row is not on the first page:\n%s", r.pages[0])
			}
			for i, pg := range r.pages[:len(r.pages)-1] {
				if strings.Contains(pg, "本人签字") {
					t.Errorf("page %d signs the text before its end:\n%s", i+1, pg)
				}
				if !strings.Contains(pg, contMark) {
					t.Errorf("page %d does not say the text goes on:\n%s", i+1, pg)
				}
			}
			last := flatPage(r.pages[len(r.pages)-1])
			end := strings.LastIndex(last, "开展工作。")
			sign := strings.Index(last, "本人签字：")
			if end < 0 || sign < end {
				t.Errorf("the last page has not the text's end, then 本人签字:\n%s", r.pages[len(r.pages)-1])
			}
			if strings.Count(strings.Join(r.pages, ""), "本人签字") != 1 {
				t.Errorf("本人签字 is not printed once")
			}
		})
	}
}

func TestRenderSignsAFillRowThatFitsOnItsPage(t *testing.T) {
	d := testDoc(false)
	d.NewPart("民主评议党员登记表", "", "张三").Add(appraisalForm("张三", 5))
	r := renderDoc(t, d)
	if len(r.pages) != 1 {
		t.Fatalf("%d pages; five sentences fit on one", len(r.pages))
	}
	flat := flatPage(r.pages[0])
	if strings.Index(flat, "本人签字：") < strings.Index(flat, "第5句") || strings.Contains(flat, contMark) {
		t.Errorf("the Fill row is not whole and signed on its page:\n%s", r.pages[0])
	}
}

func TestRenderRepeatsATablesCaptionOnEachPageItRunsOnTo(t *testing.T) {
	const caption = "2023级本科生第一党支部（40名）"
	cases := []struct {
		name      string
		landscape bool
		rows      int
	}{
		{"portrait", false, 150},
		{"landscape", true, 100},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDoc(c.landscape)
			tbl := rosterTable(c.rows)
			tbl.Caption = caption
			d.NewPart("", "", "").Add(&layout.Paragraph{Text: "前言"}, tbl)
			r := renderDoc(t, d)
			if len(r.pages) < 2 {
				t.Fatalf("%d rows on %d page(s)", c.rows, len(r.pages))
			}
			for i, pg := range r.pages {
				flat := flatPage(pg)
				want := caption + "（续）"
				if i == 0 {
					want = caption
					if strings.Contains(flat, "（续）") {
						t.Errorf("the first page says the table goes on:\n%s", pg)
					}
				}
				at := strings.Index(flat, want)
				if at < 0 || strings.Count(flat, caption) != 1 {
					t.Errorf("page %d has not the caption %q once:\n%s", i+1, want, pg)
					continue
				}
				if head := strings.Index(flat, "入党日期"); head < at {
					t.Errorf("page %d: the caption is not above the header:\n%s", i+1, pg)
				}
			}
			if !strings.Contains(r.all(), fmt.Sprintf("%d张三2020.07.01正式党员", c.rows)) {
				t.Error("the last row is missing")
			}
		})
	}
}
