package snapshot

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"dangjian/data"
)

// counts is how many live rows of a few kinds an organization has.
type counts struct{ members, meetings, dues, trainings int }

func countsOf(t *testing.T, s *data.Store, orgID string) counts {
	t.Helper()
	ctx := context.Background()
	var c counts
	var err error
	cond := []data.Cond{}
	if orgID != "" {
		cond = append(cond, data.Where("org_id", orgID))
	}
	if c.members, err = s.Members.Count(ctx, cond...); err != nil {
		t.Fatal(err)
	}
	if c.meetings, err = s.Meetings.Count(ctx, cond...); err != nil {
		t.Fatal(err)
	}
	if c.dues, err = s.Dues.Count(ctx, cond...); err != nil {
		t.Fatal(err)
	}
	if c.trainings, err = s.Trainings.Count(ctx, cond...); err != nil {
		t.Fatal(err)
	}
	return c
}

func openMerged(t *testing.T, path string) *data.Store {
	t.Helper()
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestRoundTripTwoOrganizations pushes two organizations and consolidates
// them, in memory and through the real server.
func TestRoundTripTwoOrganizations(t *testing.T) {
	eachWorld(t, func(t *testing.T, w *world) {
		a := w.newOrg("文学院党委", 40, 1)
		b := w.newOrg("理学院党委", 30, 2)
		if r := a.push(t); r.Seq != 1 || r.Unchanged || r.Size == 0 {
			t.Fatalf("first push of A: %+v", r)
		}
		if r := b.push(t); r.Seq != 1 {
			t.Fatalf("first push of B: %+v", r)
		}
		if r := a.push(t); !r.Unchanged || r.Seq != 1 {
			t.Fatalf("a push with nothing changed uploaded: %+v", r)
		}
		a.change(t, "一")
		if r := a.push(t); r.Seq != 2 || r.Unchanged {
			t.Fatalf("push after a change: %+v", r)
		}

		rep, path := w.consolidate()
		for _, o := range []*org{a, b} {
			got := rep.of(o.store.Org().ID)
			if got.Status != StatusAccepted || got.Reason != "" {
				t.Fatalf("%s: %+v", o.name, got)
			}
		}
		if got := rep.of(a.store.Org().ID); got.Seq != 2 || got.UsedSeq != 2 {
			t.Errorf("A should be merged from seq 2: %+v", got)
		}
		merged := openMerged(t, path)
		var sum counts
		for _, o := range []*org{a, b} {
			want := countsOf(t, o.store, "")
			if got := countsOf(t, merged, o.store.Org().ID); got != want {
				t.Errorf("%s: merged %+v, source %+v", o.name, got, want)
			}
			sum.members += want.members
		}
		if got := countsOf(t, merged, ""); got.members != sum.members {
			t.Errorf("merged holds %d members, the sources %d", got.members, sum.members)
		}
		if orgs, _ := merged.Orgs.List(context.Background()); len(orgs) != 2 {
			t.Errorf("merged holds %d organizations", len(orgs))
		}

		// A second consolidation with nothing new keeps both.
		rep, _ = w.consolidate()
		if got := rep.of(b.store.Org().ID); got.Status != StatusAccepted || got.UsedSeq != 1 {
			t.Errorf("B on the second run: %+v", got)
		}

		st, err := LoadState(StatePath(a.store.Path()))
		if err != nil {
			t.Fatal(err)
		}
		if st.LastSeq != 2 || st.LastSuccess == nil || len(st.History) != 3 || st.History[1].Result != ResultUnchanged {
			t.Errorf("A's recorded state: seq %d, history %+v", st.LastSeq, st.History)
		}
	})
}

// TestNothingReadableLeaves reads every object the organizations uploaded.
func TestNothingReadableLeaves(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("外国语学院党委", 30, 3)
	b := w.newOrg("化学学院党委", 20, 4)
	a.push(t)
	b.push(t)
	a.change(t, "二")
	a.push(t)

	var secrets []string
	for _, o := range []*org{a, b} {
		members, err := o.store.Members.List(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range members {
			secrets = append(secrets, m.Name, m.IDNumber)
			if m.Phone != "" {
				secrets = append(secrets, m.Phone)
			}
		}
	}
	root := w.root()
	keys, err := root.List(w.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 6 {
		t.Fatalf("expected 3 snapshots and 3 manifests, got %v", keys)
	}
	for _, k := range keys {
		r, err := root.Get(w.ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(r)
		r.Close()
		if !strings.HasSuffix(k, ".json") && !bytes.HasPrefix(body, []byte("age-encryption.org/v1")) {
			t.Errorf("%s is not an age file: %q", k, body[:min(40, len(body))])
		}
		if bytes.Contains(body, []byte("SQLite format 3")) {
			t.Errorf("%s holds an SQLite header", k)
		}
		for _, s := range secrets {
			if len(s) >= 2 && bytes.Contains(body, []byte(s)) {
				t.Errorf("%s holds personal data", k)
				break
			}
		}
	}
}

func dataWhereOrg(o *org) data.Cond { return data.Where("org_id", o.store.Org().ID) }
