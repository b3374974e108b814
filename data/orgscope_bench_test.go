package data_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// benchConsolidated is a consolidated database of orgs demo organizations
// of members each.
func benchConsolidated(b *testing.B, orgs, members int) *data.Store {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	var snaps []string
	for i := range orgs {
		name := "第" + strconv.Itoa(i+1) + "学院党委"
		s, err := data.Create(ctx, filepath.Join(dir, name+".db"), name, "", data.WithClock(func() time.Time { return mergeNow }))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := demo.Generate(ctx, s, demo.Options{Members: members, Seed: int64(i + 1), AsOf: mergeNow}); err != nil {
			b.Fatal(err)
		}
		snap := filepath.Join(dir, name+".snapshot")
		if err := s.Snapshot(ctx, snap); err != nil {
			b.Fatal(err)
		}
		s.Close()
		snaps = append(snaps, snap)
	}
	out := filepath.Join(dir, "merged.db")
	if err := data.Merge(ctx, out, snaps); err != nil {
		b.Fatal(err)
	}
	s, err := data.Open(ctx, out, data.WithClock(func() time.Time { return mergeNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// What a committee screen reads when the 二级党组织 filter changes: one
// organization's members and its figures (read afresh, or computed from
// the year's facts read before, with its summary), against the whole
// university's figures, over 4 organizations of 1,000 members.
func BenchmarkOrgScope(b *testing.B) {
	s := benchConsolidated(b, 4, 1000)
	ctx := context.Background()
	orgs, err := s.OrgsInOrder(ctx)
	if err != nil {
		b.Fatal(err)
	}
	org := orgs[0].ID
	b.Run("members of one", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Members.List(ctx, data.InOrg(org)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("figures of one", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.FiguresIn(ctx, org, 2026, mergeNow); err != nil {
				b.Fatal(err)
			}
		}
	})
	facts, err := s.ReadYearFacts(ctx, 2026, mergeNow)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("figures of one, facts read", func(b *testing.B) {
		for b.Loop() {
			fig, err := facts.Figures(ctx, org)
			if err != nil {
				b.Fatal(err)
			}
			fig.Summary()
		}
	})
	b.Run("figures of all", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.FiguresIn(ctx, "", 2026, mergeNow); err != nil {
				b.Fatal(err)
			}
		}
	})
}
