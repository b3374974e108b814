package merge

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A filled document opens in LibreOffice: converted to PDF, its text holds
// the values, the repeated targets and the header. Skipped where
// LibreOffice (soffice) or pdftotext is not installed.
func TestFilledDocumentOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	tp, err := ParseTemplate("责任书模板.docx", wordLike(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	docx := filepath.Join(dir, "merged.docx")
	rs := []Record{agreementRecord("王𬱖", "第二党支部", "按期交纳党费", "参加组织生活"), agreementRecord("赵玥", "第一党支部", "完成32学时")}
	var buf bytes.Buffer
	if err := tp.WriteAll(&buf, rs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(docx, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, docx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	text, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "merged.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(text), "\f"), "\f")
	if len(pages) != 2 {
		t.Fatalf("pages = %d, want 2:\n%s", len(pages), text)
	}
	// The second record's list starts again at 1.
	for i, want := range [][]string{{"王𬱖", "第二党支部", "1.按期交纳党费", "2.参加组织生活"}, {"赵玥", "第一党支部", "1.完成32学时"}} {
		page := strings.Join(strings.Fields(pages[i]), "")
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("page %d lacks %q:\n%s", i+1, w, pages[i])
			}
		}
		if strings.Contains(page, "{{") || !strings.HasPrefix(page, "计算机学院党委1") {
			t.Errorf("page %d:\n%s", i+1, pages[i])
		}
	}
}
