package merge

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// consolidated is a consolidated database of two organizations, each with
// a 第一党支部 holding a 王建国 (their own 公民身份号码) and one more
// member; it returns the store and, per organization id, its name and its
// members' 公民身份号码.
func consolidated(t *testing.T) (*data.Store, []data.Org, map[string][]string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	clock := data.WithClock(func() time.Time { return testNow })
	others := map[string]string{"计算机学院党委": "李计算", "外国语学院党委": "张外语"}
	byName := map[string][]string{}
	var snaps []string
	for i, org := range []string{"计算机学院党委", "外国语学院党委"} {
		s, err := data.Create(ctx, filepath.Join(dir, strconv.Itoa(i)+".db"), org, "O"+strconv.Itoa(i), clock)
		if err != nil {
			t.Fatal(err)
		}
		b := &data.Branch{Name: "第一党支部", Type: string(vocab.BranchStaff)}
		if err := s.Branches.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		for j, name := range []string{"王建国", others[org]} {
			birth := time.Date(1980+j, 3, 4, 0, 0, 0, 0, time.UTC)
			m := &data.Member{BranchID: data.Ref(b.ID), Name: name, IDNumber: field.MakeIDNumber("420106", birth, 10*i+j, true),
				PersonType: string(vocab.PersonStaff), Category: string(vocab.CategoryFull),
				JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1)}
			if err := s.Members.Create(ctx, m); err != nil {
				t.Fatal(err)
			}
			byName[org] = append(byName[org], m.IDNumber)
		}
		snap := filepath.Join(dir, strconv.Itoa(i)+".snap")
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
	s, err := data.OpenReadOnly(ctx, merged, clock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	orgs, err := s.OrgsInOrder(ctx)
	if err != nil || len(orgs) != 2 {
		t.Fatalf("organizations %v %v", orgs, err)
	}
	ids := map[string][]string{}
	for _, o := range orgs {
		ids[o.ID] = byName[o.Name]
	}
	return s, orgs, ids
}

// TestRecordsOfOneOrganization: in a consolidated database, the members'
// records of one organization are its own members only (its 王建国, not
// the other's, though both sit in a 第一党支部), filled with its name;
// without an organization both are there.
func TestRecordsOfOneOrganization(t *testing.T) {
	s, orgs, ids := consolidated(t)
	ctx := context.Background()
	all, err := Records(ctx, s, Members, Options{})
	if err != nil || len(all) != 4 {
		t.Fatalf("every organization's members: %d %v", len(all), err)
	}
	for _, o := range orgs {
		rs, err := Records(ctx, s, Members, Options{OrgID: o.ID})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rs {
			got = append(got, r.Values[fIDNumber])
			if r.Values[fOrg] != o.Name {
				t.Errorf("%s's record of %s names the organization %q", o.Name, r.Values[fName], r.Values[fOrg])
			}
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(ids[o.ID]))
		if !slices.Equal(got, want) {
			t.Fatalf("%s's members: %q, want %q", o.Name, got, want)
		}
	}
}
