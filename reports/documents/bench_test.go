package documents

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// benchAsOf is the demo organizations' "today".
var benchAsOf = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// Targets for the roster of 20,000 members.
const (
	rosterTargetTime  = 3 * time.Second
	rosterTargetBytes = 5 << 20
)

// benchStore generates a demo organization of members (Seed 1, as of
// benchAsOf) in the benchmark's temporary directory. Benchmarks call it
// before their b.Loop, so it runs once per benchmark and is not timed.
func benchStore(b *testing.B, members int) *data.Store {
	b.Helper()
	ctx := context.Background()
	clock := data.WithClock(func() time.Time { return benchAsOf.Add(12 * time.Hour) })
	s, err := data.Create(ctx, filepath.Join(b.TempDir(), "bench.db"), "计算机科学与技术学院党委", "BENCH", clock)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: members, Seed: 1, AsOf: benchAsOf}); err != nil {
		b.Fatal(err)
	}
	return s
}

// benchCounter counts what is written to it and discards it.
type benchCounter struct{ n int64 }

func (w *benchCounter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return io.Discard.Write(p)
}

// benchWrite times Write of document k as a PDF and reports its size as
// bytes/op; it returns the size and the mean time per document.
func benchWrite(b *testing.B, s *data.Store, k Kind) (int64, time.Duration) {
	b.Helper()
	ctx := context.Background()
	opts := Options{Now: benchAsOf.Add(12 * time.Hour)}
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		w := &benchCounter{}
		if _, err := Write(ctx, s, k, PDF, w, opts); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(size), "bytes/op")
	return size, b.Elapsed() / time.Duration(max(b.N, 1))
}

// BenchmarkRoster20000 prints the roster of a 20,000-member organization
// (541 branches, about 800 landscape pages). Target: under 3 s and 5 MB.
func BenchmarkRoster20000(b *testing.B) {
	s := benchStore(b, 20000)
	size, each := benchWrite(b, s, Roster)
	if size > rosterTargetBytes {
		b.Errorf("the roster is %.1f MB, over the %d MB target", float64(size)/(1<<20), rosterTargetBytes>>20)
	}
	if each > rosterTargetTime {
		b.Logf("the roster took %v, over the %v target", each.Round(time.Millisecond), rosterTargetTime)
	}
}

// BenchmarkAppraisal2000 prints the 民主评议党员登记表 (one per member) of a
// 2,000-member organization.
func BenchmarkAppraisal2000(b *testing.B) {
	s := benchStore(b, 2000)
	benchWrite(b, s, Appraisal)
}
