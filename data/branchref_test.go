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
	if refs[0].Name != "学生第一党支部" || refs[0].Label != refs[0].Name || refs[0].OrgName != "测试学院党委" {
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
	if msg := err.Error(); !strings.Contains(msg, "现有支部") || !strings.Contains(msg, "学生第一党支部、教工第一党支部") {
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
	if refs[0].Label != "外国语学院党委 · 第一党支部" || refs[1].Label != "计算机学院党委 · 第一党支部" {
		t.Fatalf("several organizations: labels %q, %q", refs[0].Label, refs[1].Label)
	}

	_, err = s.ResolveBranch(ctx, "第一党支部")
	var be *data.BranchNameError
	if !errors.As(err, &be) || !be.Ambiguous() {
		t.Fatalf("a name two organizations share: %v", err)
	}
	for org, id := range ids {
		if !strings.Contains(err.Error(), org+" · 第一党支部(编号 "+id+")") {
			t.Fatalf("the candidate of %s is not listed: %s", org, err)
		}
		for _, text := range []string{id, org + " · 第一党支部"} {
			if b, err := s.ResolveBranch(ctx, text); err != nil || b.ID != id || b.OrgName != org {
				t.Fatalf("ResolveBranch(%q) = %+v, %v", text, b, err)
			}
		}
	}
	_, err = s.ResolveBranch(ctx, "第二党支部")
	if err == nil || !strings.Contains(err.Error(), "外国语学院党委 · 第一党支部、计算机学院党委 · 第一党支部") {
		t.Fatalf("an unknown name in a consolidated database: %v", err)
	}
}
