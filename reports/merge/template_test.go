package merge

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

func rec(values map[string]string) *Record { return &Record{Values: values} }

// A placeholder Word split over runs (spell-check marks, a change of
// format inside it) is found; its value takes the formatting of the run
// where it starts; text after it keeps its own run and formatting.
func TestSplitPlaceholderTakesTheFormattingOfItsFirstRun(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">兹有</w:t></w:r>` +
		`<w:r><w:rPr><w:b/></w:rPr><w:t>{{</w:t></w:r>` +
		`<w:proofErr w:type="spellStart"/><w:r><w:lastRenderedPageBreak/><w:t>姓</w:t></w:r><w:proofErr w:type="spellEnd"/>` +
		`<w:bookmarkStart w:id="0" w:name="x"/><w:bookmarkEnd w:id="0"/>` +
		`<w:r><w:rPr><w:i/></w:rPr><w:t>名}}同志</w:t></w:r></w:p>`
	out := fill(t, makeDocx(t, body, "", ""), rec(map[string]string{"姓名": "王堃"}))
	ps := paragraphs(t, out["word/document.xml"])
	if len(ps) != 1 {
		t.Fatalf("paragraphs = %d, want 1", len(ps))
	}
	want := []readRun{{text: "兹有"}, {text: "王堃", bold: true}, {text: ""}, {text: "同志", italic: true}}
	if !slices.Equal(ps[0].runs, want) {
		t.Errorf("runs = %+v, want %+v", ps[0].runs, want)
	}
}

// Outside the placeholders the document is the template's, byte for
// byte: a part without placeholders is copied as it is, and in the main
// document only the w:t holding a placeholder changes.
func TestTheRestOfTheTemplateIsKeptByteForByte(t *testing.T) {
	body := `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr><w:t>{{姓名}}</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>入党日期</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{{入党日期}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	parts := docxParts(body, para("页眉"), para("页脚"))
	out := fill(t, zipParts(t, parts), rec(map[string]string{"姓名": "李雪", "入党日期": "2005年6月1日"}))
	want := strings.NewReplacer(`<w:t>{{姓名}}</w:t>`, `<w:t xml:space="preserve">李雪</w:t>`,
		`<w:t>{{入党日期}}</w:t>`, `<w:t xml:space="preserve">2005年6月1日</w:t>`).Replace(parts["word/document.xml"])
	if got := string(out["word/document.xml"]); got != want {
		t.Errorf("document.xml =\n%s\nwant\n%s", got, want)
	}
	for _, n := range []string{"word/styles.xml", "word/header1.xml", "word/footer1.xml", "[Content_Types].xml"} {
		if string(out[n]) != parts[n] {
			t.Errorf("%s changed", n)
		}
	}
}

// Placeholders in headers, footers and tables are filled too.
func TestHeadersFootersAndTablesAreFilled(t *testing.T) {
	body := `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>所在支部</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:t>{{所在支部}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	out := fill(t, makeDocx(t, body, para("{{组织名称}}"), para("{{姓名}}", "-", "{{工号或学号}}")),
		rec(map[string]string{"所在支部": "第一党支部", "组织名称": "计算机学院党委", "姓名": "赵玥", "工号或学号": "20260123"}))
	if got := texts(paragraphs(t, out["word/document.xml"])); !slices.Equal(got, []string{"所在支部", "第一党支部"}) {
		t.Errorf("table = %q", got)
	}
	if got := texts(paragraphs(t, out["word/header1.xml"])); !slices.Equal(got, []string{"计算机学院党委"}) {
		t.Errorf("header = %q", got)
	}
	if got := texts(paragraphs(t, out["word/footer1.xml"])); !slices.Equal(got, []string{"赵玥-20260123"}) {
		t.Errorf("footer = %q", got)
	}
}

// Values are text: < & > and quotes are escaped, characters outside the
// BMP kept, a line break becomes a Word line break, and a value starting
// with spaces keeps them.
func TestValuesAreEscapedAndKeepEveryCharacter(t *testing.T) {
	values := map[string]string{
		"姓名":     "王𬱖",
		"支部意见":   `<b>表现 & "良好"</b>` + "\n第二行",
		"个人自我评价": "  两个空格开头",
	}
	out := fill(t, makeDocx(t, para("{{姓名}}")+para("{{支部意见}}")+para("{{个人自我评价}}"), "", ""), rec(values))
	got := texts(paragraphs(t, out["word/document.xml"]))
	want := []string{"王𬱖", `<b>表现 & "良好"</b>` + "\n第二行", "  两个空格开头"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
	if bytes.Contains(out["word/document.xml"], []byte("<b>")) {
		t.Error("a value's markup reached the document unescaped")
	}
}

// The paragraph holding {{目标}} is repeated once per target, keeping its
// numbering and formatting; the text around it stays once.
func TestTargetParagraphRepeatsPerTarget(t *testing.T) {
	body := para("目标如下:") +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
		`<w:r><w:rPr><w:b/></w:rPr><w:t>{{目标}}</w:t></w:r><w:r><w:t>(</w:t></w:r><w:r><w:t>{{完成情况}}</w:t></w:r><w:r><w:t>)</w:t></w:r></w:p>` +
		para("签订日期:{{签订日期}}")
	r := &Record{Values: map[string]string{"签订日期": "2026年3月5日"}, Items: []map[string]string{
		{"目标序号": "1", "目标": "按期交纳党费", "完成情况": "完成"},
		{"目标序号": "2", "目标": "参加组织生活", "完成情况": "部分完成"},
		{"目标序号": "3", "目标": "完成学时", "完成情况": ""},
	}}
	ps := paragraphs(t, fill(t, makeDocx(t, body, "", ""), r)["word/document.xml"])
	want := []string{"目标如下:", "按期交纳党费(完成)", "参加组织生活(部分完成)", "完成学时()", "签订日期:2026年3月5日"}
	if got := texts(ps); !slices.Equal(got, want) {
		t.Fatalf("paragraphs = %q, want %q", got, want)
	}
	for _, p := range ps[1:4] {
		if !p.numbered || !p.runs[0].bold {
			t.Errorf("%q lost its numbering or bold: %+v", p.text(), p)
		}
	}
}

// A table row whose cells hold 目标序号, 目标 and 完成情况 is repeated per
// target; the header row stays once.
func TestTargetTableRowRepeatsPerTarget(t *testing.T) {
	cell := func(s string) string { return `<w:tc><w:p><w:r><w:t>` + s + `</w:t></w:r></w:p></w:tc>` }
	body := `<w:tbl><w:tr>` + cell("序号") + cell("目标内容") + cell("完成情况") + `</w:tr>` +
		`<w:tr>` + cell("{{目标序号}}") + cell("{{目标}}") + cell("{{完成情况}}") + `</w:tr></w:tbl>`
	r := &Record{Items: []map[string]string{
		{"目标序号": "1", "目标": "甲", "完成情况": "完成"},
		{"目标序号": "2", "目标": "乙", "完成情况": "未完成"},
	}}
	doc := fill(t, makeDocx(t, body, "", ""), r)["word/document.xml"]
	want := []string{"序号", "目标内容", "完成情况", "1", "甲", "完成", "2", "乙", "未完成"}
	if got := texts(paragraphs(t, doc)); !slices.Equal(got, want) {
		t.Errorf("cells = %q, want %q", got, want)
	}
	if n := bytes.Count(doc, []byte("<w:tr>")); n != 3 {
		t.Errorf("rows = %d, want 3", n)
	}
}

// With no targets, the target paragraph is there once, empty.
func TestNoTargetsLeavesOneEmptyParagraph(t *testing.T) {
	ps := paragraphs(t, fill(t, makeDocx(t, para("{{目标}}"), "", ""), &Record{})["word/document.xml"])
	if got := texts(ps); !slices.Equal(got, []string{""}) {
		t.Errorf("paragraphs = %q", got)
	}
}

// A placeholder the kind does not fill is refused before anything is
// written, with a Chinese message naming the template and each unknown
// placeholder; a placeholder of another kind is told apart.
func TestUnknownPlaceholdersAreNamed(t *testing.T) {
	tmpl := makeDocx(t, para("{{姓名}}{{职称}}")+para("{{评议等次}}"), para("{{ 单位 }}"), "")
	tp, err := ParseTemplate("入党介绍信.docx", tmpl)
	if err != nil {
		t.Fatal(err)
	}
	err = tp.Check(Transfers)
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("Check = %v, want a FieldError", err)
	}
	if !slices.Equal(fe.Unknown, []string{"职称", "单位"}) || !slices.Equal(fe.Other, []string{"评议等次"}) {
		t.Errorf("unknown %q, other %q", fe.Unknown, fe.Other)
	}
	for _, s := range []string{"入党介绍信.docx", "{{职称}}", "{{单位}}", "{{评议等次}}"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("message %q does not name %s", err, s)
		}
	}
	if err := tp.Check(Appraisals); err == nil || !strings.Contains(err.Error(), "{{职称}}") {
		t.Errorf("Check(appraisal) = %v", err)
	}
}

func TestTemplateWithoutPlaceholdersIsRefused(t *testing.T) {
	tp, err := ParseTemplate("空白.docx", makeDocx(t, para("{姓名}"), "", ""))
	if err != nil {
		t.Fatal(err)
	}
	var fe *FieldError
	if err := tp.Check(Members); !errors.As(err, &fe) || !fe.None || !strings.Contains(err.Error(), "空白.docx") {
		t.Errorf("Check = %v", err)
	}
}

// Braces typed with a Chinese input method count.
func TestFullWidthBraces(t *testing.T) {
	ps := paragraphs(t, fill(t, makeDocx(t, para("｛｛姓名｝｝同志"), "", ""), rec(map[string]string{"姓名": "陈喆"}))["word/document.xml"])
	if got := texts(ps); !slices.Equal(got, []string{"陈喆同志"}) {
		t.Errorf("paragraphs = %q", got)
	}
}

// A tab or a break between {{ and }} is not a placeholder.
func TestPlaceholderDoesNotSpanATab(t *testing.T) {
	body := `<w:p><w:r><w:t>{{姓</w:t><w:tab/><w:t>名}}</w:t></w:r></w:p>`
	tp, err := ParseTemplate("t.docx", makeDocx(t, body+para("{{性别}}"), "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if got := tp.Placeholders(); !slices.Equal(got, []string{"性别"}) {
		t.Errorf("placeholders = %q", got)
	}
}

func TestNotADocxIsRefusedInChinese(t *testing.T) {
	for name, b := range map[string][]byte{
		"旧版.doc": []byte("\xd0\xcf\x11\xe0 not a zip"),
		"空.docx": zipParts(t, map[string]string{"_rels/.rels": "不是XML"}),
		"坏.docx": zipParts(t, func() map[string]string {
			p := docxParts(para("{{姓名}}"), "", "")
			p["word/document.xml"] += "<w:p>"
			return p
		}()),
	} {
		_, err := ParseTemplate(name, b)
		var te *TemplateError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// All records in one file: each record's body and its own section, so that
// each starts a new page and its header shows its own values; the copies
// of the header are declared in the relationships and content types.
func TestOneFileHasASectionPerRecordWithItsOwnHeader(t *testing.T) {
	tp, err := ParseTemplate("t.docx", makeDocx(t, para("姓名:{{姓名}}"), para("{{姓名}}的登记表"), para("第一党支部")))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"甲", "乙", "丙"}
	rs := make([]Record, len(names))
	for i, n := range names {
		rs[i] = Record{Values: map[string]string{"姓名": n}}
	}
	var buf bytes.Buffer
	if err := tp.WriteAll(&buf, rs); err != nil {
		t.Fatal(err)
	}
	out := unzipParts(t, buf.Bytes())
	doc := out["word/document.xml"]
	var bodies []string
	for _, s := range texts(paragraphs(t, doc)) {
		if s != "" {
			bodies = append(bodies, s)
		}
	}
	if want := []string{"姓名:甲", "姓名:乙", "姓名:丙"}; !slices.Equal(bodies, want) {
		t.Errorf("bodies = %q, want %q", bodies, want)
	}
	if n := bytes.Count(doc, []byte("<w:sectPr>")); n != 3 {
		t.Errorf("sections = %d, want 3", n)
	}
	headers := map[string]string{"rId2": "word/header1.xml", "rId2m2": "word/header1m2.xml", "rId2m3": "word/header1m3.xml"}
	for i, id := range []string{"rId2", "rId2m2", "rId2m3"} {
		if !bytes.Contains(doc, []byte(`<w:headerReference w:type="default" r:id="`+id+`"/>`)) {
			t.Errorf("no section refers to header %s", id)
		}
		h := texts(paragraphs(t, out[headers[id]]))
		if want := names[i] + "的登记表"; !slices.Equal(h, []string{want}) {
			t.Errorf("%s = %q, want %q", headers[id], h, want)
		}
		if !bytes.Contains(out["word/_rels/document.xml.rels"], []byte(`Id="`+id+`"`)) {
			t.Errorf("relationship %s missing", id)
		}
	}
	if !bytes.Contains(out["[Content_Types].xml"], []byte(`PartName="/word/header1m3.xml"`)) {
		t.Error("content type of header1m3.xml missing")
	}
	// The footer has no placeholder: shared by every section, not copied.
	if _, ok := out["word/footer1m2.xml"]; ok || bytes.Count(doc, []byte(`r:id="rId3"`)) != 3 {
		t.Error("the footer without placeholders was copied")
	}
}

// In one file each record's pages are numbered from 1: the section gets
// w:start="1" unless the template sets where its numbers start.
func TestOneFileNumbersEachRecordsPagesFromOne(t *testing.T) {
	for _, c := range []struct{ sect, want string }{
		{`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:cols w:space="425"/></w:sectPr>`,
			`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgNumType w:start="1"/><w:cols w:space="425"/></w:sectPr>`},
		{`<w:sectPr><w:pgNumType w:fmt="chineseCounting"/></w:sectPr>`,
			`<w:sectPr><w:pgNumType w:start="1" w:fmt="chineseCounting"/></w:sectPr>`},
		{`<w:sectPr><w:pgNumType w:start="5"/></w:sectPr>`, `<w:sectPr><w:pgNumType w:start="5"/></w:sectPr>`},
		{`<w:sectPr/>`, `<w:sectPr/>`},
	} {
		parts := docxParts("", "", "")
		parts["word/document.xml"] = `<w:document ` + wordNS + `><w:body>` + para("{{姓名}}") + c.sect + `</w:body></w:document>`
		tp, err := ParseTemplate("t.docx", zipParts(t, parts))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := tp.WriteAll(&buf, []Record{{Values: map[string]string{"姓名": "甲"}}, {Values: map[string]string{"姓名": "乙"}}}); err != nil {
			t.Fatal(err)
		}
		doc := unzipParts(t, buf.Bytes())["word/document.xml"]
		paragraphs(t, doc) // well formed
		if n := bytes.Count(doc, []byte(c.want)); n != 2 {
			t.Errorf("%s: %d sections read %s:\n%s", c.sect, n, c.want, doc)
		}
	}
}
