package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
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

// store5000 makes a demo organization of 5,000 members for a benchmark
// (about 10 s) and opens it.
func store5000(b *testing.B) *data.Store {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "5000.db")
	s, err := data.Create(ctx, path, "基准测试学院党委", "B")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: 5000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return s
}

// timedQueue is a uiQueue that also times what runs on the UI goroutine:
// the longest single piece and the sum, over the runs since reset.
type timedQueue struct {
	uiQueue
	longest, total time.Duration
}

// onUI runs f as the UI goroutine would, timing it.
func (q *timedQueue) onUI(f func()) {
	start := time.Now()
	f()
	d := time.Since(start)
	q.total += d
	q.longest = max(q.longest, d)
}

// settle runs what background work handed back, timing each piece.
func (q *timedQueue) settle(u *UI) {
	for {
		u.jobs.Wait()
		q.mu.Lock()
		next := q.queue
		q.queue = nil
		q.mu.Unlock()
		if len(next) == 0 {
			return
		}
		for _, f := range next {
			q.onUI(f)
		}
	}
}

// report adds the UI goroutine's figures per opening to the benchmark.
func (q *timedQueue) report(b *testing.B, n int) {
	b.ReportMetric(float64(q.longest.Microseconds())/1000, "ui-longest-ms")
	b.ReportMetric(float64(q.total.Microseconds())/1000/float64(n), "ui-ms/op")
}

// benchUI is a window over the 5,000 members showing the screen titled
// title.
func benchUI(b *testing.B, title string) (*UI, *timedQueue) {
	b.Helper()
	store := store5000(b)
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1280, 860))
	q := &timedQueue{}
	u := newUI(a, w, store, q.post)
	q.settle(u)
	for i, sc := range u.screens {
		if sc.title == title {
			u.open(i)
		}
	}
	q.settle(u)
	b.Cleanup(w.Close)
	return u, q
}

// forgetMembers drops the UI's member index, so that an opening reads the
// members anew, as the first one after starting does.
func forgetMembers(u *UI) { delete(u.built, memberDirectoryKey) }

// closeDialogs closes what an opening showed.
func closeDialogs(u *UI) {
	for _, o := range u.win.Canvas().Overlays().List() {
		u.win.Canvas().Overlays().Remove(o)
	}
}

// BenchmarkOpenTrainingDialog5000 opens 新增学习培训 at 5,000 members
// until its attendee picker lists everyone: cold, the member index read
// anew (the first opening after starting), and warm, the index kept (it is
// only checked for changes). Target: under 200 ms in all, under 50 ms at a
// time on the UI goroutine (ui-longest-ms).
func BenchmarkOpenTrainingDialog5000(b *testing.B) {
	u, q := benchUI(b, "学习培训")
	want, _ := u.store.Members.Count(context.Background())
	for _, cold := range []bool{true, false} {
		b.Run(map[bool]string{true: "cold", false: "warm"}[cold], func(b *testing.B) {
			q.longest, q.total = 0, 0
			n := 0
			for b.Loop() {
				if cold {
					forgetMembers(u)
				}
				q.onUI(u.training.openRecord)
				q.settle(u)
				n++
				if got := len(u.training.record.people.hits); got != want {
					b.Fatalf("the picker lists %d members, want %d", got, want)
				}
				b.StopTimer()
				closeDialogs(u)
				b.StartTimer()
			}
			q.report(b, n)
		})
	}
}

// BenchmarkOpenMemberForm5000 opens a member's form at 5,000 members
// (read off the UI goroutine, then shown).
func BenchmarkOpenMemberForm5000(b *testing.B) {
	u, q := benchUI(b, "党员")
	id := u.members.shown[len(u.members.shown)/2].id
	q.longest, q.total = 0, 0
	n := 0
	for b.Loop() {
		q.onUI(func() { u.members.openMember(id) })
		q.settle(u)
		n++
		if u.members.dialog == nil || u.members.dialog.rec.ID != id {
			b.Fatal("the member form did not open")
		}
		b.StopTimer()
		closeDialogs(u)
		u.members.dialog = nil
		b.StartTimer()
	}
	q.report(b, n)
}

// BenchmarkOpenRecordForm5000 opens a 谈心谈话 form at 5,000 members until
// its 党员 picker has the members, cold (the member index read anew) and
// warm (the index kept).
func BenchmarkOpenRecordForm5000(b *testing.B) {
	u, q := benchUI(b, "谈心谈话")
	for _, cold := range []bool{true, false} {
		b.Run(map[bool]string{true: "cold", false: "warm"}[cold], func(b *testing.B) {
			q.longest, q.total = 0, 0
			n := 0
			for b.Loop() {
				if cold {
					forgetMembers(u)
				}
				var f *recordForm
				q.onUI(func() {
					f = newRecordForm(&data.Talk{}, formSpec{u: u})
					d := dialog.NewCustomWithoutButtons("新增谈心谈话", f.scrollView(), u.win)
					d.Resize(fyne.NewSize(620, 560))
					d.Show()
				})
				q.settle(u)
				n++
				p := f.inputs["member_id"].object.(*memberPicker)
				if p.index == nil || len(p.index.members) < 5000 {
					b.Fatal("the picker has no members")
				}
				b.StopTimer()
				closeDialogs(u)
				b.StartTimer()
			}
			q.report(b, n)
		})
	}
}

// BenchmarkBuildMemberIndex5000 reads the member index of 5,000 members
// (off the UI goroutine).
func BenchmarkBuildMemberIndex5000(b *testing.B) {
	store := store5000(b)
	for b.Loop() {
		if _, err := buildMemberIndex(context.Background(), store); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPickerFilter5000 is one keystroke in a picker at 5,000
// members: the queries people type (拼音首字母, 姓名, 工号, 拼音), up to 50
// matches, and an attendee picker's whole list. Target: far under 50 ms.
func BenchmarkPickerFilter5000(b *testing.B) {
	store := store5000(b)
	x, err := buildMemberIndex(context.Background(), store)
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{"z", "zs", "王", "李明", "20", "zhang", "wjg", "xyz"}
	for b.Loop() {
		for _, q := range queries {
			x.search(q, memberFilter{}, pickerLimit)
		}
		x.search("l", memberFilter{}, 0)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(queries)+1), "ns/keystroke")
}

// BenchmarkReadSessions5000 reads the 培训记录 of the demo year at 5,000
// members (about 2,400 sessions and 80,000 attendances), off the UI
// goroutine.
func BenchmarkReadSessions5000(b *testing.B) {
	store := store5000(b)
	year := store.Now().Year()
	for b.Loop() {
		rows, err := readSessions(context.Background(), store, year)
		if err != nil || len(rows) == 0 {
			b.Fatal(len(rows), err)
		}
	}
}
