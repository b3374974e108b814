package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/app/appcore"
)

// mergeTemplate writes a minimal Word document whose body is paragraphs
// of the given texts, and returns its path.
func mergeTemplate(t *testing.T, dir, name string, texts ...string) string {
	t.Helper()
	var body strings.Builder
	for _, s := range texts {
		body.WriteString(`<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>`)
	}
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
			`<w:body>` + body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// documentText is the text of a .docx's main document (the content of
// its w:t elements).
func documentText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		var out strings.Builder
		for _, chunk := range strings.Split(string(b), "<w:t")[1:] {
			chunk = chunk[strings.Index(chunk, ">")+1:]
			out.WriteString(chunk[:strings.Index(chunk, "</w:t>")] + "\n")
		}
		return out.String()
	}
	t.Fatal("no document.xml")
	return ""
}

func mergeDemo(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "demo.db")
	if code, _, errOut := run(t, "demo", "--db", db, "--members", "30", "--seed", "1"); code != ExitOK {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	return db, dir
}

// One .docx per member on the rolls into a folder, each with the
// member's values.
func TestMergeMembersIntoAFolder(t *testing.T) {
	db, dir := mergeDemo(t)
	tmpl := mergeTemplate(t, dir, "登记表.docx", "姓名:{{姓名}}", "支部:{{所在支部}}", "{{打印日期}}")
	out := filepath.Join(dir, "登记表")
	code, stdout, errOut := run(t, "merge", "members", "--db", db, "--template", tmpl, "--out", out)
	if code != ExitOK {
		t.Fatalf("merge: %d %q", code, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.docx"))
	if len(files) == 0 || !strings.Contains(stdout, "已生成") || !strings.Contains(stdout, out) {
		t.Fatalf("%d files, stdout %q", len(files), stdout)
	}
	for _, f := range files {
		text := documentText(t, f)
		name := strings.SplitN(strings.TrimSuffix(filepath.Base(f), ".docx"), "-", 2)[0]
		if !strings.Contains(text, "姓名:"+name+"\n") || !strings.Contains(text, "2026年11月26日") || strings.Contains(text, "{{") {
			t.Errorf("%s:\n%s", filepath.Base(f), text)
		}
	}
}

// All agreements of the year into one file.
func TestMergeAgreementsIntoOneFile(t *testing.T) {
	db, dir := mergeDemo(t)
	tmpl := mergeTemplate(t, dir, "责任书.docx", "{{姓名}}", "{{目标序号}}、{{目标}}")
	out := filepath.Join(dir, "责任书全部.docx")
	code, stdout, errOut := run(t, "merge", "agreement", "--db", db, "--template", tmpl, "--out", out, "--one-file", "--year", "2026")
	if code != ExitOK || !strings.Contains(stdout, out) {
		t.Fatalf("merge: %d %q %q", code, stdout, errOut)
	}
	text := documentText(t, out)
	if !strings.Contains(text, "1、") || !strings.Contains(text, "2、") || strings.Contains(text, "{{") {
		t.Errorf("document:\n%s", text)
	}
}

// A placeholder the kind does not fill: exit 2, the message names it and
// the template, and nothing is written.
func TestMergeRefusesUnknownPlaceholders(t *testing.T) {
	db, dir := mergeDemo(t)
	tmpl := mergeTemplate(t, dir, "介绍信.docx", "{{姓名}}同志{{职称}}")
	out := filepath.Join(dir, "介绍信")
	code, _, errOut := run(t, "merge", "transfers", "--db", db, "--template", tmpl, "--out", out)
	if code != ExitUsage || !strings.Contains(errOut, "{{职称}}") || !strings.Contains(errOut, "介绍信.docx") {
		t.Fatalf("merge: %d %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output written")
	}
}

func TestMergeUsageErrors(t *testing.T) {
	db, dir := mergeDemo(t)
	tmpl := mergeTemplate(t, dir, "模板.docx", "{{姓名}}")
	for _, args := range [][]string{
		{"merge", "--db", db, "--template", tmpl, "--out", dir},
		{"merge", "nosuch", "--db", db, "--template", tmpl, "--out", dir},
		{"merge", "members", "--db", db, "--out", dir},
		{"merge", "members", "--db", db, "--template", tmpl},
		{"merge", "members", "--db", db, "--template", filepath.Join(dir, "没有.docx"), "--out", filepath.Join(dir, "输出")},
		{"merge", "members", "--db", db, "--template", db, "--out", filepath.Join(dir, "输出")},
		{"merge", "members", "--db", db, "--template", tmpl, "--out", filepath.Join(dir, "输出.pdf"), "--one-file"},
		{"merge", "members", "--db", db, "--template", tmpl, "--out", tmpl},
	} {
		code, _, errOut := run(t, args...)
		if code != ExitUsage || errOut == "" {
			t.Errorf("%q: exit %d %q", args[1:], code, errOut)
		}
		if w := englishWords(strings.NewReplacer(dir, "", "nosuch", "", appcore.DefaultDBPath(), "").Replace(errOut)); len(w) > 0 {
			t.Errorf("%q: English words %q in %q", args[1:], w, errOut)
		}
	}
}

func TestMergeListFields(t *testing.T) {
	code, out, _ := run(t, "merge", "--list-fields")
	for _, s := range []string{"{{姓名}}", "{{所在支部}}", "{{入党日期}}", "{{目标}}", "{{介绍信编号}}", "{{评议等次}}"} {
		if code != ExitOK || !strings.Contains(out, s) {
			t.Errorf("--list-fields lacks %s: %d\n%s", s, code, out)
		}
	}
	code, out, _ = run(t, "merge", "--list-fields", "transfers")
	if code != ExitOK || !strings.Contains(out, "{{介绍信编号}}") || strings.Contains(out, "{{目标}}") {
		t.Errorf("--list-fields transfers: %d\n%s", code, out)
	}
}
