package docx

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dangjian/reports/layout"
)

// atoi reads a number attribute; -1 when it is none.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// TestPackageIsComplete checks that every part is well-formed XML, that
// the list of types names every part the package has, and that every
// relationship leads to a part that is there.
func TestPackageIsComplete(t *testing.T) {
	p := renderDoc(t, sampleDoc())
	for _, name := range p.order {
		p.xmlOf(t, name)
	}
	types := p.xmlOf(t, "[Content_Types].xml")
	overridden := map[string]bool{}
	for _, o := range types.children("Override") {
		overridden[strings.TrimPrefix(o.attr("PartName"), "/")] = true
	}
	for _, name := range p.order {
		if strings.HasSuffix(name, ".rels") || name == "[Content_Types].xml" {
			continue
		}
		if !overridden[name] {
			t.Errorf("%s has no content type", name)
		}
	}
	for name := range overridden {
		if _, ok := p.parts[name]; !ok {
			t.Errorf("the content types name %s, which the package lacks", name)
		}
	}
	for _, rels := range []string{"_rels/.rels", "word/_rels/document.xml.rels"} {
		base := path.Dir(path.Dir(rels))
		for _, rel := range p.xmlOf(t, rels).children("Relationship") {
			target := path.Join(base, rel.attr("Target"))
			if _, ok := p.parts[target]; !ok {
				t.Errorf("%s: relationship %s leads to %s, which the package lacks", rels, rel.attr("Id"), target)
			}
		}
	}
	// Every r:id the document uses is a relationship of the document.
	ids := map[string]bool{}
	for _, rel := range p.xmlOf(t, "word/_rels/document.xml.rels").children("Relationship") {
		ids[rel.attr("Id")] = true
	}
	doc := p.xmlOf(t, "word/document.xml")
	for _, kind := range []string{"headerReference", "footerReference"} {
		for _, ref := range doc.all(kind) {
			if !ids[ref.attr("id")] {
				t.Errorf("%s %s has no relationship", kind, ref.attr("id"))
			}
		}
	}
}

// TestSectionPerPart checks that each part is a section of its own
// starting a new page with page numbers from 1, with the running header
// and the footer 「第 N 页 共 M 页」 counting the section's pages.
func TestSectionPerPart(t *testing.T) {
	d := &layout.Document{Title: "民主评议党员登记表", Org: "计算机学院党委", Period: "2026年度", Printed: printed}
	for _, name := range []string{"张三", "李四", "王五"} {
		d.NewPart("", name, name).Add(&layout.Paragraph{Text: name + "的自我评价"})
	}
	d.Parts[2].Title = "民主评议党员登记表(续)"
	p := renderDoc(t, d)
	body := p.body(t)
	var sects []*node
	var ends []string // the bookmark at each section's end
	for _, para := range body.children("p") {
		if s := para.path("pPr", "sectPr"); s != nil {
			sects = append(sects, s)
			ends = append(ends, para.child("bookmarkStart").attr("name"))
		}
	}
	if last := body.Nodes[len(body.Nodes)-1]; last.XMLName.Local != "sectPr" {
		t.Fatalf("the body ends with %s, not the last section's properties", last.XMLName.Local)
	} else {
		sects = append(sects, last)
		ends = append(ends, body.Nodes[len(body.Nodes)-3].attr("name"))
	}
	if len(sects) != 3 {
		t.Fatalf("%d sections for 3 parts", len(sects))
	}
	rels := map[string]string{}
	for _, rel := range p.xmlOf(t, "word/_rels/document.xml.rels").children("Relationship") {
		rels[rel.attr("Id")] = "word/" + rel.attr("Target")
	}
	for i, s := range sects {
		if i > 0 && ends[i] == ends[i-1] {
			t.Errorf("sections %d and %d end with the same bookmark %q", i, i+1, ends[i])
		}
		if got := s.path("pgNumType").attr("start"); got != "1" {
			t.Errorf("section %d: page numbers start at %q, want 1", i+1, got)
		}
		if s.child("titlePg") == nil {
			t.Errorf("section %d: no first-page header of its own", i+1)
		}
		if typ := s.child("type"); typ != nil && typ.attr("val") != "nextPage" {
			t.Errorf("section %d starts with %q, not on a new page", i+1, typ.attr("val"))
		}
		heads := map[string]string{}
		for _, ref := range s.children("headerReference") {
			heads[ref.attr("type")] = p.xmlOf(t, rels[ref.attr("id")]).text()
		}
		for _, kind := range []string{"default", "first"} {
			if !strings.Contains(heads[kind], "计算机学院党委") || !strings.Contains(heads[kind], "2026年度") {
				t.Errorf("section %d: the %s header %q lacks the organization or the period", i+1, kind, heads[kind])
			}
		}
		wantTitle := d.Title
		if i == 2 {
			wantTitle = "民主评议党员登记表（续）"
		}
		if !strings.Contains(heads["default"], wantTitle) {
			t.Errorf("section %d: the header of the following pages %q lacks the part's title %q", i+1, heads["default"], wantTitle)
		}
		if strings.Contains(heads["first"], "登记表") {
			t.Errorf("section %d: the first page's header %q repeats the title printed under it", i+1, heads["first"])
		}
		foots := s.children("footerReference")
		if len(foots) != 2 {
			t.Fatalf("section %d: %d footers, want the first page's and the others'", i+1, len(foots))
		}
		for _, ref := range foots {
			f := p.xmlOf(t, rels[ref.attr("id")])
			var instr []string
			for _, in := range f.all("instrText") {
				instr = append(instr, strings.TrimSpace(in.Text))
			}
			// 共 M 页: the page number of the bookmark at the section's end.
			if want := []string{"PAGE", "PAGEREF " + ends[i]}; ends[i] == "" || !slices.Equal(instr, want) {
				t.Errorf("section %d: footer fields %q, want %q", i+1, instr, want)
			}
			if txt := f.text(); !strings.HasPrefix(strings.TrimSpace(txt), "第 1 页 共 1 页") || !strings.Contains(txt, "打印日期：2026年12月3日") {
				t.Errorf("section %d: footer %q", i+1, txt)
			}
		}
	}
}

// TestPageCountBeforeWordCounts checks the page count the footer shows
// until Word counts the section's pages (and in applications that do not):
// the estimate of the part's pages.
func TestPageCountBeforeWordCounts(t *testing.T) {
	d := &layout.Document{Title: "民主评议党员登记表", Org: "党委"}
	d.NewPart("", "", "").Add(&layout.Paragraph{Text: "第一页"}, &layout.PageBreak{}, &layout.Paragraph{Text: "第二页"})
	long := strings.Repeat("一年来，我认真学习党的理论，积极参加组织生活，按时交纳党费。", 200)
	d.NewPart("", "", "").Add(&layout.Form{Rows: []layout.FormRow{{Fill: true, Cells: []layout.Cell{{Text: "自我评价", Label: true, Width: 22}, {Text: long}}}}})
	d.NewPart("", "", "").Add(&layout.Paragraph{Text: "一页"})
	p := renderDoc(t, d)
	rels := map[string]string{}
	for _, rel := range p.xmlOf(t, "word/_rels/document.xml.rels").children("Relationship") {
		rels[rel.attr("Id")] = "word/" + rel.attr("Target")
	}
	var counts []int
	for _, s := range p.body(t).all("sectPr") {
		foot := p.xmlOf(t, rels[s.children("footerReference")[0].attr("id")])
		runs := foot.all("r")
		// The result of the second field: the run after its "separate".
		seps := 0
		for i, r := range runs {
			if r.child("fldChar").attr("fldCharType") == "separate" {
				if seps++; seps == 2 {
					counts = append(counts, atoi(runs[i+1].text()))
				}
			}
		}
	}
	if len(counts) != 3 || counts[0] != 2 || counts[1] < 3 || counts[2] != 1 {
		t.Errorf("page counts shown %v, want 2, 3 or more (a self-assessment of 6,000 characters), 1", counts)
	}
}

// TestPageGeometry checks A4 in either orientation and the 28 mm binding
// edge: on the left of portrait pages (margin and gutter), at the top of
// landscape ones (nothing printed above it).
func TestPageGeometry(t *testing.T) {
	edge := tw(28)
	for _, landscape := range []bool{false, true} {
		d := &layout.Document{Title: "台账", Org: "党委", Landscape: landscape}
		d.NewPart("", "", "").Add(&layout.Paragraph{Text: "正文"})
		s := renderDoc(t, d).body(t).child("sectPr")
		sz, mar := s.child("pgSz"), s.child("pgMar")
		w, h := atoi(sz.attr("w")), atoi(sz.attr("h"))
		left, gutter, top, header := atoi(mar.attr("left")), atoi(mar.attr("gutter")), atoi(mar.attr("top")), atoi(mar.attr("header"))
		right, bottom := atoi(mar.attr("right")), atoi(mar.attr("bottom"))
		if !landscape {
			if w != 11906 || h != 16838 || sz.attr("orient") == "landscape" {
				t.Errorf("portrait page %d×%d %q, want A4 11906×16838", w, h, sz.attr("orient"))
			}
			if left+gutter != edge || gutter <= 0 {
				t.Errorf("portrait binding side: left %d + gutter %d, want %d (28 mm) with a gutter", left, gutter, edge)
			}
			if body := w - left - gutter - right; body < tw(167)-2 || body > tw(167)+2 {
				t.Errorf("portrait body %d twips wide, want the PDF's 167 mm", body)
			}
			continue
		}
		if w != 16838 || h != 11906 || sz.attr("orient") != "landscape" {
			t.Errorf("landscape page %d×%d %q, want A4 16838×11906 landscape", w, h, sz.attr("orient"))
		}
		if header < edge || top < edge {
			t.Errorf("landscape: header at %d, body at %d twips, want both below the 28 mm (%d) binding edge", header, top, edge)
		}
		if gutter != 0 || left != right {
			t.Errorf("landscape: left %d, gutter %d, right %d, want even sides", left, gutter, right)
		}
		if bottom <= 0 || h-top-bottom <= 0 {
			t.Errorf("landscape: bottom margin %d", bottom)
		}
	}
}

// TestTableStructure checks a table as Word has it: fixed column widths
// from the millimetres given, the group row over its columns, untitled
// groups merging the title down both header rows, header rows repeated on
// every page, rows never split, the total row bold, a Keep cell set smaller.
func TestTableStructure(t *testing.T) {
	p := renderDoc(t, sampleDoc())
	tbls := p.body(t).children("tbl")
	if len(tbls) != 2 {
		t.Fatalf("%d tables at the body's level, want the table and the form", len(tbls))
	}
	tbl := tbls[0]
	if tbl.path("tblPr", "tblLayout").attr("type") != "fixed" {
		t.Error("the table's columns are not fixed")
	}
	var grid []int
	sum := 0
	for _, g := range tbl.path("tblGrid").children("gridCol") {
		grid = append(grid, atoi(g.attr("w")))
		sum += atoi(g.attr("w"))
	}
	if want := []int{tw(12), tw(32) - tw(12), tw(56) - tw(32), tw(167) - tw(56)}; !slices.Equal(grid, want) {
		t.Errorf("grid %v, want %v (12, 20, 24 mm and the rest of 167 mm)", grid, want)
	}
	rows := tbl.children("tr")
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 2 header rows and 4", len(rows))
	}
	for i, tr := range rows {
		if tr.path("trPr", "cantSplit") == nil {
			t.Errorf("row %d may split across pages", i+1)
		}
		if head := tr.path("trPr", "tblHeader") != nil; head != (i < 2) {
			t.Errorf("row %d repeated as a header: %v", i+1, head)
		}
	}
	got := cells(tbl)
	want := [][]string{
		{"序号", "姓名", "入党日期"},
		{"", "", "入党", "转正"},
		{"1", "魏雪晴", "2019.06.01", "2020.06.01"},
		{"2", "王𬱖", "2025.05.04", ""},
		{"3", "欧阳娜娜娜娜娜", "2024.07.01", "2025.07.01"},
		{"合计", "3人", "", ""},
	}
	for i := range want {
		if i >= len(got) || !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d: %q, want %q", i+1, got[min(i, len(got)-1)], want[i])
		}
	}
	head := rows[0].children("tc")
	if head[2].path("tcPr", "gridSpan").attr("val") != "2" {
		t.Error("the group 入党日期 does not span its two columns")
	}
	for c := range 2 {
		if head[c].path("tcPr", "vMerge").attr("val") != "restart" || rows[1].children("tc")[c].path("tcPr", "vMerge") == nil {
			t.Errorf("column %d's title is not merged down both header rows", c+1)
		}
	}
	if rows[1].children("tc")[2].path("tcPr", "vMerge") != nil {
		t.Error("a title under a group is merged with it")
	}
	for _, tc := range head {
		if tc.path("tcPr", "shd").attr("fill") == "" {
			t.Error("a header cell is not shaded")
		}
	}
	for c, tc := range rows[5].children("tc") {
		for _, r := range tc.all("r") {
			if r.path("rPr", "b") == nil {
				t.Errorf("total row, cell %d: not bold", c+1)
			}
		}
	}
	for _, r := range rows[2].all("r") {
		if r.path("rPr", "b") != nil {
			t.Error("a plain row is bold")
		}
	}
	size := func(tc *node) int {
		if s := tc.all("r")[0].path("rPr", "sz"); s != nil {
			return atoi(s.attr("val"))
		}
		return halfPt(tableSize)
	}
	short, long := rows[2].children("tc")[1], rows[4].children("tc")[1]
	if size(short) != halfPt(tableSize) {
		t.Errorf("a name that fits is set at %d half-points", size(short))
	}
	if s := size(long); s >= halfPt(tableSize) || s < halfPt(keepMinSize) {
		t.Errorf("a name too long for its column is set at %d half-points, want smaller than the table's, down to %d", s, halfPt(keepMinSize))
	}
	paras := p.paragraphs(t)
	if !slices.Contains(paras, "党员名单") || !slices.Contains(paras, "注：转正日期空白者为预备党员。") {
		t.Errorf("the caption or the note is missing: %q", paras)
	}
}

// TestWordJoiners checks where text kept whole keeps its word joiners:
// where it could break (prose, a cell too narrow for it even set smaller),
// and not where it fits on its line, so that names in ledgers and forms
// are found by Word's search and copied without invisible characters.
func TestWordJoiners(t *testing.T) {
	long := layout.Keep("爱新觉罗娜娜娜娜娜娜娜娜")
	d := &layout.Document{Title: "表", Org: "党委"}
	d.NewPart("", "", "").Add(
		&layout.Paragraph{Text: "经研究,同意" + layout.Keep("转字〔2026〕第017号") + "介绍信。"},
		&layout.Table{Columns: []layout.Column{{Title: "姓名", Width: 20, Keep: true}, {Title: "说明"}},
			Rows: []layout.Row{{Cells: []string{layout.Keep("魏雪晴"), "请假:" + layout.Keep("张三") + "(出差)"}}, {Cells: []string{long}}}},
		&layout.Form{Rows: []layout.FormRow{{Cells: []layout.Cell{{Text: "姓名", Label: true, Width: 22}, {Text: layout.Keep("魏雪晴")}}}}},
	)
	p := renderDoc(t, d)
	body := p.body(t)
	if got := body.children("p")[1].text(); got != "经研究，同意转\u2060字\u2060〔\u20602\u20600\u20602\u20606\u2060〕\u2060第\u20600\u20601\u20607\u2060号介绍信。" {
		t.Errorf("prose %q: the document number lost its word joiners", got)
	}
	tbls := body.children("tbl")
	rows := cells(tbls[0])
	if rows[1][0] != "魏雪晴" || rows[1][1] != "请假：张三（出差）" {
		t.Errorf("cells that fit %q still have word joiners", rows[1])
	}
	if rows[2][0] != long {
		t.Errorf("a name too long for its column even set small lost its word joiners: %q", rows[2][0])
	}
	if got := cells(tbls[1])[0][1]; got != "魏雪晴" {
		t.Errorf("form cell %q", got)
	}
}

// TestProse checks headings, the two-character first-line indent, the
// full-width punctuation of Chinese text, escaping, and characters outside
// the BMP written as they are.
func TestProse(t *testing.T) {
	d := &layout.Document{Title: "标题:<一>", Org: "党委"}
	d.NewPart("", "", "").Add(
		&layout.Heading{Text: "一、学习情况", Level: 1},
		&layout.Heading{Text: "(一)集中学习", Level: 2},
		&layout.Paragraph{Text: "组织委员:魏𬱖(预备党员)讲授党课;时间10:30。\n第二段 a&b <c>", Indent: true},
		&layout.Paragraph{Text: "落款", Align: layout.Right},
	)
	p := renderDoc(t, d)
	body := p.body(t)
	ps := body.children("p")
	want := []string{"标题：<一>", "一、学习情况", "（一）集中学习", "组织委员：魏𬱖（预备党员）讲授党课；时间10:30。", "第二段 a&b <c>", "落款"}
	for i, w := range want {
		if i >= len(ps) || ps[i].text() != w {
			t.Fatalf("paragraphs %q, want %q first", p.paragraphs(t), want)
		}
	}
	style := func(i int) string { return ps[i].path("pPr", "pStyle").attr("val") }
	if style(0) != "Title" || style(1) != "Heading1" || style(2) != "Heading2" {
		t.Errorf("styles %q %q %q, want Title, Heading1, Heading2", style(0), style(1), style(2))
	}
	for _, i := range []int{3, 4} {
		ind := ps[i].path("pPr", "ind")
		if ind.attr("firstLineChars") != "200" {
			t.Errorf("paragraph %d: first-line indent %q chars, want 200 (two characters)", i, ind.attr("firstLineChars"))
		}
	}
	if ps[5].path("pPr", "ind") != nil || ps[5].path("pPr", "jc").attr("val") != "right" {
		t.Error("the right-aligned paragraph is indented or not right-aligned")
	}
	if !bytes.Contains(p.parts["word/document.xml"], []byte("魏𬱖")) {
		t.Error("a character outside the BMP is not written as UTF-8")
	}
	if !bytes.Contains(p.parts["docProps/core.xml"], []byte("<dc:title>标题:&lt;一&gt;</dc:title>")) {
		t.Errorf("core properties: %s", p.parts["docProps/core.xml"])
	}
}

// TestStylesNameTheFaces checks the faces: 宋体 for the body, 黑体 for
// headings and table headers, 方正小标宋简体 for titles with its
// alternative in the font table.
func TestStylesNameTheFaces(t *testing.T) {
	p := renderDoc(t, sampleDoc())
	styles := p.xmlOf(t, "word/styles.xml")
	east := func(id string) string {
		for _, s := range styles.children("style") {
			if s.attr("styleId") == id {
				return s.path("rPr", "rFonts").attr("eastAsia")
			}
		}
		return ""
	}
	if got := styles.path("docDefaults", "rPrDefault", "rPr", "rFonts").attr("eastAsia"); got != "宋体" {
		t.Errorf("body face %q, want 宋体", got)
	}
	for id, want := range map[string]string{"Title": "方正小标宋简体", "Heading1": "黑体", "Heading2": "黑体", "TableHead": "黑体", "TableCaption": "黑体"} {
		if got := east(id); got != want {
			t.Errorf("style %s: face %q, want %q", id, got, want)
		}
	}
	fonts := p.xmlOf(t, "word/fontTable.xml")
	for _, f := range fonts.children("font") {
		if f.attr("name") == "方正小标宋简体" {
			if f.child("altName").attr("val") == "" || f.child("charset").attr("val") != "86" {
				t.Error("the title face has no alternative or is not marked GB 2312")
			}
			return
		}
	}
	t.Error("the font table does not describe the title face")
}

// TestFormStructure checks a form: one grid for rows whose cells do not
// line up, labels shaded, rows at least their height and not split but
// the Fill row, which is given most of the page, and the signature lines
// right-aligned at the foot of their cell.
func TestFormStructure(t *testing.T) {
	p := renderDoc(t, sampleDoc())
	tbls := p.body(t).children("tbl")
	form := tbls[len(tbls)-1]
	var grid []int
	for _, g := range form.path("tblGrid").children("gridCol") {
		grid = append(grid, atoi(g.attr("w")))
	}
	// The rows' cell edges: 22 | 83.5 | 105.5 | 167 mm in the first row (the
	// cells without a width share what is left), 22 | 107 | 129 | 167 in
	// the second; the grid has them all.
	rows := form.children("tr")
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 4 and the signature row", len(rows))
	}
	for i, want := range [][]float64{{22, 83.5, 105.5, 167}, {22, 107, 129, 167}} {
		col, x := 0, 0
		for j, tc := range rows[i].children("tc") {
			span := max(atoi(tc.path("tcPr", "gridSpan").attr("val")), 1)
			width := 0
			for _, g := range grid[col : col+span] {
				width += g
			}
			if atoi(tc.path("tcPr", "tcW").attr("w")) != width {
				t.Errorf("row %d, cell %d: width %s, its grid columns %d", i+1, j+1, tc.path("tcPr", "tcW").attr("w"), width)
			}
			col += span
			x += width
			if x < tw(want[j])-4 || x > tw(want[j])+4 {
				t.Errorf("row %d, cell %d ends at %d twips, want %.1f mm (%d)", i+1, j+1, x, want[j], tw(want[j]))
			}
		}
		if col != len(grid) {
			t.Errorf("row %d spans %d of the grid's %d columns", i+1, col, len(grid))
		}
	}
	for i, tr := range rows {
		for j, tc := range tr.children("tc") {
			label := j == 0 || (i < 2 && j == 2)
			shaded := tc.path("tcPr", "shd") != nil
			if label && !shaded {
				t.Errorf("row %d: label cell %d is not shaded", i+1, j+1)
			}
			if !label && shaded {
				t.Errorf("row %d: value cell %d is shaded", i+1, j+1)
			}
		}
	}
	height := func(tr *node) int { return atoi(tr.path("trPr", "trHeight").attr("val")) }
	if h := height(rows[0]); h < tw(10)-1 {
		t.Errorf("a row of Height 10 mm is %d twips high", h)
	}
	fill := rows[2]
	if fill.path("trPr", "cantSplit") != nil {
		t.Error("the Fill row may not run on to the next page")
	}
	for _, i := range []int{0, 1, 3, 4} {
		if rows[i].path("trPr", "cantSplit") == nil {
			t.Errorf("row %d may split", i+1)
		}
	}
	if h := height(fill) + height(rows[3]); h < tw(120) {
		t.Errorf("the Fill row is %d twips high, want most of the page", h)
	}
	if got := rowTexts(fill)[0]; got != "个\n人\n自\n我\n评\n价" {
		t.Errorf("the tall label reads %q, want a character a line", got)
	}
	if got := rowTexts(fill)[1]; got != "一年来，我认真学习。\n积极参加组织生活。" {
		t.Errorf("the self-assessment reads %q", got)
	}
	signRow := rows[3]
	tcs := signRow.children("tc")
	if tcs[0].path("tcPr", "vMerge") == nil || tcs[0].path("tcPr", "vMerge").attr("val") == "restart" {
		t.Error("the label does not continue down the signature row")
	}
	sign := tcs[1]
	para := sign.child("p")
	if para.text() != "本人签字：________________　　　　年　　月　　日" {
		t.Errorf("signature line %q", para.text())
	}
	if para.path("pPr", "pStyle").attr("val") != "Sign" || sign.path("tcPr", "vAlign").attr("val") != "bottom" {
		t.Error("the signature line is not right-aligned at the cell's foot")
	}
	if fill.children("tc")[1].path("tcPr", "tcBorders", "bottom").attr("val") != "nil" ||
		sign.path("tcPr", "tcBorders", "top").attr("val") != "nil" {
		t.Error("a rule divides the text from its signature line")
	}
}

// TestFieldsSignaturesBreaks checks the field line, signature lines, a
// spacer and a page break.
func TestFieldsSignaturesBreaks(t *testing.T) {
	p := renderDoc(t, sampleDoc())
	var fields, signs []*node
	var breaks, spacers int
	for _, para := range p.body(t).children("p") {
		switch para.path("pPr", "pStyle").attr("val") {
		case "FieldLine":
			fields = append(fields, para)
		case "Sign":
			signs = append(signs, para)
		}
		for _, br := range para.all("br") {
			if br.attr("type") == "page" {
				breaks++
			}
		}
		if para.path("pPr", "spacing").attr("lineRule") == "exact" && para.path("pPr", "spacing").attr("line") == strconv.Itoa(tw(4)) {
			spacers++
		}
	}
	if len(fields) != 1 || fields[0].text() != "填报单位：第一党支部\t填表人：________________\t报出日期：2026年12月3日" {
		t.Fatalf("field line %q", p.paragraphs(t))
	}
	if tabs := fields[0].path("pPr", "tabs").children("tab"); len(tabs) != 2 || tabs[1].attr("val") != "right" {
		t.Error("the field line is not spread to the right edge")
	}
	wantSigns := []string{"党支部书记签字：________________　　　　年　　月　　日", "党支部（盖章）________________　　　　年　　月　　日"}
	if len(signs) != 2 || signs[0].text() != wantSigns[0] || signs[1].text() != wantSigns[1] {
		var got []string
		for _, s := range signs {
			got = append(got, s.text())
		}
		t.Errorf("signature lines %q, want %q", got, wantSigns)
	}
	if breaks != 1 {
		t.Errorf("%d page breaks, want 1", breaks)
	}
	if spacers != 1 {
		t.Errorf("%d spacers of 4 mm, want 1", spacers)
	}
}

// TestFieldsWrapAsThePDF checks that field items go on as many lines as
// they need, as many on a line as fit, spread to the right edge.
func TestFieldsWrapAsThePDF(t *testing.T) {
	d := &layout.Document{Title: "党内统计汇总", Org: "党委"}
	d.NewPart("", "", "").Add(&layout.Fields{Items: []layout.Field{
		{Label: "填报单位(盖章)", Value: "计算机科学与技术学院党委"}, {Label: "填表人"}, {Label: "报出日期", Value: "2026年11月26日"},
		{Label: "统计截止日期", Value: "2026年11月26日"}, {Label: "单位", Value: "名"}}})
	var lines []string
	for _, p := range renderDoc(t, d).body(t).children("p") {
		if p.path("pPr", "pStyle").attr("val") != "FieldLine" {
			continue
		}
		lines = append(lines, p.text())
		tabs := p.path("pPr", "tabs").children("tab")
		items := strings.Count(p.text(), "\t") + 1
		if items > 1 && (len(tabs) != items-1 || tabs[len(tabs)-1].attr("val") != "right" || atoi(tabs[len(tabs)-1].attr("pos")) != tw(167)) {
			t.Errorf("line %q: tab stops %d, want %d ending at the right edge", p.text(), len(tabs), items-1)
		}
	}
	items := strings.Split(strings.Join(lines, "\t"), "\t")
	want := []string{"填报单位（盖章）：计算机科学与技术学院党委", "填表人：________________", "报出日期：2026年11月26日",
		"统计截止日期：2026年11月26日", "单位：名"}
	if len(lines) < 2 || len(lines) > 3 || !slices.Equal(items, want) {
		t.Errorf("field lines %q, want the items %q in order on two or three lines", lines, want)
	}
}

// TestEmptyDocumentHasItsTitle checks that a document without parts is
// still a page with its title.
func TestEmptyDocumentHasItsTitle(t *testing.T) {
	p := renderDoc(t, &layout.Document{Title: "组织关系转接台账", Org: "党委"})
	if got := p.paragraphs(t); len(got) == 0 || got[0] != "组织关系转接台账" {
		t.Errorf("paragraphs %q, want the title", got)
	}
}

// TestRenderStopsWhenCancelled checks that a cancelled render gives the
// context's error.
func TestRenderStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Render(ctx, sampleDoc(), &bytes.Buffer{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestTextXMLCannotHold checks that control characters and bytes that are
// not UTF-8 in user text still give a well-formed document.
func TestTextXMLCannotHold(t *testing.T) {
	d := &layout.Document{Title: "表\x00\x1b", Org: "党委\xff"}
	d.NewPart("", "", "").Add(&layout.Paragraph{Text: "a\x01b\uFFFEc\xc3"})
	p := renderDoc(t, d)
	for _, name := range p.order {
		var n node
		if err := xml.Unmarshal(p.parts[name], &n); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if got := p.paragraphs(t)[1]; got != "abc\uFFFD" {
		t.Errorf("paragraph %q, want %q", got, "abc\uFFFD")
	}
}
