package merge

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// wordLike is testdata/责任书模板.docx, shaped as Word 2016 writes a
// document (rsid and paraId attributes, spell-check marks, namespaces
// declared but ignorable, a numbered list, a table, a PAGE field in the
// header), with {{ in bold and 姓名}} plain, and {{所在 plain and 支部}}
// underlined. testdata/make-template.py wrote it.
func wordLike(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/责任书模板.docx")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func agreementRecord(name, branch string, targets ...string) Record {
	r := Record{Name: name, Values: map[string]string{"姓名": name, "工号或学号": "T2001", "所在支部": branch,
		"签订日期": "2026年3月5日", "得分": "92.5", "组织名称": "计算机学院党委", "年度": "2026"}}
	for _, tg := range targets {
		r.Items = append(r.Items, map[string]string{"目标": tg})
	}
	return r
}

func TestWordLikeTemplate(t *testing.T) {
	tmpl := wordLike(t)
	tp, err := ParseTemplate("责任书模板.docx", tmpl)
	if err != nil {
		t.Fatal(err)
	}
	if err := tp.Check(Agreements); err != nil {
		t.Fatal(err)
	}
	r := agreementRecord("王𬱖", "第二党支部", "按期交纳党费", "参加组织生活", "完成32学时")
	var buf bytes.Buffer
	if err := tp.Write(&buf, &r); err != nil {
		t.Fatal(err)
	}
	out, in := unzipParts(t, buf.Bytes()), unzipParts(t, tmpl)
	ps := paragraphs(t, out["word/document.xml"])
	want := []string{"党员目标管理责任书", "党员王𬱖同志（工号T2001），所在支部：第二党支部。", "目标：",
		"按期交纳党费", "参加组织生活", "完成32学时", "签订日期", "2026年3月5日", "考核得分", "92.5分"}
	if got := texts(ps); !slices.Equal(got, want) {
		t.Fatalf("paragraphs = %q\nwant %q", got, want)
	}
	for _, r := range ps[1].runs {
		switch r.text {
		case "王𬱖":
			if !r.bold {
				t.Error("the name lost the bold of the run where {{ was")
			}
		case "第二党支部":
			if r.bold {
				t.Error("the branch took a format it did not have")
			}
		}
	}
	for _, p := range ps[3:6] {
		if !p.numbered {
			t.Errorf("target %q lost its numbering", p.text())
		}
	}
	if got := texts(paragraphs(t, out["word/header1.xml"])); !slices.Equal(got, []string{"计算机学院党委 1"}) {
		t.Errorf("header = %q", got)
	}
	if got := texts(paragraphs(t, out["word/footer1.xml"])); !slices.Equal(got, []string{"王𬱖的责任书（2026年度）"}) {
		t.Errorf("footer = %q", got)
	}
	for _, n := range []string{"word/numbering.xml", "word/styles.xml", "word/settings.xml", "docProps/core.xml",
		"docProps/app.xml", "[Content_Types].xml", "word/_rels/document.xml.rels", "_rels/.rels"} {
		if !bytes.Equal(out[n], in[n]) {
			t.Errorf("%s changed", n)
		}
	}
}

// In one file, the second record's targets are a list of their own,
// numbered from 1 again.
func TestOneFileRestartsTheNumbering(t *testing.T) {
	tp, err := ParseTemplate("责任书模板.docx", wordLike(t))
	if err != nil {
		t.Fatal(err)
	}
	rs := []Record{agreementRecord("甲", "一支部", "a1", "a2"), agreementRecord("乙", "二支部", "b1", "b2", "b3")}
	var buf bytes.Buffer
	if err := tp.WriteAll(&buf, rs); err != nil {
		t.Fatal(err)
	}
	out := unzipParts(t, buf.Bytes())
	doc := string(out["word/document.xml"])
	ids := regexp.MustCompile(`<w:numId w:val="(\d+)"/>`).FindAllStringSubmatch(doc, -1)
	var got []string
	for _, m := range ids {
		got = append(got, m[1])
	}
	if want := []string{"1", "1", "2", "2", "2"}; !slices.Equal(got, want) {
		t.Errorf("list ids = %q, want %q", got, want)
	}
	num := string(out["word/numbering.xml"])
	if !regexp.MustCompile(`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>`).MatchString(num) {
		t.Errorf("numbering has no restarted list 2:\n%s", num)
	}
	paragraphs(t, out["word/numbering.xml"]) // well formed
	if n := strings.Count(doc, `<w:pgNumType w:start="1"/><w:cols w:space="425"/>`); n != 2 {
		t.Errorf("%d sections number their pages from 1, want 2", n)
	}
	if got := texts(paragraphs(t, out["word/footer1m2.xml"])); !slices.Equal(got, []string{"乙的责任书（2026年度）"}) {
		t.Errorf("second footer = %q", got)
	}
}
