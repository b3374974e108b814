package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExportAndMergeOfOneOrganization: `export --org` and `merge --org`
// over a consolidated database whose two organizations each have a
// 第一党支部 give that organization's member only; an organization the
// database does not hold is refused (exit 2) naming those there are.
func TestExportAndMergeOfOneOrganization(t *testing.T) {
	db, _, names := consolidatedDB(t)
	dir := t.TempDir()
	for org, member := range names {
		var other string
		for o, n := range names {
			if o != org {
				other = n
			}
		}
		xlsx := filepath.Join(dir, org+".xlsx")
		code, stdout, errOut := run(t, "export", "members", "--db", db, "--out", xlsx, "--org", org)
		if code != ExitOK {
			t.Fatalf("export --org %s: exit %d %q %q", org, code, stdout, errOut)
		}
		f, err := excelize.OpenFile(xlsx)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(f.GetSheetName(0))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, r := range rows {
			text = append(text, strings.Join(r, "|"))
		}
		if all := strings.Join(text, "\n"); len(rows) != 2 || !strings.Contains(all, member) || strings.Contains(all, other) {
			t.Fatalf("export --org %s:\n%s", org, all)
		}

		out := filepath.Join(dir, org+".docx")
		tmpl := mergeTemplate(t, dir, org+"模板.docx", "{{姓名}}")
		code, stdout, errOut = run(t, "merge", "members", "--db", db, "--template", tmpl, "--out", out, "--one-file", "--org", org)
		if code != ExitOK {
			t.Fatalf("merge --org %s: exit %d %q %q", org, code, stdout, errOut)
		}
		if text := documentText(t, out); !strings.Contains(text, member) || strings.Contains(text, other) {
			t.Fatalf("merge --org %s:\n%s", org, text)
		}
	}
	for _, args := range [][]string{
		{"export", "members", "--db", db, "--out", filepath.Join(dir, "无.xlsx"), "--org", "不存在学院党委"},
		{"merge", "members", "--db", db, "--template", mergeTemplate(t, dir, "无.docx", "{{姓名}}"), "--out", filepath.Join(dir, "无"), "--org", "不存在学院党委"},
	} {
		if code, _, errOut := run(t, args...); code != ExitUsage || !strings.Contains(errOut, "计算机学院党委") {
			t.Fatalf("%s --org of none: exit %d %q", args[0], code, errOut)
		}
	}
}
