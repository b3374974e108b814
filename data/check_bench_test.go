package data_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// benchDB returns a demo organization of n members with a year of records,
// generated afresh (so it always matches the current generator).
func benchDB(b *testing.B, n int) *data.Store {
	b.Helper()
	ctx := context.Background()
	asOf := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { return asOf.Add(10 * time.Hour) }
	s, err := data.Create(ctx, filepath.Join(b.TempDir(), "bench.db"), "基准测试学院党委", "B", data.WithClock(clock))
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := demo.Generate(ctx, s, demo.Options{Members: n, Seed: 1, AsOf: asOf}); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d members in %v", n, time.Since(start))
	return s
}

// BenchmarkCheck20000 measures `dangjian check` over an organization of
// 20,000 members with a year of records: gathering the facts and running
// every rule. Target: under 2 s per check.
func BenchmarkCheck20000(b *testing.B) {
	s := benchDB(b, 20000)
	defer s.Close()
	ctx := context.Background()
	asOf := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	var n int
	for b.Loop() {
		fs, err := s.Check(ctx, 2026, asOf)
		if err != nil {
			b.Fatal(err)
		}
		n = len(fs)
	}
	b.ReportMetric(float64(n), "findings")
}
