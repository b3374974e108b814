package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dangjian/reports/layout"
)

// TestLibreOfficeReadsTheDocument converts the sample document to PDF
// with LibreOffice (when it is installed) and reads the PDF's text back:
// the document opens, its text is all there, names kept whole show
// without their word joiners, and each part numbers its pages from 1 and
// counts its own pages: 共 M 页 is computed, not the estimate the document
// carries (the estimates are made wrong here to tell them apart).
func TestLibreOfficeReadsTheDocument(t *testing.T) {
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
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := Render(context.Background(), sampleDoc(), &buf); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(in, wrongEstimates(t, buf.Bytes()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "sample.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (LibreOffice made no PDF of the document)", err)
	}
	text := string(out)
	if keep := os.Getenv("DOCX_KEEP"); keep != "" { // a folder to look at the files in
		for _, name := range []string{"sample.docx", "sample.pdf"} {
			if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				os.WriteFile(filepath.Join(keep, name), data, 0o644)
			}
		}
	}
	if strings.ContainsRune(text, layout.WordJoiner) || strings.ContainsRune(text, '\uFFFD') {
		t.Errorf("the PDF shows word joiners or replacement boxes:\n%s", text)
	}
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{
		"计算机科学与技术学院党委", "截至2026年12月3日", "党员花名册", "一、基本情况",
		"本支部现有党员3名，其中预备党员1名（见下表）。", "入党日期", "魏雪晴", "王𬱖", "欧阳娜娜娜娜娜", "合计",
		"注：转正日期空白者为预备党员。", "填报单位：第一党支部", "党支部书记签字：", "党支部（盖章）",
		"第二页的说明<a&b>“引号”转字〔2026〕第017号", "民主评议党员登记表", "个", "一年来，我认真学习。", "本人签字：", "优秀",
		"第1页共2页", "第2页共2页", "第1页共1页", "打印日期：2026年12月3日",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("LibreOffice's PDF lacks %q:\n%s", want, text)
		}
	}
}

// shownCount is the result a footer's page count field carries.
var shownCount = regexp.MustCompile(`(PAGEREF _PartEnd\d+ </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>)\d+`)

// wrongEstimates returns the package raw with every footer's estimate of
// its part's pages made 9.
func wrongEstimates(t *testing.T, raw []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	changed := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(f.Name, "word/footer") {
			n := len(shownCount.FindAll(data, -1))
			data = shownCount.ReplaceAll(data, []byte("${1}9"))
			changed += n
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if changed == 0 {
		t.Fatal("no footer carries an estimate of its part's pages")
	}
	return out.Bytes()
}
