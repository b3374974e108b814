package snapshot

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// benchmarkConsolidate times consolidations of orgs organizations of
// 1,000 members each, through the test server.
func benchmarkConsolidate(b *testing.B, orgs int) {
	w := newMinIOWorld(b)
	for i := 0; i < orgs; i++ {
		w.newOrg(fmt.Sprintf("第%02d学院党委", i+1), 1000, int64(100+i)).push(b)
	}
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(w.dir, fmt.Sprintf("merged-%d.db", i))
		start := time.Now()
		rep, err := w.committee.Consolidate(w.ctx, ConsolidateOptions{Identity: id, Out: out, Backend: w.backend()})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/consolidation")
		if rep.Rejected() > 0 {
			b.Fatalf("rejected: %+v", rep.Orgs)
		}
		if fi, err := os.Stat(out); err == nil {
			size = fi.Size()
		}
	}
	b.ReportMetric(float64(size)/(1<<20), "MB-merged")
}

func BenchmarkConsolidate30Orgs(b *testing.B) { benchmarkConsolidate(b, 30) }
func BenchmarkConsolidate60Orgs(b *testing.B) { benchmarkConsolidate(b, 60) }
func BenchmarkConsolidate8Orgs(b *testing.B)  { benchmarkConsolidate(b, 8) }
