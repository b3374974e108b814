package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/demo"
)

// BenchmarkDuesScreen20000 measures opening the 党费 screen on an
// organization of 20,000 members with a year of records: the calculator's
// ledger read and formatted off the UI goroutine, then shown. The demo
// organization is generated once (about 30 s), so the benchmark is
// skipped under -short.
func BenchmarkDuesScreen20000(b *testing.B) {
	if testing.Short() {
		b.Skip("generates a demo organization of 20,000 members (about 30 s)")
	}
	ctx := context.Background()
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	clock := data.WithClock(func() time.Time { return now })
	path := filepath.Join(b.TempDir(), "dues.db")
	s, err := data.Create(ctx, path, "基准测试学院党委", "B", clock)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.Generate(ctx, s, demo.Options{Members: 20000, Seed: 1, AsOf: now}); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1280, 860))
	q := &uiQueue{}
	u := newUI(a, w, s, q.post)
	q.settle(u)
	start := time.Now()
	if _, err := s.Figures(ctx, 2026, now); err != nil {
		b.Fatal(err)
	}
	b.Logf("store.Figures alone: %v (the rest of a load is the screen's)", time.Since(start))
	b.ResetTimer()
	for b.Loop() {
		showScreen(u, newDuesScreen)
		q.settle(u)
		d := u.built["dues"].(*duesScreen)
		if len(d.shown) < 19000 {
			b.Fatalf("%d lines", len(d.shown))
		}
	}
	b.StopTimer()
	w.Close()
	s.Close()
}
