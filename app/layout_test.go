package app

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/demo"
)

// smallScreen is the content a 1024×768 screen leaves the window: less a
// task bar of 40 pixels and the window's chrome.
var smallScreen = fitWindowSize(fyne.NewSize(1200, 780), fyne.NewSize(1024, 768-40))

// demoUI builds the UI, in a window of size, on a demo organization of
// members (one branch to some 37 members).
func demoUI(t testing.TB, members int, size fyne.Size) (*UI, *uiQueue) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "demo.db"), "计算机科学与技术学院党委", "D")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: members, Seed: 1, AsOf: time.Now()}); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(size)
	q := &uiQueue{}
	u := newUI(a, w, s, q.post)
	q.settle(u)
	return u, q
}

func TestTheWindowFitsTheScreen(t *testing.T) {
	for _, c := range []struct{ want, work, got fyne.Size }{
		{fyne.NewSize(1200, 780), fyne.NewSize(1366, 728), fyne.NewSize(1200, 680)},
		{fyne.NewSize(1200, 780), fyne.NewSize(1024, 728), fyne.NewSize(1008, 680)},
		{fyne.NewSize(1900, 1000), fyne.NewSize(1920, 1040), fyne.NewSize(1900, 992)},
		{fyne.NewSize(800, 600), fyne.NewSize(1920, 1040), fyne.NewSize(800, 600)},
		{fyne.NewSize(1200, 780), fyne.Size{}, fyne.NewSize(1200, 780)}, // screen unknown
	} {
		if got := fitWindowSize(c.want, c.work); got != c.got {
			t.Errorf("%v on a work area of %v: %v, want %v", c.want, c.work, got, c.got)
		}
	}
}

func TestEveryScreenFitsA1024x768Screen(t *testing.T) {
	sizes := []int{1500} // 41 branches
	if !testing.Short() {
		sizes = append(sizes, 5000) // 135 branches
	}
	for _, members := range sizes {
		t.Run(fmt.Sprint(members), func(t *testing.T) {
			u, q := demoUI(t, members, smallScreen)
			for i, sc := range u.screens {
				u.open(i)
				q.settle(u)
				if min := u.win.Content().MinSize(); min.Width > smallScreen.Width || min.Height > smallScreen.Height {
					t.Errorf("the window on %s needs %.0f×%.0f, more than the %.0f×%.0f of a 1024×768 screen",
						sc.title, min.Width, min.Height, smallScreen.Width, smallScreen.Height)
				}
				// The screen itself fits the room the sidebar and the status
				// bar leave it (else it scrolls sideways).
				room := u.content.Size()
				if min := u.shown.MinSize(); min.Width > room.Width || min.Height > room.Height {
					t.Errorf("%s needs %.0f×%.0f, more than the %.0f×%.0f it has on a 1024×768 screen",
						sc.title, min.Width, min.Height, room.Width, room.Height)
				}
			}
		})
	}
}

// BenchmarkBuildEveryScreen5000 opens every screen on a demo of 5,000
// members and reports the longest the UI goroutine was busy at once:
// building a screen, or showing what a background read brought.
func BenchmarkBuildEveryScreen5000(b *testing.B) {
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(b.TempDir(), "demo.db"), "计算机科学与技术学院党委", "D")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: 5000, Seed: 1, AsOf: time.Now()}); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1366, 698))
	q := &timedQueue{}
	u := newUI(a, w, s, q.post)
	q.settle(u)
	slowest, which := time.Duration(0), ""
	b.ResetTimer()
	for range b.N {
		for i, sc := range u.screens {
			q.longest = 0
			start := time.Now()
			u.open(i)
			build := time.Since(start)
			q.settle(u)
			d := max(build, q.longest)
			if d > slowest {
				slowest, which = d, sc.title
			}
			if d > 50*time.Millisecond {
				b.Logf("%s: built in %v, the longest result shown in %v", sc.title, build, q.longest)
			}
		}
	}
	b.ReportMetric(float64(slowest.Microseconds())/1000, "slowest-ms")
	b.Logf("the UI goroutine was busy at most %v at once, on %s", slowest, which)
}
