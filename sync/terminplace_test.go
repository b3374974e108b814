package snapshot

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"dangjian/data"
	"dangjian/data/localfs"
)

// truncateScratch empties every file of the committee's work folders: the
// decrypted snapshots an update in place has yet to merge.
func truncateScratch(t *testing.T, dir string) {
	t.Helper()
	n := 0
	filepath.WalkDir(filepath.Join(dir, localfs.ScratchFolder), func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if os.Truncate(path, 0) == nil {
				n++
			}
		}
		return nil
	})
	if n == 0 {
		t.Fatal("no snapshot waiting to be merged")
	}
}

// TestFailedInPlaceConsolidationKeepsThePreviousResult fails a
// consolidation that updates the term's result in place, in the middle of
// its transaction (a decrypted snapshot made unreadable once the
// organization's rows were taken out) and by a cancellation before it:
// the term's result and its record stay as they were, read-only, and can
// be opened; the next consolidation updates it in place again and gives
// the result built from scratch.
func TestFailedInPlaceConsolidationKeepsThePreviousResult(t *testing.T) {
	faults := []struct {
		name  string
		fault func(t *testing.T, w *world, cancel context.CancelFunc)
	}{
		{"a snapshot unreadable within the transaction", func(t *testing.T, w *world, _ context.CancelFunc) { truncateScratch(t, w.committee.Dir) }},
		{"cancelled before the transaction", func(_ *testing.T, _ *world, cancel context.CancelFunc) { cancel() }},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			w := newWorld(t)
			a, b := w.newOrg("计算机学院党委", 10, 1), w.newOrg("数学学院党委", 11, 2)
			a.push(t)
			b.push(t)
			rep, err := w.consolidateTerm(w.backend(), ConsolidateOptions{})
			if err != nil {
				t.Fatal(err)
			}
			result := rep.Result
			resultFile, err := os.Stat(result)
			if err != nil {
				t.Fatal(err)
			}
			srcPath := filepath.Join(w.committee.termDir(rep.Term), termSourcesFile)
			record, err := os.ReadFile(srcPath)
			if err != nil {
				t.Fatal(err)
			}
			before := dumpDB(t, result)

			a.change(t, "甲")
			addMember(t, a, "孙立")
			a.push(t)
			id, err := w.committee.Unlock(testPass)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(w.ctx)
			defer cancel()
			_, err = w.committee.Consolidate(ctx, ConsolidateOptions{Identity: id, Backend: w.backend(),
				Progress: func(_, _ int, what string) {
					if what == "建立索引" {
						f.fault(t, w, cancel)
					}
				}})
			if err == nil {
				t.Fatal("the consolidation went through its fault")
			}
			if got, _ := os.ReadFile(srcPath); !bytes.Equal(got, record) {
				t.Fatal("the failed consolidation changed the term's record")
			}
			if st, err := os.Stat(result); err != nil || st.Mode().Perm() != 0o400 {
				t.Fatalf("the term's database after the failure: %v, %v, want read-only", st, err)
			}
			s, err := data.OpenReadOnly(w.ctx, result, data.Consolidated())
			if err != nil {
				t.Fatalf("the term's database cannot be opened after the failure: %v", err)
			}
			s.Close()
			sameRecords(t, "after the failure", dumpDB(t, result), before)

			rep, err = w.consolidateTerm(w.backend(), ConsolidateOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !sameFile(rep.Result, resultFile) || rep.Rebuilt != "" || rep.Reused != 1 {
				t.Fatalf("the next consolidation: result %s, rebuilt %q, reused %d; want %s updated in place", rep.Result, rep.Rebuilt, rep.Reused, result)
			}
			sameRecords(t, "the next consolidation", dumpDB(t, rep.Result), w.fromScratch(w.backend()))
		})
	}
}
