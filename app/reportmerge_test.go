package app

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dangjian/reports/merge"
)

// wordTemplate writes a minimal Word document whose one paragraph is text
// and returns its path.
func wordTemplate(t *testing.T, text string) string {
	t.Helper()
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			`<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "模板.docx")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// documentText is the word/document.xml of a .docx.
func documentText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, _ := io.ReadAll(r)
			return string(b)
		}
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}

// openMerge opens the 套打模板（Word） tab of the 报表 screen.
func openMerge(t *testing.T, u *UI, q *uiQueue) *mergeSection {
	t.Helper()
	s := openReports(t, u, q)
	s.tabs.SelectIndex(1)
	if s.tabs.Selected().Text != "套打模板（Word）" {
		t.Fatalf("the second tab is %q", s.tabs.Selected().Text)
	}
	return s.merge
}

// TestMergeFromTheReportsScreenIntoAFolder: 套打 of 党员 with a template
// holding {{姓名}} and {{工号或学号}} writes one filled document per
// member of the branch chosen into the folder, says how many, and offers
// the template again next time.
func TestMergeFromTheReportsScreenIntoAFolder(t *testing.T) {
	u, q := newTestUI(t)
	m := openMerge(t, u, q)
	m.kind.SetSelected(merge.Title(merge.Members))
	m.branch.SetSelected("教工第一党支部")
	tpl := wordTemplate(t, "{{姓名}}({{工号或学号}})")
	m.template.SetText(tpl)
	out := filepath.Join(t.TempDir(), "套打")
	m.out.SetText(out)
	test.Tap(findButton(t, u, "套打"))
	q.settle(u)
	files, _ := os.ReadDir(out)
	if len(files) != 2 || !strings.Contains(m.result.Text, "已生成2个套打文档") || m.last != out {
		t.Fatalf("%d files, status %q", len(files), m.result.Text)
	}
	var texts []string
	for _, f := range files {
		texts = append(texts, documentText(t, filepath.Join(out, f.Name())))
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "王建国(T1001)") || !strings.Contains(all, "李红梅(T1002)") || strings.Contains(all, "张伟") {
		t.Errorf("the documents read:\n%s", all)
	}
	if again := newMergeSection(u); again.template.Text != tpl {
		t.Errorf("the template is not offered again: %q", again.template.Text)
	}
}

// TestMergeIntoOneFile: 「全部记录生成一个文件」 proposes a .docx and writes
// every record into it.
func TestMergeIntoOneFile(t *testing.T) {
	u, q := newTestUI(t)
	m := openMerge(t, u, q)
	m.template.SetText(wordTemplate(t, "{{姓名}}"))
	m.mode.SetSelected(mergeToOne)
	if !strings.HasSuffix(m.out.Text, ".docx") {
		t.Errorf("one file proposed as %q", m.out.Text)
	}
	out := filepath.Join(t.TempDir(), "全体党员.docx")
	m.out.SetText(out)
	test.Tap(findButton(t, u, "套打"))
	q.settle(u)
	text := documentText(t, out)
	for _, name := range []string{"王建国", "李红梅", "张伟"} {
		if !strings.Contains(text, name) {
			t.Errorf("%s is not in the one file (status %q)", name, m.result.Text)
		}
	}
	if !strings.Contains(m.result.Text, "已生成3条记录") {
		t.Errorf("status %q", m.result.Text)
	}
}

// TestMergeRefusesAPlaceholderOfAnotherKind: {{评议等次}} in a template
// of 党员 is refused by name and nothing is written.
func TestMergeRefusesAPlaceholderOfAnotherKind(t *testing.T) {
	u, q := newTestUI(t)
	m := openMerge(t, u, q)
	m.kind.SetSelected(merge.Title(merge.Members))
	m.template.SetText(wordTemplate(t, "{{姓名}}{{评议等次}}"))
	out := filepath.Join(t.TempDir(), "套打")
	m.out.SetText(out)
	test.Tap(findButton(t, u, "套打"))
	q.settle(u)
	if !strings.Contains(m.result.Text, "评议等次") || !strings.Contains(m.result.Text, "未生成文件") {
		t.Errorf("status %q", m.result.Text)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the folder was made")
	}
	m.template.SetText("")
	test.Tap(findButton(t, u, "套打"))
	if m.result.Text != "请选择模板文件" {
		t.Errorf("no template: %q", m.result.Text)
	}
}

// TestPlaceholdersAreListedAndCopied: 「占位符…」 lists the kind's
// placeholders with their descriptions; 复制 puts one on the clipboard,
// 「全部复制」 every one with its description. The tab and the list are in
// Chinese.
func TestPlaceholdersAreListedAndCopied(t *testing.T) {
	u, q := newTestUI(t)
	m := openMerge(t, u, q)
	m.kind.SetSelected(merge.Title(merge.Agreements))
	test.Tap(findButton(t, u, "占位符…"))
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no list of placeholders")
	}
	for _, text := range visibleTexts(u.win.Content(), top) {
		if bad := englishIn(text); len(bad) > 0 {
			t.Errorf("English on the 套打 tab or its placeholders: %q %v", text, bad)
		}
	}
	texts := labelText(top)
	fields := merge.FieldsFor(merge.Agreements)
	for _, f := range fields {
		if !strings.Contains(texts, "{{"+f.Name+"}}") || !strings.Contains(texts, f.Description) {
			t.Errorf("{{%s}} or its description is not listed", f.Name)
		}
	}
	test.Tap(findButtonIn(t, u, "复制")) // the last one's
	if got, want := u.app.Clipboard().Content(), "{{"+fields[len(fields)-1].Name+"}}"; got != want {
		t.Errorf("复制 copied %q, want %q", got, want)
	}
	test.Tap(findButtonIn(t, u, "全部复制"))
	all := u.app.Clipboard().Content()
	if !strings.Contains(all, "{{姓名}}\t") || !strings.Contains(all, "{{目标}}\t") || strings.Count(all, "\n") != len(fields) {
		t.Errorf("全部复制 copied %q", all)
	}
	if !strings.Contains(u.noticeText(), "已复制") {
		t.Errorf("notice %q", u.noticeText())
	}
}
