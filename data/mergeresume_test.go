package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
)

// mergeFrom builds a merged database of sources from scratch, and returns
// its state.
func mergeFrom(t *testing.T, out string, sources ...string) data.MergeState {
	t.Helper()
	ctx := context.Background()
	m, err := data.NewMerger(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sources {
		if err := m.Add(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if u := m.Unusable(); u != "" {
		t.Fatalf("a merge of distinct organizations is not reusable: %s", u)
	}
	st := m.State()
	if err := m.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// sameDump fails the test when the two databases hold different records,
// naming the first line that differs.
func sameDump(t *testing.T, what, got, want string) {
	t.Helper()
	d1, d2 := dumpOf(t, got), dumpOf(t, want)
	if bytes.Equal(d1, d2) {
		return
	}
	l1, l2 := strings.Split(string(d1), "\n"), strings.Split(string(d2), "\n")
	for i := 0; i < len(l1) && i < len(l2); i++ {
		if l1[i] != l2[i] {
			t.Fatalf("%s: dumps differ at line %d:\nresumed:      %.300s\nfrom scratch: %.300s", what, i+1, l1[i], l2[i])
		}
	}
	t.Fatalf("%s: dumps differ in length: %d and %d lines", what, len(l1), len(l2))
}

// TestResumedMergeEqualsMergeFromScratch removes and adds organizations
// on a copy of an earlier merge, among them the holder of a blob two
// others share, and compares each result with the merge of the same
// snapshots from scratch.
func TestResumedMergeEqualsMergeFromScratch(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Made one after the other, so a's id is the smallest: a holds the
	// blob the three share, with a stamp of its own.
	a := demoOrg(t, dir, "计算机学院党委", 10, 1, mergeNow)
	b := demoOrg(t, dir, "数学学院党委", 11, 2, mergeNow.Add(time.Hour))
	c := demoOrg(t, dir, "物理学院党委", 10, 3, mergeNow.Add(2*time.Hour))
	sa, sb, sc := snapshotTo(t, a, dir, "a1"), snapshotTo(t, b, dir, "b1"), snapshotTo(t, c, dir, "c1")
	base := filepath.Join(dir, "base.db")
	state := mergeFrom(t, base, sa, sb, sc)
	if shared := state.Shared; len(shared) != 1 || len(shared[0].Holders) != 3 || shared[0].Table != "blobs" {
		t.Fatalf("shared rows of the base: %+v, want the one blob held by three", shared)
	}
	if len(state.Rows) != 3 || state.Rows[a.Org().ID]["members"].Last-state.Rows[a.Org().ID]["members"].First != 9 {
		t.Fatalf("row ranges of the base: %+v", state.Rows)
	}
	// a changes its records.
	br, err := a.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	br[0].Name = "改名后的支部"
	if err := a.Branches.Update(ctx, &br[0]); err != nil {
		t.Fatal(err)
	}
	sa2 := snapshotTo(t, a, dir, "a2")

	cases := []struct {
		name    string
		remove  []string
		add     []string
		scratch []string
	}{
		{"the blob's holder pushes again", []string{a.Org().ID}, []string{sa2}, []string{sa2, sb, sc}},
		{"the blob's holder leaves", []string{a.Org().ID}, nil, []string{sb, sc}},
		{"two holders leave", []string{a.Org().ID, b.Org().ID}, nil, []string{sc}},
		{"a holder leaves and comes back", []string{b.Org().ID, a.Org().ID}, []string{sb, sa}, []string{sa, sb, sc}},
		{"nothing changes", nil, nil, []string{sa, sb, sc}},
	}
	// Without the row ranges, Remove scans the tables: the same result;
	// an update in place of the base's own file gives it too.
	scanning := data.MergeState{Shared: state.Shared}
	modes := []struct {
		name    string
		st      data.MergeState
		inPlace bool
	}{{"from a copy", state, false}, {"scanning", scanning, false}, {"in place", state, true}}
	for i, tc := range cases {
		for j, mode := range modes {
			t.Run(tc.name+", "+mode.name, func(t *testing.T) {
				out := filepath.Join(dir, fmt.Sprintf("resumed-%d-%d.db", i, j))
				copyFile(t, base, out)
				resume := data.ResumeMerger
				if mode.inPlace {
					resume = data.UpdateInPlace
				}
				m, err := resume(ctx, out, mode.st)
				if err != nil {
					t.Fatal(err)
				}
				if m.Deferred() != mode.inPlace {
					t.Fatalf("Deferred: %v", m.Deferred())
				}
				for _, org := range tc.remove {
					if err := m.Remove(ctx, org); err != nil {
						t.Fatal(err)
					}
				}
				for _, s := range tc.add {
					if err := m.Add(ctx, s); err != nil {
						t.Fatal(err)
					}
				}
				if err := m.Finish(ctx); err != nil {
					t.Fatal(err)
				}
				if u := m.Unusable(); u != "" {
					t.Fatalf("resumed merge not reusable: %s", u)
				}
				got := m.Shared()
				want := filepath.Join(dir, fmt.Sprintf("scratch-%d-%d.db", i, j))
				wantState := mergeFrom(t, want, tc.scratch...)
				sameDump(t, tc.name, out, want)
				if len(got) != len(wantState.Shared) || (len(got) == 1 && len(got[0].Holders) != len(wantState.Shared[0].Holders)) {
					t.Fatalf("shared rows %+v, from scratch %+v", got, wantState.Shared)
				}
				if mode.inPlace {
					// Its state goes on: the next update starts from it.
					if gotRows := m.State().Rows; len(gotRows) != len(wantState.Rows) {
						t.Fatalf("row ranges after the update in place: %+v, from scratch %+v", gotRows, wantState.Rows)
					}
				}
			})
		}
	}
}

func TestResumeMergerRefusesAnotherSchemaVersion(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	out := filepath.Join(dir, "merged.db")
	mergeFrom(t, out)
	db, err := openRaw(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := data.ResumeMerger(ctx, out, data.MergeState{}); err == nil {
		t.Fatal("a merged database of another schema version was taken as a base")
	}
	if _, err := data.ResumeMerger(ctx, filepath.Join(dir, "missing.db"), data.MergeState{}); err == nil {
		t.Fatal("a missing base was taken")
	}
}

// TestMergeOfTwoOrganizationsHoldingOneIDIsNoBase: an id two
// organizations hold outside the shared tables (one database copied into
// another's) keeps the smaller organization's row, and the result says it
// cannot be a base.
func TestMergeOfTwoOrganizationsHoldingOneIDIsNoBase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := demoOrg(t, dir, "计算机学院党委", 10, 1, mergeNow)
	sa := snapshotTo(t, a, dir, "a1")
	twin := filepath.Join(dir, "twin")
	copyFile(t, sa, twin)
	db, err := openRaw(twin)
	if err != nil {
		t.Fatal(err)
	}
	// The copy claims another owner for the same rows.
	if _, err := db.Exec("UPDATE members SET org_id = 'ffffffff-0000-7000-8000-000000000000'"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	m, err := data.NewMerger(ctx, filepath.Join(dir, "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Abort()
	for _, s := range []string{twin, sa} {
		if err := m.Add(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if m.Unusable() == "" {
		t.Fatal("members held by two organizations: the result claims to be a usable base")
	}
}

// openRaw opens a database file with SQLite alone, for changes the program
// would refuse.
func openRaw(path string) (*sql.DB, error) { return sql.Open("sqlite3", "file:"+path) }
