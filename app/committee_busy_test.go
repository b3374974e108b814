package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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

// TestCommitteeConsolidateReplacesUnderTheLock: the database a 汇总 built
// is put in place of merged.db under the committee folder's lock. When
// another window's 汇总 took it away meanwhile, or another operation holds
// the folder, the window keeps its database, open and usable, and says so.
func TestCommitteeConsolidateReplacesUnderTheLock(t *testing.T) {
	for _, name := range []string{"built database gone", "folder busy"} {
		t.Run(name, func(t *testing.T) {
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
			test.Tap(findButton(t, u, "汇总"))
			d := passphraseOpen(t, u)
			d.entry.SetText(pass)
			test.Tap(d.ok)
			// Run what the UI goroutine is handed until the database is
			// built, but not its replacing merged.db.
			building := filepath.Join(dir, "merged-new.db")
			for i := 0; i < 10; i++ {
				u.jobs.Wait()
				if _, err := os.Stat(building); err == nil {
					break
				}
				q.mu.Lock()
				next := q.queue
				q.queue = nil
				q.mu.Unlock()
				for _, f := range next {
					f()
				}
			}
			if _, err := os.Stat(building); err != nil {
				t.Fatalf("the 汇总 built nothing: %v", err)
			}
			var held *localfs.Lock
			if name == "folder busy" {
				if held, err = localfs.TryLock(filepath.Join(dir, "committee.lock")); err != nil {
					t.Fatal(err)
				}
				defer held.Unlock()
			} else {
				os.Remove(building)
			}
			q.settle(u)
			if _, err := u.store.Branches.Count(context.Background()); err != nil {
				t.Fatalf("the window's database: %v", err)
			}
			if u.store != store {
				t.Error("the window replaced its database")
			}
			s := u.built["orgs"].(*orgsScreen)
			if !strings.Contains(s.message.Text, "未替换") {
				t.Errorf("the screen says %q", s.message.Text)
			}
		})
	}
}
