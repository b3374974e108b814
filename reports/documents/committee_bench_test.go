package documents

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// BenchmarkCommitteeDocuments writes each committee document of the two
// organizations of the tests as PDF: the figures of every organization
// computed, the document built and rendered.
func BenchmarkCommitteeDocuments(b *testing.B) {
	s, fx := openMerged(b)
	o := committeeOptions(b, s, fx)
	for _, k := range CommitteeKinds {
		b.Run(string(k), func(b *testing.B) {
			for b.Loop() {
				if _, err := WriteCommittee(context.Background(), s, k, PDF, io.Discard, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCommitteeDocuments60 writes each committee document as PDF over
// a consolidated database of 60 demo organizations of 30 members each.
func BenchmarkCommitteeDocuments60(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	var snaps []string
	for i := range 60 {
		path := filepath.Join(dir, fmt.Sprintf("org%02d.db", i))
		s, err := data.Create(ctx, path, fmt.Sprintf("第%02d学院党委", i+1), "", data.WithClock(func() time.Time { return testNow }))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := demo.Generate(ctx, s, demo.Options{Seed: int64(i), Members: 30, AsOf: testNow}); err != nil {
			b.Fatal(err)
		}
		snap := path + ".snap"
		if err := s.Snapshot(ctx, snap); err != nil {
			b.Fatal(err)
		}
		s.Close()
		snaps = append(snaps, snap)
	}
	merged := filepath.Join(dir, "merged.db")
	if err := data.Merge(ctx, merged, snaps); err != nil {
		b.Fatal(err)
	}
	s := openAt(b, merged)
	o := CommitteeOptions{Now: testNow}
	b.ResetTimer()
	for _, k := range CommitteeKinds {
		b.Run(string(k), func(b *testing.B) {
			for b.Loop() {
				if _, err := WriteCommittee(ctx, s, k, PDF, io.Discard, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
