package docx

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/reports/layout"
)

// sectionHeads returns, section by section, the text of the header of
// the section's first page and of its other pages.
func sectionHeads(t *testing.T, p *pkg) (first, others []string) {
	t.Helper()
	rels := map[string]string{}
	for _, rel := range p.xmlOf(t, "word/_rels/document.xml.rels").children("Relationship") {
		rels[rel.attr("Id")] = "word/" + rel.attr("Target")
	}
	for _, s := range p.body(t).all("sectPr") {
		heads := map[string]string{}
		for _, ref := range s.children("headerReference") {
			heads[ref.attr("type")] = p.xmlOf(t, rels[ref.attr("id")]).text()
		}
		first = append(first, heads["first"])
		others = append(others, heads["default"])
	}
	return first, others
}

// memberForm is a member's form whose self-evaluation, a Fill row, holds
// n sentences.
func memberForm(name string, n int) *layout.Form {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "第%d句认真学习党的创新理论并联系实际开展工作。", i)
	}
	return &layout.Form{Rows: []layout.FormRow{
		{Height: 10, Cells: []layout.Cell{{Text: "姓名", Label: true, Width: 25}, {Text: layout.Keep(name)}}},
		{Fill: true, Cells: []layout.Cell{{Text: "个人自我评价", Label: true, Width: 25},
			{Text: b.String(), Sign: []layout.SignLine{{Who: "本人签字:", Date: true}}}}},
	}}
}

func TestTheHeaderOfAPartsLaterPagesNamesItsRecord(t *testing.T) {
	const (
		recA = "2023级本科生第一党支部 张三(2023001)"
		recB = "2023级本科生第二党支部 李四(2023002)"
	)
	cases := []struct {
		name      string
		org       string
		wantTitle bool // the title beside the record
		wantOrg   bool // the organization on the left of the later pages
	}{
		{"short organization", "计算机学院党委", true, true},
		{"longer organization", "计算机科学与技术学院党委", false, true},
		{"long organization", "中国共产党某某大学计算机科学与技术学院委员会", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &layout.Document{Title: "民主评议党员登记表", Org: c.org, Period: "2026年度", Printed: printed}
			d.NewPart("", "（2026年度）", recA).Add(memberForm("张三", 5))
			d.NewPart("", "（2026年度）", recB).Add(memberForm("李四", 5))
			d.NewPart("党员花名册", "", "").Add(&layout.Paragraph{Text: "名单"})
			first, others := sectionHeads(t, renderDoc(t, d))
			if len(others) != 3 {
				t.Fatalf("%d sections for 3 parts", len(others))
			}
			for i, rec := range []string{recA, recB} {
				want := layout.Typeset(rec)
				if !strings.Contains(others[i], want) {
					t.Errorf("part %d: the header of its later pages %q lacks its record %q", i+1, others[i], want)
				}
				if strings.Contains(first[i], "2023级") {
					t.Errorf("part %d: the first page's header %q names a record", i+1, first[i])
				}
				if got := strings.Contains(others[i], "民主评议党员登记表"); got != c.wantTitle {
					t.Errorf("part %d: the title in the later pages' header is %v, want %v: %q", i+1, got, c.wantTitle, others[i])
				}
				if got := strings.Contains(others[i], c.org); got != c.wantOrg {
					t.Errorf("part %d: the organization in the later pages' header is %v, want %v: %q", i+1, got, c.wantOrg, others[i])
				}
				if !strings.Contains(first[i], c.org) || !strings.Contains(others[i], "2026年度") {
					t.Errorf("part %d: a header lost the organization or the period: %q, %q", i+1, first[i], others[i])
				}
				if other := layout.Typeset([]string{recA, recB}[1-i]); strings.Contains(others[i], other) {
					t.Errorf("part %d: the header names the other member: %q", i+1, others[i])
				}
			}
			if strings.Contains(others[2], "2023级") || !strings.Contains(others[2], "党员花名册") {
				t.Errorf("a ledger without a record: the header %q", others[2])
			}
		})
	}
}

// figuresTable is a roster with the narrowest widths the roster gives
// its columns of figures: 公民身份号码 and 入党日期 kept whole, a 年度 and a
// 姓名 column.
func figuresTable(rows int) *layout.Table {
	t := &layout.Table{Caption: "2023级本科生第一党支部（40名）", Columns: []layout.Column{
		{Title: "序号", Width: 10, Align: layout.Center}, {Title: "姓名", Width: 18, Keep: true},
		{Title: "公民身份号码", Width: 28, Keep: true, Align: layout.Center},
		{Title: "入党日期", Width: 16, Keep: true, Align: layout.Center},
		{Title: "年度", Width: 16, Align: layout.Center}, {Title: "备注"}}}
	for i := range rows {
		t.Rows = append(t.Rows, layout.Row{Cells: []string{fmt.Sprint(i + 1), layout.Keep("欧阳娜娜"),
			layout.Keep("42010619700110101X"), layout.Keep("2018.07.01"), "2026年度", "无"}})
	}
	return t
}

func TestCellsOfFiguresAreScaledToFitWiderFaces(t *testing.T) {
	d := &layout.Document{Title: "党员花名册", Org: "计算机学院党委", Period: "2026年度", Printed: printed}
	d.NewPart("", "", "").Add(figuresTable(2))
	d.NewPart("民主评议党员登记表", "", "张三").Add(&layout.Form{Rows: []layout.FormRow{{Height: 10, Cells: []layout.Cell{
		{Text: "评议年度", Label: true, Width: 22}, {Text: "2026年度", Width: 20},
		{Text: "姓名", Label: true, Width: 22}, {Text: layout.Keep("欧阳娜娜"), Width: 20}, {Text: "2026年度"}}}}})
	p := renderDoc(t, d)
	tbls := p.body(t).all("tbl")
	if len(tbls) != 2 {
		t.Fatalf("%d tables, want the roster and the form", len(tbls))
	}
	scale := func(tc *node) string {
		for _, r := range tc.all("r") {
			if r.path("rPr", "w") != nil {
				return r.path("rPr", "w").attr("val")
			}
		}
		return ""
	}
	row := tbls[0].children("tr")[1].children("tc")
	for _, c := range []struct {
		col    int
		text   string
		scaled bool
	}{
		{1, "欧阳娜娜", false}, // Chinese is an em in every face
		{2, "42010619700110101X", true},
		{3, "2018.07.01", true},
		{4, "2026年度", true},
		{5, "无", false},
	} {
		tc := row[c.col]
		// The text is as typed, without joiners: Word finds it.
		if got := tc.text(); got != c.text {
			t.Errorf("column %d: %q, want %q", c.col+1, got, c.text)
		}
		v := scale(tc)
		if (v != "") != c.scaled {
			t.Errorf("column %d (%s): scale %q, want scaled %v", c.col+1, c.text, v, c.scaled)
		}
		if v != "" {
			var pct int
			fmt.Sscan(v, &pct)
			if pct < minScale || pct >= 100 {
				t.Errorf("column %d: scale %d%%", c.col+1, pct)
			}
		}
	}
	form := tbls[1].children("tr")[0].children("tc")
	if scale(form[1]) == "" || scale(form[3]) != "" || scale(form[4]) != "" {
		t.Errorf("form: 2026年度 in 20 mm scaled %q, a name %q, 2026年度 in a wide cell %q; want only the first",
			scale(form[1]), scale(form[3]), scale(form[4]))
	}
	// In a run's properties the scale comes before the size (CT_RPr's order).
	doc := string(p.parts["word/document.xml"])
	if strings.Contains(doc, `"/><w:w w:val="`) && strings.Contains(doc, `<w:szCs w:val="15"/><w:w `) {
		t.Error("a scale after the size")
	}
}

// TestLibreOfficeKeepsFiguresWholeAndNamesTheRecord converts a roster
// with narrow columns of figures and two members' forms running onto a
// second page with LibreOffice, which here lacks 宋体 and Times New Roman
// and sets figures in a wider face: no number, date or 「2026年度」 is broken
// across lines, and each form's second page names its member in the
// header, its first page not.
func TestLibreOfficeKeepsFiguresWholeAndNamesTheRecord(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	if testing.Short() {
		t.Skip("slow: runs LibreOffice")
	}
	const (
		recA = "第一党支部 张三(2023001)"
		recB = "第二党支部 李四(2023002)"
	)
	d := &layout.Document{Title: "民主评议党员登记表", Org: "计算机学院党委", Period: "2026年度", Printed: printed}
	d.NewPart("党员花名册", "", "").Add(figuresTable(8))
	d.NewPart("", "", recA).Add(memberForm("张三", 90))
	d.NewPart("", "", recB).Add(memberForm("李四", 90))
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := Render(context.Background(), d, &buf); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "fix.docx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "fix.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (LibreOffice made no PDF of the document)", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	roster := pages[0]
	for _, want := range []string{"42010619700110101X", "2018.07.01", "2026年度"} {
		n := 0
		for _, line := range strings.Split(roster, "\n") {
			n += strings.Count(strings.Join(strings.Fields(line), ""), want)
		}
		if n < 8 {
			t.Errorf("%q whole on %d of 8 rows' lines:\n%s", want, n, roster)
		}
	}
	// The forms: a page is the first of a part when it says 第1页.
	part := 0
	recs := []string{recA, recB}
	seen := make([]int, 2)
	for i, pg := range pages[1:] {
		flat := strings.Join(strings.Fields(pg), "")
		if strings.Contains(flat, "第1页") && i > 0 {
			part++
		}
		if part > 1 {
			t.Fatalf("more parts than forms:\n%s", pg)
		}
		rec := strings.ReplaceAll(layout.Typeset(recs[part]), " ", "")
		if strings.Contains(flat, "第1页") {
			if strings.Contains(flat, rec) {
				t.Errorf("the first page of %s names the record:\n%s", recs[part], pg)
			}
			continue
		}
		if !strings.Contains(flat, rec) {
			t.Errorf("page %d of %s lacks the record:\n%s", i+2, recs[part], pg)
		}
		seen[part]++
	}
	if seen[0] == 0 || seen[1] == 0 {
		t.Errorf("the forms' later pages: %v; each form runs onto a second page", seen)
	}
}
