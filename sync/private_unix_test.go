//go:build unix

package snapshot

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestConsolidatedDatabaseIsPrivate consolidates with a umask that hides
// nothing: the consolidated database holds every organization's personal
// data and must be readable by the user only. Not parallel: the umask is
// the process's.
func TestConsolidatedDatabaseIsPrivate(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("权限学院党委", 10, 51)
	a.push(t)
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{filepath.Join(w.dir, "out", "merged.db"), filepath.Join(w.committee.Dir, MergedFile)} {
		for i := 0; i < 2; i++ { // a new one, then one replacing it
			if _, err := w.committee.Consolidate(w.ctx, ConsolidateOptions{Identity: id, Out: out, Backend: w.backend()}); err != nil {
				t.Fatal(err)
			}
			info, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			if perm := info.Mode().Perm(); perm != 0o600 {
				t.Errorf("%s is %v, want -rw-------", out, perm)
			}
		}
		if info, err := os.Stat(filepath.Dir(out)); err == nil && filepath.Dir(out) != w.committee.Dir && info.Mode().Perm()&0o077 != 0 {
			t.Errorf("the folder made for it is %v", info.Mode().Perm())
		}
	}
}
