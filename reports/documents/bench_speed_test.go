package documents

import (
	"context"
	"os"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/reports/pdf"
)

// speedStore opens the database named by DANGJIAN_BENCH_DB (such as the
// demo of scripts/bench-report.sh, kept with KEEP=1) read-only, or
// generates a demo organization of members when it is not set.
func speedStore(b *testing.B, members int) *data.Store {
	b.Helper()
	path := os.Getenv("DANGJIAN_BENCH_DB")
	if path == "" {
		return benchStore(b, members)
	}
	s, err := data.OpenReadOnly(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkRosterStages times the roster of a 20,000-member organization
// in its two stages, so that a profile tells the building (database and
// rules) from the rendering: Build alone, and pdf.Render of the document
// built once.
//
//	go test ./reports/documents -run '^$' -bench RosterStages -cpuprofile cpu.out
func BenchmarkRosterStages(b *testing.B) {
	s := speedStore(b, 20000)
	ctx := context.Background()
	opts := Options{Now: benchAsOf.Add(12 * time.Hour), AsOf: benchAsOf}
	b.Run("Build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Build(ctx, s, Roster, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	d, err := Build(ctx, s, Roster, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Render", func(b *testing.B) {
		b.ReportAllocs()
		var pages int
		for b.Loop() {
			res, err := pdf.Render(ctx, d, &benchCounter{})
			if err != nil {
				b.Fatal(err)
			}
			pages = res.Pages
		}
		b.ReportMetric(float64(pages), "pages")
	})
}
