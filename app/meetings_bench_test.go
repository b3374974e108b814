package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/demo"
)

// meetingsDemoNow is "today" of the demo organizations.
var meetingsDemoNow = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)

// meetingsDemoStore makes a demo organization of n members (n/37 branches,
// a year of records) in a real SQLite file; 5,000 members take about 10 s.
func meetingsDemoStore(tb testing.TB, n int) *data.Store {
	tb.Helper()
	ctx := context.Background()
	clock := data.WithClock(func() time.Time { return meetingsDemoNow })
	s, err := data.Create(ctx, filepath.Join(tb.TempDir(), "demo.db"), "基准测试学院党委", "B", clock)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: n, Seed: 1, AsOf: meetingsDemoNow}); err != nil {
		tb.Fatal(err)
	}
	return s
}

// meetingsDemoUI shows a UI on a demo organization of n members, in a window of
// the usual size.
func meetingsDemoUI(tb testing.TB, n int) (*UI, *uiQueue) {
	tb.Helper()
	s := meetingsDemoStore(tb, n)
	a := test.NewTempApp(tb)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("demo")
	w.Resize(fyne.NewSize(1280, 860))
	q := &uiQueue{}
	u := newUI(a, w, s, q.post)
	q.settle(u)
	tb.Cleanup(func() { w.Close() })
	return u, q
}

// TestMeetingsScreenStaysLowAt135Branches: at 135 branches, most of them
// with months without a 主题党日, the 组织生活 screen still fits the
// window, folded or open (the banner scrolls), and the table keeps its
// room.
func TestMeetingsScreenStaysLowAt135Branches(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a demo organization of 5,000 members")
	}
	u, q := meetingsDemoUI(t, 5000)
	showScreen(u, newMeetingsScreen)
	q.settle(u)
	s := u.built["meetings"].(*meetingsScreen)
	branches := len(s.read.branches)
	lines := strings.Count(s.banner.text(), "\n") + 1
	if branches < 130 || lines < 40 {
		t.Fatalf("the demo has %d branches, %d banner lines: not the large organization wanted", branches, lines)
	}
	folded := u.content.MinSize().Height
	if folded >= 700 {
		t.Fatalf("the screen needs %v px at %d branches (%d banner lines)", folded, branches, lines)
	}
	test.Tap(s.banner.gaps.toggle)
	open := u.content.MinSize().Height
	if open >= 700 || s.banner.gaps.shown() != s.banner.text() {
		t.Fatalf("open, the banner makes the screen %v px high", open)
	}
	t.Logf("%d branches, %d banner lines: the screen needs %v px folded, %v px open", branches, lines, folded, open)
}

// BenchmarkOpenMeetingDialog5000 measures opening an existing meeting of
// the demo organization of 5,000 members (135 branches): the meeting, its
// attendance, the branches and the branch's members read off the UI
// goroutine, then the dialog built. ui-median-ms and ui-max-ms are the
// median and the slowest, over the openings, of an opening's longest step
// on the UI goroutine (target: under 50 ms; the whole under 200 ms).
func BenchmarkOpenMeetingDialog5000(b *testing.B) {
	s := meetingsDemoStore(b, 5000)
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1280, 860))
	q := &timedQueue{}
	u := newUI(a, w, s, q.post)
	q.settle(u)
	showScreen(u, newMeetingsScreen)
	q.settle(u)
	m := u.built["meetings"].(*meetingsScreen)
	// The meeting with the most attendance.
	best := 0
	for i, r := range m.rows {
		if r.counts[0]+r.counts[1]+r.counts[2] > m.rows[best].counts[0]+m.rows[best].counts[1]+m.rows[best].counts[2] {
			best = i
		}
	}
	id := m.rows[best].meeting.ID
	var longest []time.Duration // per opening
	b.ResetTimer()
	for b.Loop() {
		q.longest = 0
		q.onUI(func() { m.openMeeting(id) })
		q.settle(u)
		longest = append(longest, q.longest)
		if m.dialog == nil || m.dialog.rec.ID != id || len(m.dialog.people.people) == 0 {
			b.Fatal("the dialog did not open on the meeting")
		}
		m.dialog.dlg.Hide()
	}
	b.StopTimer()
	slices.Sort(longest)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(longest[len(longest)/2]), "ui-median-ms")
	b.ReportMetric(ms(longest[len(longest)-1]), "ui-max-ms")
	b.Logf("%d attendees listed; longest step on the UI goroutine per opening: fastest %v, median %v, slowest %v",
		len(m.dialog.people.people), longest[0], longest[len(longest)/2], longest[len(longest)-1])
	w.Close()
}
