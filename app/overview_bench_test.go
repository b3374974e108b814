package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/committeedb"
	snapshot "dangjian/sync"
)

// BenchmarkOverviewOpens measures the 全校概览 over the consolidated
// database DANGJIAN_MERGED_DB names (60 organizations of 1,000 members:
// DANGJIAN_MERGED_DB=F go test ./sync -run TestWriteMergedDatabase), from
// the screen's build to its rows shown, as it opens once its figures are
// kept in committee.db (after a 汇总, or its first opening on a day).
// Skipped without the database.
func BenchmarkOverviewOpens(b *testing.B) { benchmarkOverview(b, true) }

// BenchmarkOverviewComputes is BenchmarkOverviewOpens with the figures
// computed each time (data.Store.OrgFigures and rules.Summary of every
// organization), as a 汇总 computes them, or the first opening of a day.
func BenchmarkOverviewComputes(b *testing.B) { benchmarkOverview(b, false) }

func benchmarkOverview(b *testing.B, kept bool) {
	path := os.Getenv("DANGJIAN_MERGED_DB")
	if path == "" {
		b.Skip("DANGJIAN_MERGED_DB is not set")
	}
	ctx := context.Background()
	store, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	dir := b.TempDir()
	cfg, _ := json.Marshal(snapshot.CommitteeConfig{Format: "dangjian-committee/1", Endpoint: unreachable, Bucket: "dangjian",
		AccessKey: "committee", SecretKey: "committee-secret", AgeRecipient: "age1unused", CreatedAt: time.Now().UTC()})
	if err := os.WriteFile(filepath.Join(dir, "committee.json"), cfg, 0o600); err != nil {
		b.Fatal(err)
	}
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1024, 768))
	q := &uiQueue{}
	u := newCommitteeUI(a, w, c, store, q.post)
	q.settle(u)
	rows := len(overviewOf(b, u).data.rows)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if !kept {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(filepath.Join(dir, committeedb.File+suffix))
			}
		}
		u.open(0)
		q.settle(u)
	}
	b.StopTimer()
	if got := len(overviewOf(b, u).data.rows); got != rows || rows == 0 {
		b.Fatalf("%d rows, then %d", rows, got)
	}
	b.ReportMetric(float64(rows), "orgs")
}
