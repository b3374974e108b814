package app

import (
	"context"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/field"
)

// addNamesake adds a second branch named 教工第一党支部 to the test store,
// with one member, 周同名; it returns the ids of the first and the new one.
func addNamesake(t *testing.T, u *UI) (first, second string) {
	t.Helper()
	ctx := context.Background()
	first = branchID(t, u, "教工第一党支部")
	b := &data.Branch{Name: "教工第一党支部", Type: "教工"}
	if err := u.store.Branches.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	birth := time.Date(1990, 5, 6, 0, 0, 0, 0, time.UTC)
	m := &data.Member{BranchID: data.Ref(b.ID), Name: "周同名", Category: "正式党员", PersonType: "在职教职工",
		IDNumber: field.MakeIDNumber("420106", birth, 7, true), JoinedDate: data.NewDate(2012, 7, 1),
		ConfirmedAt: data.NewDate(2013, 7, 1)}
	if err := u.store.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	return first, b.ID
}

func TestTwoBranchesOfOneNameAreTwoChoices(t *testing.T) {
	u, q := newTestUI(t)
	first, second := addNamesake(t, u)
	openScreen(t, u, "党员")
	q.settle(u)
	s := u.members
	want := []string{allBranches, "教工第一党支部（1）", "教工第一党支部（2）", "学生第一党支部"} // by 拼音: jiao before xue
	if !reflect.DeepEqual(s.branch.Options, want) {
		t.Fatalf("branch choices %q, want %q", s.branch.Options, want)
	}
	names := func() []string {
		var out []string
		for _, r := range s.shown {
			out = append(out, r.cells[0])
		}
		return out
	}
	s.branch.choose(second)
	if got := names(); !reflect.DeepEqual(got, []string{"周同名"}) || s.branch.id() != second {
		t.Fatalf("the second 教工第一党支部 shows %v", got)
	}
	s.branch.choose(first)
	if got := names(); len(got) != 2 || strings.Contains(strings.Join(got, ""), "周同名") {
		t.Fatalf("the first 教工第一党支部 shows %v", got)
	}

	// The 党费 screen chooses by id too.
	openScreen(t, u, "党费")
	q.settle(u)
	d := u.built["dues"].(*duesScreen)
	if len(d.branch.Options) != 4 {
		t.Fatalf("dues branch choices %q", d.branch.Options)
	}
	d.branch.SetSelected("教工第一党支部（2）")
	if len(d.shown) != 1 || d.shown[0].name() != "周同名" {
		t.Fatalf("dues of the second 教工第一党支部: %d lines", len(d.shown))
	}
	// A choice survives a reload of the year.
	d.load()
	q.settle(u)
	if d.branch.id() != second || len(d.shown) != 1 {
		t.Fatalf("after a reload: branch %s, %d lines", d.branch.id(), len(d.shown))
	}
}

func TestReportOfOneOfTwoNamesakesPrintsThatBranch(t *testing.T) {
	u, q := newTestUI(t)
	_, second := addNamesake(t, u)
	openScreen(t, u, "报表")
	q.settle(u)
	s := u.reports
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	s.kind.SetSelected("党员花名册")
	s.branch.choose(second)
	s.path.SetText(out)
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	text, err := exec.Command("pdftotext", "-layout", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (status %q)", err, s.result.Text)
	}
	if !strings.Contains(string(text), "周同名") || strings.Contains(string(text), "王建国") {
		t.Fatalf("the roster of the second 教工第一党支部 reads:\n%s", text)
	}
}

func TestBranchesOfSeveralOrganizationsAreNamedWithTheirOrganization(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var snaps []string
	for _, org := range []string{"外国语学院党委", "计算机学院党委"} {
		s, err := data.Create(ctx, filepath.Join(dir, org+".db"), org, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Branches.Create(ctx, &data.Branch{Name: "第一党支部", Type: "教工"}); err != nil {
			t.Fatal(err)
		}
		snap := filepath.Join(dir, org+".snap")
		if err := s.Snapshot(ctx, snap); err != nil {
			t.Fatal(err)
		}
		s.Close()
		snaps = append(snaps, snap)
	}
	merged := filepath.Join(dir, "merged.db")
	if err := data.Merge(ctx, merged, snaps); err != nil {
		t.Fatal(err)
	}
	store, err := data.Open(ctx, merged)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	refs, err := store.BranchRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b := newBranchSelect(allBranches)
	b.set(refs)
	want := []string{allBranches, "计算机学院党委 · 第一党支部", "外国语学院党委 · 第一党支部"} // by 拼音: ji before wai
	if !reflect.DeepEqual(b.Options, want) {
		t.Fatalf("choices %q, want %q", b.Options, want)
	}
	b.SetSelected(want[2])
	if b.id() != refs[1].ID || b.name() != "第一党支部" {
		t.Fatalf("chose %s (%s), want %s", b.id(), b.name(), refs[1].ID)
	}
}

func TestBranchSelectFallsBackWhenTheChosenBranchIsGone(t *testing.T) {
	b := newBranchSelect(allBranches)
	if b.Selected != allBranches || b.id() != "" {
		t.Fatalf("before the branches are read: %q", b.Selected)
	}
	refs := []data.BranchRef{{Label: "一支部"}, {Label: "二支部"}}
	refs[0].ID, refs[1].ID = "a", "b"
	b.set(refs)
	b.choose("b")
	b.set(refs[:1])
	if b.Selected != allBranches || b.id() != "" {
		t.Fatalf("a branch no longer there stays chosen: %q", b.Selected)
	}
	none := newBranchSelect("")
	none.set(refs)
	if none.id() != "a" {
		t.Fatalf("without 全部支部 the first branch is chosen: %q", none.Selected)
	}
}
