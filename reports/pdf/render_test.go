package pdf

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/sfnt"

	"dangjian/reports/layout"
)

// renderPrinted is the print date of the rendered test documents.
var renderPrinted = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)

// renderedDoc is a layout.Document rendered to a file.
type renderedDoc struct {
	path  string
	res   Result
	pages []string // pdftotext -layout, page by page
}

// needPoppler skips a test when poppler's tools are not installed.
func needPoppler(t *testing.T) {
	t.Helper()
	for _, name := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(name); err != nil {
			t.Skipf("%s is not installed (poppler-utils, installed by scripts/deps.sh)", name)
		}
	}
}

// renderDoc renders d and reads it back with pdftotext.
func renderDoc(t *testing.T, d *layout.Document) renderedDoc {
	t.Helper()
	needPoppler(t)
	if d.Printed.IsZero() {
		d.Printed = renderPrinted
	}
	var buf bytes.Buffer
	res, err := Render(context.Background(), d, &buf)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := pageCount(t, path); n != res.Pages {
		t.Errorf("Result.Pages = %d, the PDF has %d", res.Pages, n)
	}
	text := tool(t, "pdftotext", "-layout", path, "-")
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	return renderedDoc{path: path, res: res, pages: pages}
}

// all is the document's text without spaces and line ends.
func (r renderedDoc) all() string {
	return strings.Join(strings.Fields(strings.Join(r.pages, "")), "")
}

// testDoc is a document with the running header's texts set.
func testDoc(landscape bool) *layout.Document {
	return &layout.Document{Title: "党员花名册", Org: "计算机学院党委", Period: "截至2026年12月3日",
		Printed: renderPrinted, Landscape: landscape}
}

// lines returns n paragraphs of numbered Chinese sentences.
func sentences(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "第%d句认真学习党的创新理论并联系实际开展工作。", i)
	}
	return b.String()
}

func TestRenderNumbersPagesPerPart(t *testing.T) {
	d := testDoc(false)
	d.NewPart("", "", "甲").Add(&layout.Paragraph{Text: "第一部分"})
	p := d.NewPart("民主评议党员登记表", "（2026年度）", "乙")
	p.Add(&layout.Paragraph{Text: "第二部分"}, &layout.PageBreak{}, &layout.Paragraph{Text: "第二部分之二"})
	d.NewPart("", "", "丙").Add(&layout.Paragraph{Text: "第三部分"})
	r := renderDoc(t, d)
	want := []string{"第1页共1页", "第1页共2页", "第2页共2页", "第1页共1页"}
	if len(r.pages) != len(want) {
		t.Fatalf("%d pages, want %d", len(r.pages), len(want))
	}
	for i, w := range want {
		if !strings.Contains(strings.ReplaceAll(r.pages[i], " ", ""), w) {
			t.Errorf("page %d lacks %q:\n%s", i+1, w, r.pages[i])
		}
		if !strings.Contains(r.pages[i], "打印日期：2026年12月3日") {
			t.Errorf("page %d lacks the print date:\n%s", i+1, r.pages[i])
		}
		if !strings.Contains(r.pages[i], "计算机学院党委") || !strings.Contains(r.pages[i], "截至2026年12月3日") {
			t.Errorf("page %d lacks the running header:\n%s", i+1, r.pages[i])
		}
	}
	if !strings.Contains(r.pages[0], "党员花名册") || !strings.Contains(r.pages[1], "民主评议党员登记表") ||
		!strings.Contains(r.pages[1], "（2026年度）") {
		t.Errorf("part titles missing:\n%s\n%s", r.pages[0], r.pages[1])
	}
	// A part's later page names its title in the running header only.
	if !strings.Contains(r.pages[2], "民主评议党员登记表") || strings.Contains(r.pages[2], "（2026年度）") {
		t.Errorf("the second page of a part:\n%s", r.pages[2])
	}
}

// word is a word pdftotext -bbox found, in points.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// words reads every word's box with pdftotext -bbox.
func words(t *testing.T, path string) []word {
	t.Helper()
	var out []word
	for i, page := range strings.Split(tool(t, "pdftotext", "-bbox", path, "-"), "<page ") {
		for _, m := range bboxWord.FindAllStringSubmatch(page, -1) {
			w := word{page: i, text: m[5]}
			w.xMin, _ = strconv.ParseFloat(m[1], 64)
			w.yMin, _ = strconv.ParseFloat(m[2], 64)
			w.xMax, _ = strconv.ParseFloat(m[3], 64)
			w.yMax, _ = strconv.ParseFloat(m[4], 64)
			out = append(out, w)
		}
	}
	return out
}

const ptPerMM = 72 / 25.4

func TestRenderKeepsTheBindingEdgeFree(t *testing.T) {
	for _, landscape := range []bool{false, true} {
		d := testDoc(landscape)
		p := d.NewPart("", "", "")
		p.Add(&layout.Paragraph{Text: sentences(30), Indent: true},
			&layout.Table{Columns: []layout.Column{{Title: "姓名", Width: 20}, {Title: "备注"}},
				Rows: []layout.Row{{Cells: []string{"张三", "无"}}}},
			&layout.Fields{Items: []layout.Field{{Label: "填报单位", Value: "计算机学院党委"}, {Label: "填表人"}}})
		r := renderDoc(t, d)
		info := tool(t, "pdfinfo", r.path)
		size := "595.28 x 841.89 pts (A4)"
		if landscape {
			size = "841.89 x 595.28 pts (A4)"
		}
		if !strings.Contains(info, size) {
			t.Errorf("landscape %v: page size:\n%s", landscape, info)
		}
		ws := words(t, r.path)
		if len(ws) == 0 {
			t.Fatal("no words read back")
		}
		for _, w := range ws {
			if !landscape && w.xMin < 28*ptPerMM-0.5 {
				t.Errorf("portrait: %q starts at %.1f mm, inside the 28 mm binding edge", w.text, w.xMin/ptPerMM)
			}
			if landscape && w.yMin < 28*ptPerMM-0.5 {
				t.Errorf("landscape: %q at %.1f mm from the top, inside the 28 mm binding edge", w.text, w.yMin/ptPerMM)
			}
		}
	}
}

// rosterTable is a table of n members with a Keep name column.
func rosterTable(n int) *layout.Table {
	t := &layout.Table{Caption: "一、党员名单",
		Groups: []layout.Group{{Span: 2}, {Title: "党籍", Span: 2}},
		Columns: []layout.Column{{Title: "序号", Width: 12, Align: layout.Center}, {Title: "姓名", Width: 18, Keep: true},
			{Title: "入党日期", Width: 25}, {Title: "党员类别", Width: 25}}, Note: "注:按姓氏笔画排列。"}
	for i := range n {
		t.Rows = append(t.Rows, layout.Row{Cells: []string{strconv.Itoa(i + 1), layout.Keep("张三"), "2020.07.01", "正式党员"},
			Record: "张三"})
	}
	return t
}

func TestRenderRepeatsTheTableHeaderOnEveryPage(t *testing.T) {
	d := testDoc(false)
	d.NewPart("", "", "").Add(rosterTable(150))
	r := renderDoc(t, d)
	if len(r.pages) < 2 {
		t.Fatalf("150 rows on %d page(s)", len(r.pages))
	}
	for i, p := range r.pages {
		for _, h := range []string{"序号", "姓名", "入党日期", "党籍"} {
			if !strings.Contains(p, h) {
				t.Errorf("page %d lacks the header %q", i+1, h)
			}
		}
	}
	all := r.all()
	for _, n := range []string{"149", "150"} {
		if !strings.Contains(all, n+"张三2020.07.01正式党员") {
			t.Errorf("row %s missing", n)
		}
	}
	if !strings.Contains(all, "注：按姓氏笔画排列。") {
		t.Error("the note is missing or not typeset")
	}
}

func TestRenderNeverBreaksAKeptName(t *testing.T) {
	d := testDoc(false)
	number := layout.Keep("转字〔2026〕第017号")
	// Too long for 14 mm even at the least size: broken, as a last resort,
	// where no word joiner holds it (beside the ·).
	twoNames := layout.Keep("欧阳雪晴") + "·" + layout.Keep("玛丽亚")
	d.NewPart("", "", "").Add(&layout.Table{
		Columns: []layout.Column{{Title: "姓名", Width: 14, Keep: true}, {Title: "单位", Width: 14},
			{Title: "介绍信编号", Width: 30, Keep: true}},
		Rows: []layout.Row{{Cells: []string{layout.Keep("欧阳雪晴"), "计算机科学与技术学院", number}},
			{Cells: []string{twoNames}}}})
	r := renderDoc(t, d)
	text := strings.Join(r.pages, "")
	for _, kept := range []string{"欧阳雪晴", "转字〔2026〕第017号", "玛丽亚"} {
		if strings.Count(text, kept) != map[bool]int{true: 2, false: 1}[kept == "欧阳雪晴"] {
			t.Errorf("%q was broken:\n%s", kept, text)
		}
	}
	// A plain column wraps its text instead.
	if strings.Contains(text, "计算机科学与技术学院") {
		t.Errorf("the 14 mm column did not wrap:\n%s", text)
	}
	// The name set smaller stays inside its column, and legible.
	found := false
	for _, w := range words(t, r.path) {
		if w.text != "欧阳雪晴" || w.page != 1 {
			continue
		}
		found = true
		if edge := 28 + 14 - padH + 0.1; w.xMax > edge*ptPerMM {
			t.Errorf("欧阳雪晴 ends at %.1f mm, past its column's text edge at %.1f mm", w.xMax/ptPerMM, edge)
		}
		if w.yMax-w.yMin < keepMinSize*0.95 {
			t.Errorf("欧阳雪晴 is set %.1f pt high, under %v pt", w.yMax-w.yMin, keepMinSize)
		}
	}
	if !found {
		t.Error("欧阳雪晴 was not read back as one word")
	}
}

// asciiBetweenCJK finds ASCII punctuation between two Chinese characters.
var asciiBetweenCJK = regexp.MustCompile(`\p{Han}\s*[,:;()!?]\s*\p{Han}`)

func TestRenderTypesetsEveryText(t *testing.T) {
	d := testDoc(false)
	d.Org = "计算机学院(党委)"
	p := d.NewPart("学习,讨论", "", "")
	p.Add(&layout.Heading{Text: "一、学习:讨论"},
		&layout.Paragraph{Text: "会议(扩大)召开,学习;讨论:总结!"},
		&layout.Table{Caption: "表一:名单", Columns: []layout.Column{{Title: "姓名,性别"}, {Title: "编号", Keep: true}},
			Rows: []layout.Row{{Cells: []string{"张三,男", layout.Keep("转字(2026)第1号")}}}},
		&layout.Form{Rows: []layout.FormRow{{Cells: []layout.Cell{{Text: "意见:", Label: true}, {Text: "同意,上报"}}}}},
		&layout.Fields{Items: []layout.Field{{Label: "填表人:", Value: "李四"}}},
		&layout.Signatures{Lines: []layout.SignLine{{Who: "书记签字:", Date: true}}})
	r := renderDoc(t, d)
	text := strings.Join(r.pages, "")
	if m := asciiBetweenCJK.FindAllString(text, -1); len(m) > 0 {
		t.Errorf("ASCII punctuation between Chinese characters: %q\n%s", m, text)
	}
	for _, want := range []string{"会议（扩大）召开，学习；讨论：总结！", "张三，男", "转字（2026）第1号", "同意，上报", "填表人：", "书记签字："} {
		if !strings.Contains(r.all(), want) {
			t.Errorf("%q missing:\n%s", want, text)
		}
	}
}

func TestRenderContinuesALongFillTextOnFollowingPages(t *testing.T) {
	d := testDoc(false)
	long := sentences(160)
	p := d.NewPart("民主评议党员登记表", "", "张三")
	p.Add(&layout.Form{Rows: []layout.FormRow{
		{Cells: []layout.Cell{{Text: "姓名", Label: true, Width: 25}, {Text: layout.Keep("张三")}, {Text: "性别", Label: true, Width: 25}, {Text: "男"}}, Height: 10},
		{Cells: []layout.Cell{{Text: "自我评价", Label: true, Width: 25},
			{Text: long, Sign: []layout.SignLine{{Who: "本人签字:", Date: true}}}}, Fill: true},
		{Cells: []layout.Cell{{Text: "党支部意见", Label: true, Width: 25},
			{Sign: []layout.SignLine{{Who: "党支部书记签字:", Seal: true, Date: true}}}}, Height: 35},
	}})
	r := renderDoc(t, d)
	if len(r.pages) < 3 {
		t.Fatalf("%d pages; the text needs two 续页", len(r.pages))
	}
	// (本人签字 goes under the text's end, on the last 续页: render_fix_test.go)
	if first := strings.Join(strings.Fields(r.pages[0]), ""); !strings.Contains(first, "党支部书记签字：（盖章）") {
		t.Errorf("the rows after the Fill row are not on the first page:\n%s", r.pages[0])
	}
	for i, pg := range r.pages[1:] {
		if !strings.Contains(pg, "民主评议党员登记表（续页）") || !strings.Contains(pg, "自") {
			t.Errorf("续页 %d lacks its title or the row's label:\n%s", i+1, pg)
		}
	}
	// The text read back, in order, without page furniture, is the whole text.
	var got strings.Builder
	for _, line := range strings.Split(strings.Join(r.pages, "\n"), "\n") {
		// A line of the text is the last field of its line (the label's
		// characters come before it); each holds a 句 at this width.
		f := strings.Fields(line)
		if len(f) > 0 && strings.Contains(f[len(f)-1], "句") {
			got.WriteString(f[len(f)-1])
		}
	}
	if !strings.Contains(strings.ReplaceAll(got.String(), contMark, ""), long) {
		t.Errorf("the text is not complete across pages:\n%s", got.String())
	}
	// Form text is never set below 9 pt: the smallest word box is a 9 pt line.
	for _, w := range words(t, r.path) {
		if h := w.yMax - w.yMin; h < 9*0.95 {
			t.Errorf("%q is %.1f pt high", w.text, h)
			break
		}
	}
}

func TestRenderNamesTheRecordOfAMissingCharacter(t *testing.T) {
	d := testDoc(false)
	d.NewPart("", "", "第一党支部").Add(&layout.Table{Columns: []layout.Column{{Title: "姓名"}},
		Rows: []layout.Row{{Cells: []string{"王\uE0FF"}, Record: "王某（工号1001）"}, {Cells: []string{"李四"}}}})
	d.NewPart("", "", "第二党支部").Add(&layout.Paragraph{Text: "刘\U0002A6DF与王\U0002CC56"})
	r := renderDoc(t, d)
	if len(r.res.Missing) == 0 || r.res.Missing[0].Record != "王某（工号1001）" ||
		len(r.res.Missing[0].Chars) != 1 || r.res.Missing[0].Chars[0] != '\uE0FF' {
		t.Fatalf("Missing = %+v, want U+E0FF named under the row's record", r.res.Missing)
	}
	// The character is printed (as the face's empty box), not dropped.
	if !strings.Contains(r.all(), "王\uE0FF") || !strings.Contains(r.all(), "李四") {
		t.Errorf("the name with the missing character or the rest did not print:\n%s", r.pages[0])
	}
	// Characters outside the BMP print when a face has them, and are named
	// when none has; either way the document renders.
	g := newGlyphCache(mustParse(t))
	for _, c := range []rune{0x2A6DF, 0x2CC56} {
		if _, ok := g.get(c); ok {
			if !strings.Contains(r.all(), string(c)) {
				t.Errorf("U+%X, which the face has, did not print:\n%s", c, r.pages[1])
			}
			continue
		}
		found := false
		for _, m := range r.res.Missing {
			if m.Record == "第二党支部" && containsRune(m.Chars, c) {
				found = true
			}
		}
		if !found {
			t.Errorf("U+%X is missing from the face but not reported: %+v", c, r.res.Missing)
		}
	}
}

func mustParse(t *testing.T) *faceInfo {
	t.Helper()
	fi, err := parsedFace(faceData(faceSong))
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

func containsRune(rs []rune, c rune) bool {
	for _, r := range rs {
		if r == c {
			return true
		}
	}
	return false
}

func TestRenderDrawsFieldsSignaturesAndEmptyDocuments(t *testing.T) {
	d := testDoc(true)
	p := d.NewPart("党内统计报表", "", "")
	p.Add(&layout.Fields{Items: []layout.Field{{Label: "填报单位", Value: "计算机学院党委"}, {Label: "填表人"},
		{Label: "报出日期", Value: layout.ProseDate(renderPrinted)}}},
		&layout.Spacer{MM: 5},
		&layout.Signatures{Lines: []layout.SignLine{{Who: "经办人签字:"}, {Who: "党支部", Seal: true, Date: true}}})
	r := renderDoc(t, d)
	for _, want := range []string{"填报单位：计算机学院党委", "填表人：", "报出日期：2026年12月3日", "经办人签字：", "党支部（盖章）", "年", "月", "日"} {
		if !strings.Contains(r.all(), want) {
			t.Errorf("%q missing:\n%s", want, r.pages[0])
		}
	}
	empty := renderDoc(t, &layout.Document{Title: "空文档"})
	if len(empty.pages) != 1 || !strings.Contains(empty.pages[0], "空文档") {
		t.Errorf("an empty document: %q", empty.pages)
	}
}

func TestRenderStopsWhenCancelled(t *testing.T) {
	d := testDoc(false)
	d.NewPart("", "", "").Add(rosterTable(2000))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if _, err := Render(ctx, d, &buf); err == nil || buf.Len() != 0 {
		t.Errorf("cancelled: err %v, %d bytes written", err, buf.Len())
	}
}

// Documents a builder might get wrong still render, whole, without a panic.
func TestRenderToleratesOddDocuments(t *testing.T) {
	d := testDoc(false)
	p := d.NewPart("", "", "")
	p.Add(&layout.Table{Groups: []layout.Group{{Title: "全部", Span: 9}},
		Columns: []layout.Column{{Title: "甲", Width: 150}, {Title: "乙", Width: 150}, {Title: "丙"}},
		Rows:    []layout.Row{{Cells: []string{"一", "二", "三", "多余"}}, {Cells: nil, Total: true}, {Cells: []string{"合计", "", "9"}, Total: true}}},
		&layout.Table{},
		&layout.Form{},
		&layout.Form{Rows: []layout.FormRow{{Cells: []layout.Cell{{Text: "仅有标签", Label: true}}, Fill: true},
			{Cells: []layout.Cell{{Text: "很高的行"}}, Height: 400}}},
		&layout.Spacer{MM: 1000},
		&layout.Heading{Text: "末尾的标题", Level: 2},
		&layout.Paragraph{Text: "甲\n\n乙", Align: layout.Right, Size: 14},
		&layout.Signatures{}, &layout.Fields{})
	r := renderDoc(t, d)
	all := r.all()
	for _, want := range []string{"全部", "一", "二", "三", "合计", "仅有标签", "很高的行", "末尾的标题", "甲", "乙"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q missing", want)
		}
	}
	if strings.Contains(all, "多余") {
		t.Error("a cell beyond the columns was printed")
	}
}

// The three print faces are embedded, each under its own name, when the
// assets have them.
func TestRenderEmbedsTheTitleHeiAndSongFaces(t *testing.T) {
	names := map[face]string{}
	for f := range faceCount {
		fi, err := parsedFace(faceData(f))
		if err != nil {
			t.Fatal(err)
		}
		name, err := fi.font.Name(nil, sfnt.NameIDPostScript)
		if err != nil {
			t.Fatal(err)
		}
		names[f] = name
	}
	if names[faceSong] == names[faceHei] || names[faceSong] == names[faceTitle] {
		t.Skipf("the print faces are not all bundled yet: %v", names)
	}
	d := testDoc(false)
	d.NewPart("", "", "").Add(&layout.Heading{Text: "一、标题"}, &layout.Paragraph{Text: "正文"})
	fonts := tool(t, "pdffonts", renderDoc(t, d).path)
	for _, family := range faceFamilies {
		if !strings.Contains(fonts, "utf8"+family+" ") {
			t.Errorf("the face %s is not embedded:\n%s", family, fonts)
		}
	}
}

// A row taller than a page is the one row split across pages: its text
// goes on under the repeated header, whole.
func TestRenderSplitsOnlyARowTallerThanAPage(t *testing.T) {
	d := testDoc(false)
	long := sentences(60)
	d.NewPart("", "", "").Add(&layout.Table{
		Columns: []layout.Column{{Title: "序号", Width: 12}, {Title: "缺席人员及原因", Width: 30}, {Title: "备注"}},
		Rows:    []layout.Row{{Cells: []string{"1", "甲"}}, {Cells: []string{"2", long, "乙"}}, {Cells: []string{"3", "丙"}}}})
	r := renderDoc(t, d)
	if len(r.pages) < 3 {
		t.Fatalf("%d pages", len(r.pages))
	}
	for i, pg := range r.pages {
		if !strings.Contains(strings.Join(strings.Fields(pg), ""), "缺席人员及原因") {
			t.Errorf("page %d lacks the header", i+1)
		}
	}
	// The column's words, in the order drawn, are the cell's text.
	var got strings.Builder
	for _, w := range words(t, r.path) {
		if w.xMin > 40*ptPerMM && w.xMax < 70*ptPerMM && strings.ContainsAny(w.text, "第句认真学习党的创新理论并联系实际开展工作。0123456789") {
			got.WriteString(w.text)
		}
	}
	if !strings.Contains(got.String(), strings.ReplaceAll(long, " ", "")) {
		t.Errorf("the long cell is not whole across pages:\n%s", got.String())
	}
	if !strings.Contains(r.all(), "3丙") {
		t.Error("the row after the long one is missing")
	}
}

// A cell's line ends are kept: in a Keep column each line is measured by
// itself, so two short lines are not set smaller.
func TestRenderKeepsLineEndsInCells(t *testing.T) {
	d := testDoc(false)
	d.NewPart("", "", "").Add(&layout.Table{
		Columns: []layout.Column{{Title: "姓名", Width: 14, Keep: true}, {Title: "备注", Width: 40}},
		Rows:    []layout.Row{{Cells: []string{layout.Keep("方诗涵") + "\n已转出", "甲\n乙"}}}})
	r := renderDoc(t, d)
	seen := map[string]bool{}
	for _, w := range words(t, r.path) {
		switch w.text {
		case "方诗涵", "已转出":
			if h := w.yMax - w.yMin; h < tableSize*0.95 {
				t.Errorf("%s is set %.1f pt high: shrunk", w.text, h)
			}
		case "甲", "乙":
		default:
			continue
		}
		seen[w.text] = true
	}
	if len(seen) != 4 {
		t.Errorf("read back %v, want 方诗涵, 已转出, 甲 and 乙 as words of their own", seen)
	}
}
