package app

import (
	"context"
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
