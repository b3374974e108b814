package merge

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// testdata/介绍信模板.docx is what LibreOffice made of 介绍信模板.html
// (soffice --headless --convert-to docx): it puts {{, the name and }} in
// runs of their own, and {{ of {{姓名}} is bold while the rest is not.
func TestLibreOfficeTemplate(t *testing.T) {
	tmpl, err := os.ReadFile("testdata/介绍信模板.docx")
	if err != nil {
		t.Fatal(err)
	}
	tp, err := ParseTemplate("介绍信模板.docx", tmpl)
	if err != nil {
		t.Fatal(err)
	}
	if err := tp.Check(Transfers); err != nil {
		t.Fatal(err)
	}
	r := &Record{Values: map[string]string{
		"介绍信编号": "转字〔2026〕第017号", "对方组织": "中共南京大学计算机学院委员会", "姓名": "王𬱖", "性别": "男",
		"民族": "汉族", "出生年月": "1985年5月", "公民身份号码": "110101198505020011", "所在支部": "第二党支部",
		"党费交至": "2026年8月", "有效期": "60天", "入党日期": "2005年6月1日", "组织名称": "中共计算机科学与技术学院委员会",
		"开具日期": "2026年9月1日",
	}}
	var buf bytes.Buffer
	if err := tp.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	out, in := unzipParts(t, buf.Bytes()), unzipParts(t, tmpl)
	ps := paragraphs(t, out["word/document.xml"])
	got := texts(ps)
	want := []string{"中国共产党党员组织关系介绍信", "转字〔2026〕第017号", "中共南京大学计算机学院委员会：",
		"　　兹介绍王𬱖同志（男，汉族，1985年5月出生，公民身份号码110101198505020011），系中共正式党员，" +
			"组织关系由第二党支部转去，请接洽。该同志党费已交到2026年8月。",
		"　　（有效期60天）", "所在支部", "第二党支部", "入党日期", "2005年6月1日", "中共计算机科学与技术学院委员会", "2026年9月1日"}
	if !slices.Equal(got, want) {
		t.Fatalf("paragraphs =\n%q\nwant\n%q", got, want)
	}
	for _, r := range ps[3].runs {
		if strings.Contains(r.text, "王𬱖") && !r.bold {
			t.Error("the name lost the bold of its {{")
		}
	}
	if !bytes.Contains(out["word/document.xml"], []byte(`<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">中共南京大学计算机学院委员会</w:t>`)) {
		t.Error("the organization lost the underline of its placeholder")
	}
	for name, b := range in {
		if name != "word/document.xml" && !bytes.Equal(out[name], b) {
			t.Errorf("%s changed", name)
		}
	}
}
