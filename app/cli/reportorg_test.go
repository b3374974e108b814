package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportOrgPrintsThatOrganizationOnly: `report --org` over the
// consolidated database prints one organization's document, chosen by
// name or id, under its name, without the other's members; with --org a
// branch name that both organizations have names that organization's.
func TestReportOrgPrintsThatOrganizationOnly(t *testing.T) {
	db, branchIDs, names := consolidatedDB(t)
	dir := t.TempDir()
	for org := range branchIDs {
		var other string
		for o, n := range names {
			if o != org {
				other = n
			}
		}
		for i, args := range [][]string{{"--org", org}, {"--org", " " + org + " ", "--branch", "第一党支部"}} {
			out := filepath.Join(dir, org+string(rune('a'+i))+".pdf")
			code, stdout, errOut := run(t, append([]string{"report", "roster", "--db", db, "--out", out}, args...)...)
			if code != ExitOK || !strings.Contains(stdout, "已生成") {
				t.Fatalf("%v: exit %d %q %q", args, code, stdout, errOut)
			}
			text := pdfText(t, out)
			if !strings.Contains(text, names[org]) || strings.Contains(text, other) || !strings.Contains(text, org) {
				t.Errorf("%v prints its member %v, the other's %v, its name %v", args, strings.Contains(text, names[org]),
					strings.Contains(text, other), strings.Contains(text, org))
			}
		}
	}
	out := filepath.Join(dir, "全校.pdf")
	if code, _, errOut := run(t, "report", "stats", "--db", db, "--out", out); code != ExitOK {
		t.Fatalf("the whole: %s", errOut)
	}
	if text := pdfText(t, out); !strings.Contains(text, "全校") || !strings.Contains(text, "外国语学院党委 · 第一党支部") {
		t.Errorf("the statistics of the whole do not say 全校 and 「组织 · 支部」:\n%.600s", text)
	}
}

// TestReportOrgUnknownListsTheOrganizations: an --org that the database
// does not hold is refused (exit 2) with the organizations there are, and
// nothing is written.
func TestReportOrgUnknownListsTheOrganizations(t *testing.T) {
	db, _, _ := consolidatedDB(t)
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	code, _, errOut := run(t, "report", "roster", "--db", db, "--out", out, "--org", "经济学院党委")
	if code != ExitUsage || !strings.Contains(errOut, "没有“经济学院党委”这个二级党组织") ||
		!strings.Contains(errOut, "外国语学院党委") || !strings.Contains(errOut, "计算机学院党委") {
		t.Fatalf("an unknown --org: exit %d %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a refused report left a file")
	}
}
