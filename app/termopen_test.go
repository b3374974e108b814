package app

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// TestCommitteeWindowOpensTheTermsResult: before any consolidation the
// committee's window opens an empty merged.db it creates; once a term is
// consolidated, the window opens that term's result, read-only
// (openCommitteeResult, which openCommitteeWindow opens its store with).
func TestCommitteeWindowOpensTheTermsResult(t *testing.T) {
	t.Setenv(snapshot.PassphraseEnv, "")
	const pass = "党委汇总口令-2026"
	dir, _ := committeeFolder(t, pass)
	ctx := context.Background()
	c, err := snapshot.OpenCommittee(dir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := openCommitteeResult(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := store.Path(); got != filepath.Join(dir, snapshot.MergedFile) {
		t.Fatalf("before any consolidation the window opened %s", got)
	}
	store.Close()

	id, err := c.Unlock(pass)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Consolidate(ctx, snapshot.ConsolidateOptions{Identity: id,
		Backend: snapshot.NewMemoryBackend(), Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	store, err = openCommitteeResult(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if got := store.Path(); got != rep.Result {
		t.Fatalf("after consolidating %s the window opened %s, want %s", rep.Term, got, rep.Result)
	}
	err = store.Branches.Create(ctx, &data.Branch{Name: "不应写入的支部", Type: string(vocab.BranchStaff)})
	if !errors.Is(err, data.ErrReadOnly) {
		t.Fatalf("a write into the term's result: %v, want refused as read-only", err)
	}
}
