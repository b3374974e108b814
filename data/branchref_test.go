package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

func TestResolveBranchByNameOrIDInAnOrganization(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	teachers := addBranch(t, s, "教工第一党支部")
	addBranch(t, s, "学生第一党支部")

	refs, err := s.BranchRefs(ctx)
	if err != nil || len(refs) != 2 {
		t.Fatalf("BranchRefs: %v %v", refs, err)
	}
	if refs[0].Name != "教工第一党支部" || refs[0].Label != refs[0].Name || refs[0].OrgName != "测试学院党委" {
		t.Fatalf("one organization: branches are labelled by name, sorted: %+v", refs[0])
	}
	for _, text := range []string{"教工第一党支部", " 教工第一党支部 ", teachers.ID, "测试学院党委 · 教工第一党支部"} {
		b, err := s.ResolveBranch(ctx, text)
		if err != nil || b.ID != teachers.ID {
			t.Fatalf("ResolveBranch(%q) = %s, %v; want %s", text, b.ID, err, teachers.ID)
		}
	}

	_, err = s.ResolveBranch(ctx, "无此支部")
	var be *data.BranchNameError
	if !errors.As(err, &be) || be.Ambiguous() || len(be.Branches) != 2 {
		t.Fatalf("an unknown name: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "现有支部") || !strings.Contains(msg, "教工第一党支部、学生第一党支部") {
		t.Fatalf("the message does not list the branches: %s", msg)
	}

	// Names are not unique even within one organization.
	twin := addBranch(t, s, "教工第一党支部")
	_, err = s.ResolveBranch(ctx, "教工第一党支部")
	if !errors.As(err, &be) || !be.Ambiguous() || len(be.Candidates) != 2 {
		t.Fatalf("a name two branches share: %v", err)
	}
	for _, id := range []string{teachers.ID, twin.ID} {
		if !strings.Contains(err.Error(), id) {
			t.Fatalf("the candidates are not named by id: %s", err)
		}
		if b, err := s.ResolveBranch(ctx, id); err != nil || b.ID != id {
			t.Fatalf("by id %s: %s %v", id, b.ID, err)
		}
	}
}

func TestResolveBranchWithoutBranches(t *testing.T) {
	_, err := newStore(t).ResolveBranch(context.Background(), "第一党支部")
	if err == nil || !strings.Contains(err.Error(), "还没有任何支部") {
		t.Fatalf("no branches: %v", err)
	}
}

// twoOrgsWithTheSameBranch consolidates two organizations that each have a
// 第一党支部, as the committee's database holds them.
func twoOrgsWithTheSameBranch(t *testing.T) (*data.Store, map[string]string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	ids := map[string]string{}
	var snaps []string
	for _, org := range []string{"外国语学院党委", "计算机学院党委"} {
		s, err := data.Create(ctx, filepath.Join(dir, org+".db"), org, "", data.WithClock(clock))
		if err != nil {
			t.Fatal(err)
		}
		ids[org] = addBranch(t, s, "第一党支部").ID
		snaps = append(snaps, snapshotTo(t, s, dir, org+".snap"))
		s.Close()
	}
	merged := filepath.Join(dir, "merged.db")
	if err := data.Merge(ctx, merged, snaps); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(ctx, merged)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, ids
}

func TestResolveBranchInAConsolidatedDatabase(t *testing.T) {
	ctx := context.Background()
	s, ids := twoOrgsWithTheSameBranch(t)
	refs, err := s.BranchRefs(ctx)
	if err != nil || len(refs) != 2 {
		t.Fatalf("BranchRefs: %v %v", refs, err)
	}
	// Organizations by 拼音: 计算机 (ji) before 外国语 (wai).
	if refs[0].Label != "计算机学院党委 · 第一党支部" || refs[1].Label != "外国语学院党委 · 第一党支部" {
		t.Fatalf("several organizations: labels %q, %q", refs[0].Label, refs[1].Label)
	}

	_, err = s.ResolveBranch(ctx, "第一党支部")
	var be *data.BranchNameError
	if !errors.As(err, &be) || !be.Ambiguous() {
		t.Fatalf("a name two organizations share: %v", err)
	}
	for org, id := range ids {
		if !strings.Contains(err.Error(), org+" · 第一党支部（编号 "+id+"）") {
			t.Fatalf("the candidate of %s is not listed: %s", org, err)
		}
		for _, text := range []string{id, org + " · 第一党支部"} {
			if b, err := s.ResolveBranch(ctx, text); err != nil || b.ID != id || b.OrgName != org {
				t.Fatalf("ResolveBranch(%q) = %+v, %v", text, b, err)
			}
		}
	}
	_, err = s.ResolveBranch(ctx, "第二党支部")
	if err == nil || !strings.Contains(err.Error(), "计算机学院党委 · 第一党支部、外国语学院党委 · 第一党支部") {
		t.Fatalf("an unknown name in a consolidated database: %v", err)
	}
}

func TestBranchRefsInNaturalOrder(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	want := []string{"2023级本科生党支部", "2024级本科生党支部", "第一党支部", "第二党支部", "第三党支部",
		"第九党支部", "第十党支部", "第十一党支部", "第二十党支部", "第二十一党支部", "机关教工党支部"}
	for i := len(want) - 1; i >= 0; i-- {
		addBranch(t, s, want[i])
	}
	refs, err := s.BranchRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range refs {
		got = append(got, r.Label)
	}
	if strings.Join(got, "、") != strings.Join(want, "、") {
		t.Fatalf("branches listed as\n%s\nwant\n%s", strings.Join(got, "、"), strings.Join(want, "、"))
	}

	// 党小组 follow their branch's place, then their own names in the same order.
	second, tenth := refs[3], refs[6]
	for _, g := range []struct {
		branch data.BranchRef
		name   string
	}{{tenth, "第二党小组"}, {second, "第十党小组"}, {second, "第二党小组"}, {tenth, "第一党小组"}} {
		if err := s.Groups.Create(ctx, &data.PartyGroup{BranchID: data.Ref(g.branch.ID), Name: g.name}); err != nil {
			t.Fatal(err)
		}
	}
	groups, err := s.GroupsInOrder(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, g := range groups {
		got = append(got, string(g.BranchID)+"/"+g.Name)
	}
	wantGroups := []string{second.ID + "/第二党小组", second.ID + "/第十党小组", tenth.ID + "/第一党小组", tenth.ID + "/第二党小组"}
	if strings.Join(got, " ") != strings.Join(wantGroups, " ") {
		t.Fatalf("groups listed as %v, want %v", got, wantGroups)
	}
}
