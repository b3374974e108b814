package app

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/localfs"
	snapshot "dangjian/sync"
)

// TestCommitteeConsolidateWhileBusy taps 汇总 while another program holds
// the committee's folder (a consolidation or an enrollment on the command
// line): the screen says so, and the window keeps its database.
func TestCommitteeConsolidateWhileBusy(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	const pass = "党委汇总口令-2026"
	dir, _ := committeeFolder(t, pass)
	held, err := localfs.TryLock(filepath.Join(dir, "committee.lock"))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := openMerged(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	q := &uiQueue{}
	u := newCommitteeUI(a, w, c, store, q.post)
	t.Cleanup(func() { u.store.Close() })
	q.settle(u)
	openScreen(t, u, "各组织")
	q.settle(u)
	test.Tap(findButton(t, u, "汇总"))
	d := passphraseOpen(t, u)
	d.entry.SetText(pass)
	test.Tap(d.ok)
	q.settle(u)
	s := u.built["orgs"].(*orgsScreen)
	if !strings.Contains(s.message.Text, "另一个汇总或登记操作正在进行") {
		t.Fatalf("the screen says %q", s.message.Text)
	}
	if u.store != store {
		t.Error("the window replaced its database")
	}
}

// TestCommitteeConsolidateShowsTheTermsNewResult: each 汇总 makes a new
// result of the current term, which the window then shows, read-only, in
// place of the database it showed; the database shown before is never in
// the way of the next result.
func TestCommitteeConsolidateShowsTheTermsNewResult(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	const pass = "党委汇总口令-2026"
	dir, _ := committeeFolder(t, pass)
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := openMerged(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	q := &uiQueue{}
	u := newCommitteeUI(a, w, c, store, q.post)
	t.Cleanup(func() { u.store.Close() })
	q.settle(u)
	openScreen(t, u, "各组织")
	q.settle(u)
	shown := []string{u.store.Path()}
	for range 2 {
		test.Tap(findButton(t, u, "汇总"))
		d := passphraseOpen(t, u)
		d.entry.SetText(pass)
		test.Tap(d.ok)
		q.settle(u)
		r, err := c.TermResult(snapshot.TermOn(time.Now(), nil))
		if err != nil {
			t.Fatal(err)
		}
		if !localfs.SamePath(u.store.Path(), r.Path) || slices.Contains(shown, u.store.Path()) {
			t.Fatalf("the window shows %s after 汇总 (the term's result: %s; shown before: %v)", u.store.Path(), r.Path, shown)
		}
		shown = append(shown, u.store.Path())
		if _, err := u.store.Branches.Count(context.Background()); err != nil {
			t.Fatalf("the window's database: %v", err)
		}
		if err := u.store.Branches.Create(context.Background(), &data.Branch{Name: "新支部", Type: "教工"}); !errors.Is(err, data.ErrReadOnly) {
			t.Fatalf("a write into the term's result: %v", err)
		}
		s := u.built["orgs"].(*orgsScreen)
		if report := strings.Join(s.lines, "\n"); !strings.Contains(report, "计算机学院党委") {
			t.Fatalf("report:\n%s", report)
		}
	}
}
