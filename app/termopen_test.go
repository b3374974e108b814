package app

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// TestCommitteeWindowOpensTheTermsResult: before any consolidation the
// committee's window opens an empty merged.db it creates; once a term is
// consolidated, the window opens that term's result, read-only.
func TestCommitteeWindowOpensTheTermsResult(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	const pass = "党委汇总口令-2026"
	dir, _ := committeeFolder(t, pass)
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())

	w := a.NewWindow("before")
	u := openCommitteeWindow(a, w, dir)
	if u == nil {
		t.Fatal("the committee's folder did not open")
	}
	if got := u.store.Path(); got != filepath.Join(dir, snapshot.MergedFile) {
		t.Fatalf("before any consolidation the window opened %s", got)
	}
	u.store.Close()
	w.Close()

	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	id, err := c.Unlock(pass)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Consolidate(context.Background(), snapshot.ConsolidateOptions{Identity: id,
		Backend: snapshot.NewMemoryBackend(), Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	w = a.NewWindow("after")
	u = openCommitteeWindow(a, w, dir)
	if u == nil {
		t.Fatal("the committee's folder did not open after a consolidation")
	}
	defer u.store.Close()
	if got := u.store.Path(); got != rep.Result {
		t.Fatalf("after consolidating %s the window opened %s, want %s", rep.Term, got, rep.Result)
	}
	err = u.store.Branches.Create(context.Background(), &data.Branch{Name: "不应写入的支部", Type: string(vocab.BranchStaff)})
	if !errors.Is(err, data.ErrReadOnly) {
		t.Fatalf("a write into the term's result: %v, want refused as read-only", err)
	}
}
