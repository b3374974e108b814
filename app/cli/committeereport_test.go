package cli

import (
	"archive/zip"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCommitteeReportEndToEnd: after an organization pushed and the
// committee consolidated the term (real MinIO), each committee document
// is written from the committee's folder as PDF and Word, names the term
// and the organization, and its Word text has no ASCII punctuation beside
// Chinese characters.
func TestCommitteeReportEndToEnd(t *testing.T) {
	s := newSyncSetup(t)
	for _, kind := range []string{"stats", "ranking", "findings", "term"} {
		pdf := filepath.Join(s.dir, kind+".pdf")
		code, out, errOut := run(t, "committee", "report", kind, "--dir", s.committee, "--out", pdf)
		if code != ExitOK || !strings.Contains(out, "已生成") || !strings.Contains(out, "学年") {
			t.Fatalf("%s: exit %d %q %q", kind, code, out, errOut)
		}
		text := pdfText(t, pdf)
		if kind != "findings" && !strings.Contains(text, "文学院党委") {
			t.Errorf("%s does not name the organization:\n%.600s", kind, text)
		}
		word := filepath.Join(s.dir, kind+".docx")
		if code, _, errOut := run(t, "committee", "report", kind, "--dir", s.committee, "--out", word); code != ExitOK {
			t.Fatalf("%s as Word: %s", kind, errOut)
		}
		if m := regexp.MustCompile(`\p{Han}[,:;()!?]|[,:;()!?]\p{Han}`).FindString(docxText(t, word)); m != "" {
			t.Errorf("%s: ASCII punctuation in Chinese text: %q", kind, m)
		}
	}
	term := pdfText(t, filepath.Join(s.dir, "term.pdf"))
	if !strings.Contains(term, "文学院党委学期汇总") || !strings.Contains(term, "已汇总") {
		t.Errorf("the 学期汇总 lacks the organization or its snapshot:\n%s", term)
	}
	out := filepath.Join(s.dir, "one.pdf")
	if code, _, errOut := run(t, "committee", "report", "term", "--dir", s.committee, "--org", "文学院党委", "--out", out); code != ExitOK {
		t.Errorf("--org by name: %s", errOut)
	}
}

// TestCommitteeReportRefusesWhatItCannotMake: an unknown kind, --org with
// a document of the whole university, a term never consolidated and a
// folder that is not the committee's are refused with exit 2 and a
// Chinese message.
func TestCommitteeReportRefusesWhatItCannotMake(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.pdf")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"roster", "--dir", dir, "--out", out}, "stats | ranking | findings | term"},
		{[]string{"stats", "--dir", dir, "--org", "文学院党委", "--out", out}, "--org 只用于学期汇总"},
		{[]string{"ranking", "--dir", dir, "--date", "2026-01-01", "--out", out}, "--date 只用于全校党内统计"},
		{[]string{"stats", "--out", out}, "--dir"},
		{[]string{"stats", "--dir", dir, "--out", out}, "不是党委的同步目录"},
	} {
		code, _, errOut := run(t, append([]string{"committee", "report"}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestCommitteeReportOfATermNotConsolidated: a --term the committee never
// consolidated says so and how to do it.
func TestCommitteeReportOfATermNotConsolidated(t *testing.T) {
	s := newSyncSetup(t)
	code, _, errOut := run(t, "committee", "report", "stats", "--dir", s.committee, "--term", "2020-2021-1", "--out", filepath.Join(s.dir, "x.pdf"))
	if code != ExitUsage || !strings.Contains(errOut, "2020—2021学年第一学期尚未汇总") || !strings.Contains(errOut, "consolidate") {
		t.Errorf("exit %d %q", code, errOut)
	}
}

// docxText is the text of a .docx's document.xml, tags removed.
func docxText(t *testing.T, path string) string {
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
			b, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(b), "")
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}
