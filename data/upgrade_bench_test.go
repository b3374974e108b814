package data_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"dangjian/data"
)

// upgradeBench is a snapshot of 1,000 members in the schema of the
// previous version, and a scratch path the benchmark copies it to.
func upgradeBench(b *testing.B) (old, scratch string) {
	b.Helper()
	ctx := context.Background()
	s := benchDB(b, 1000)
	defer s.Close()
	dir := b.TempDir()
	snap := filepath.Join(dir, "snap.db")
	if err := s.Snapshot(ctx, snap); err != nil {
		b.Fatal(err)
	}
	old = filepath.Join(dir, "old.db")
	if err := data.CopyAtVersion(ctx, snap, old, data.SchemaVersion()-1); err != nil {
		b.Fatal(err)
	}
	return old, filepath.Join(dir, "scratch.db")
}

func copyInto(b *testing.B, src, dst string) {
	b.Helper()
	content, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, content, 0o600); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkUpgradeSnapshot1000 measures what a snapshot of the previous
// release costs the committee beyond its inspection: the migrations and
// the checks of the upgraded file (compare BenchmarkInspectSnapshot1000).
func BenchmarkUpgradeSnapshot1000(b *testing.B) {
	old, scratch := upgradeBench(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		copyInto(b, old, scratch)
		b.StartTimer()
		if _, _, err := data.UpgradeSnapshot(ctx, scratch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInspectSnapshot1000 measures the inspection of the same
// snapshot of the previous release.
func BenchmarkInspectSnapshot1000(b *testing.B) {
	old, _ := upgradeBench(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := data.InspectSnapshot(ctx, old); err != nil {
			b.Fatal(err)
		}
	}
}
