package merge

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// benchAsOf is the demo organization's "today".
var benchAsOf = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// benchMerge merges the Word-shaped agreement template for a demo
// organization of 2,000 members, into a folder or one file, and reports
// the documents made per run.
func benchMerge(b *testing.B, oneFile bool) {
	ctx := context.Background()
	dir := b.TempDir()
	db := filepath.Join(dir, "bench.db")
	clock := data.WithClock(func() time.Time { return benchAsOf.Add(12 * time.Hour) })
	s, err := data.Create(ctx, db, "计算机科学与技术学院党委", "BENCH", clock)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: 2000, Seed: 1, AsOf: benchAsOf}); err != nil {
		b.Fatal(err)
	}
	tmpl := filepath.Join(dir, "责任书模板.docx")
	src, err := os.ReadFile("testdata/责任书模板.docx")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(tmpl, src, 0o600); err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		out := filepath.Join(b.TempDir(), "out")
		if oneFile {
			out += ".docx"
		}
		res, err := Merge(ctx, s, Request{Kind: Agreements, Template: tmpl, Out: out, OneFile: oneFile})
		if err != nil {
			b.Fatal(err)
		}
		n = res.Records
	}
	b.ReportMetric(float64(n), "docs/op")
}

func BenchmarkMergeAgreements2000Folder(b *testing.B)  { benchMerge(b, false) }
func BenchmarkMergeAgreements2000OneFile(b *testing.B) { benchMerge(b, true) }
