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

// BenchmarkOpenToMembersTable20000 measures opening the application on an
// organization of 20,000 members, the 党员 screen remembered from the last
// run: open the database, build the window and wait until the members
// table has every row. Target: under 1 s. The demo organization is
// generated once (about 30 s), so the benchmark is skipped under -short.
func BenchmarkOpenToMembersTable20000(b *testing.B) {
	if testing.Short() {
		b.Skip("generates a demo organization of 20,000 members (about 30 s)")
	}
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "open.db")
	s, err := data.Create(ctx, path, "基准测试学院党委", "B")
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := demo.Generate(ctx, s, demo.Options{Members: 20000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	want, err := s.Members.Count(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d members in %v", want, time.Since(start).Round(time.Millisecond))

	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme())
	for b.Loop() {
		a.Preferences().SetString(prefLastScreen, "党员")
		store, err := data.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		w := a.NewWindow("bench")
		w.Resize(fyne.NewSize(1280, 860))
		q := &uiQueue{}
		u := newUI(a, w, store, q.post)
		q.settle(u)
		if u.members == nil || len(u.members.shown) != want {
			b.Fatalf("the 党员 screen is not shown with its %d rows", want)
		}
		if rows, _ := u.members.table.Length(); rows != want {
			b.Fatalf("the table has %d rows, want %d", rows, want)
		}
		b.StopTimer()
		w.Close()
		if err := store.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
