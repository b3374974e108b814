package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"dangjian/data"
)

// Two organizations, each with a 第一党支部 and a 王建国, consolidated:
// every org-scoped read keeps to the organization asked for, and ""
// stands for the whole university.
func TestOrgScopedReadsKeepToTheirOrganization(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	names := []string{"外国语学院党委", "计算机学院党委"}
	var snaps []string
	var deleted string
	for i, name := range names {
		s, err := data.Create(ctx, filepath.Join(dir, name+".db"), name, "", data.WithClock(clock))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		b := addBranch(t, s, "第一党支部")
		for j, person := range []string{"王建国", "李红梅"}[:1+i] {
			must(t, s.Members.Create(ctx, validMember(b, person, 10*i+j)))
		}
		if i == 0 { // a member deleted by mistake, in the first one's recycle bin
			m := validMember(b, "误录", 9)
			must(t, s.Members.Create(ctx, m))
			must(t, s.Members.Delete(ctx, m))
			deleted = m.ID
		}
		snaps = append(snaps, snapshotTo(t, s, dir, name+".snapshot"))
	}
	out := filepath.Join(dir, "merged.db")
	must(t, data.Merge(ctx, out, snaps))
	merged, err := data.Open(ctx, out, data.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer merged.Close()

	orgs, err := merged.OrgsInOrder(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) != 2 || orgs[0].Name != "计算机学院党委" || orgs[1].Name != "外国语学院党委" { // ji before wai
		t.Fatalf("organizations %v, want 计算机学院党委 then 外国语学院党委", orgs)
	}
	for i, o := range orgs {
		refs, err := merged.BranchRefsIn(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(refs) != 1 || refs[0].OrgID != o.ID || refs[0].Label != o.Name+data.BranchSeparator+"第一党支部" {
			t.Fatalf("%s's branches: %+v", o.Name, refs)
		}
		members, err := merged.Members.List(ctx, data.InOrg(o.ID))
		if err != nil {
			t.Fatal(err)
		}
		if len(members) != 2-i {
			t.Fatalf("%s has %d members, want %d", o.Name, len(members), 2-i)
		}
		for _, m := range members {
			if m.OrgID != o.ID || string(m.BranchID) != refs[0].ID {
				t.Fatalf("%s lists %s of another organization", o.Name, m.Name)
			}
		}
		trash, err := merged.TrashIn(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if holds := len(trash) == 1 && trash[0].ID == deleted; holds != (o.Name == "外国语学院党委") {
			t.Fatalf("%s's recycle bin: %+v", o.Name, trash)
		}
		fig, err := merged.FiguresIn(ctx, o.ID, 2026, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		own, err := merged.FiguresOf(ctx, o.ID, 2026, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fig.Summary(), own.Summary()) || fig.Summary().Members != 2-i {
			t.Fatalf("%s's figures: %+v", o.Name, fig.Summary())
		}
	}
	all, err := merged.Members.List(ctx, data.InOrg(""))
	if err != nil || len(all) != 3 {
		t.Fatalf("every organization's members: %d (%v), want 3", len(all), err)
	}
	if refs, err := merged.BranchRefsIn(ctx, ""); err != nil || len(refs) != 2 {
		t.Fatalf("every organization's branches: %v (%v)", refs, err)
	}
	if trash, err := merged.TrashIn(ctx, ""); err != nil || len(trash) != 1 {
		t.Fatalf("the whole recycle bin: %v (%v)", trash, err)
	}
	fig, err := merged.FiguresIn(ctx, "", 2026, fixedNow)
	if err != nil || fig.Summary().Members != 3 {
		t.Fatalf("the university's figures: %v", err)
	}
	if _, err := merged.FiguresIn(ctx, "no-such-org", 2026, fixedNow); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("an organization not there: %v", err)
	}
}
