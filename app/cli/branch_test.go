package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
)

// consolidatedDB merges two organizations that each have a 第一党支部 with
// one member, as the committee's database holds them; it returns the
// database and, per organization, its branch's id and its member's name.
// Each setup runs on each organization's database before its snapshot.
func consolidatedDB(t *testing.T, setup ...func(*data.Store)) (db string, branchIDs, memberNames map[string]string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	branchIDs, memberNames = map[string]string{}, map[string]string{}
	orgs := []struct{ org, member string }{{"外国语学院党委", "王外语"}, {"计算机学院党委", "李计算"}}
	var snaps []string
	for i, o := range orgs {
		s, err := data.Create(ctx, filepath.Join(dir, o.org+".db"), o.org, "", data.WithClock(func() time.Time { return testToday }))
		if err != nil {
			t.Fatal(err)
		}
		b := &data.Branch{Name: "第一党支部", Type: "教工"}
		if err := s.Branches.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		birth := time.Date(1980, 3, 4, 0, 0, 0, 0, time.UTC)
		m := &data.Member{BranchID: data.Ref(b.ID), Name: o.member, Category: "正式党员", PersonType: "在职教职工",
			IDNumber: field.MakeIDNumber("420106", birth, i, true), JoinedDate: data.NewDate(2005, 7, 1),
			ConfirmedAt: data.NewDate(2006, 7, 1)}
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		for _, f := range setup {
			f(s)
		}
		snap := filepath.Join(dir, o.org+".snap")
		if err := s.Snapshot(ctx, snap); err != nil {
			t.Fatal(err)
		}
		s.Close()
		snaps = append(snaps, snap)
		branchIDs[o.org], memberNames[o.org] = b.ID, o.member
	}
	db = filepath.Join(dir, "merged.db")
	if err := data.Merge(ctx, db, snaps); err != nil {
		t.Fatal(err)
	}
	return db, branchIDs, memberNames
}

// pdfText is the text of a PDF file, as pdftotext reads it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (poppler-utils is installed by scripts/deps.sh)", path, err)
	}
	return string(out)
}

func TestReportBranchSharedByTwoOrganizationsIsAmbiguous(t *testing.T) {
	db, ids, _ := consolidatedDB(t)
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	code, _, errOut := run(t, "report", "roster", "--db", db, "--out", out, "--branch", "第一党支部")
	if code != ExitUsage {
		t.Fatalf("an ambiguous --branch: exit %d %q", code, errOut)
	}
	for org, id := range ids {
		if !strings.Contains(errOut, org+" · 第一党支部（编号 "+id+"）") {
			t.Fatalf("the candidate of %s is not listed: %q", org, errOut)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a refused report left a file")
	}
}

func TestReportBranchUnknownListsTheBranches(t *testing.T) {
	db, _, _ := consolidatedDB(t)
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	code, _, errOut := run(t, "report", "roster", "--db", db, "--out", out, "--branch", "第二党支部")
	if code != ExitUsage || !strings.Contains(errOut, "现有支部：计算机学院党委 · 第一党支部、外国语学院党委 · 第一党支部") {
		t.Fatalf("an unknown --branch: exit %d %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a refused report left a file")
	}
}

func TestReportBranchByIDOrOrganizationPrintsThatBranchOnly(t *testing.T) {
	db, ids, names := consolidatedDB(t)
	dir := t.TempDir()
	for org, id := range ids {
		var other string
		for o, n := range names {
			if o != org {
				other = n
			}
		}
		for i, choice := range []string{id, org + " · 第一党支部"} {
			out := filepath.Join(dir, org+string(rune('0'+i))+".pdf")
			code, stdout, errOut := run(t, "report", "roster", "--db", db, "--out", out, "--branch", choice)
			if code != ExitOK || !strings.Contains(stdout, "已生成") {
				t.Fatalf("--branch %s: exit %d %q %q", choice, code, stdout, errOut)
			}
			text := pdfText(t, out)
			if !strings.Contains(text, names[org]) || strings.Contains(text, other) {
				t.Fatalf("--branch %s prints %s's member %v and the other's %v", choice, org,
					strings.Contains(text, names[org]), strings.Contains(text, other))
			}
		}
	}
}
