package localfs

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func runFolders(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, ScratchFolder))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestScratchIsPrivateAndRemovedOnClose(t *testing.T) {
	dir := t.TempDir()
	s, err := NewScratch(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(dir, ScratchFolder), s.Dir()} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("%s: mode %v, want 0700", p, fi.Mode().Perm())
		}
	}
	if filepath.Dir(s.Dir()) != filepath.Join(dir, ScratchFolder) {
		t.Errorf("scratch %s is not under the database's folder", s.Dir())
	}
	os.WriteFile(filepath.Join(s.Dir(), "copy.db"), []byte("x"), 0o600)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := runFolders(t, dir); len(got) != 0 {
		t.Fatalf("left after Close: %v", got)
	}
}

func TestScratchOfKilledRunIsRemovedAtNextStart(t *testing.T) {
	dir := t.TempDir()
	cmd := startHolder(t, holdScratchEnv, dir)
	// A live run's folder is left alone by the next one.
	s, err := NewScratch(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := runFolders(t, dir); len(got) != 2 {
		t.Fatalf("run folders with a live child: %v, want 2", got)
	}
	s.Close()
	cmd.Process.Kill()
	cmd.Wait()
	left := runFolders(t, dir)
	if len(left) != 1 {
		t.Fatalf("after the kill: %v, want the child's folder", left)
	}
	s2, err := NewScratch(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got := runFolders(t, dir)
	if len(got) != 1 || got[0] == left[0] {
		t.Fatalf("the killed run's folder (with its copy of personal data) must be gone: %v", got)
	}
}

func TestCleanScratchRemovesOldFoldersWithoutLock(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, ScratchFolder)
	young := filepath.Join(root, runPrefix+"young")
	old := filepath.Join(root, runPrefix+"old")
	other := filepath.Join(root, "not-a-run")
	for _, d := range []string{young, old, other} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * orphanAge)
	os.Chtimes(old, past, past)
	CleanScratch(dir)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("an old folder without a lock must be removed")
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("a folder being made right now must be kept: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("folders that are not runs are not ours to remove: %v", err)
	}
}

func TestScratchesMadeAtOnceNeverRemoveEachOther(t *testing.T) {
	dir := t.TempDir()
	const workers, runs = 8, 150
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		go func() {
			for i := 0; i < runs; i++ {
				s, err := NewScratch(dir)
				if err != nil {
					errs <- err
					return
				}
				if err := os.WriteFile(filepath.Join(s.Dir(), "copy.db"), []byte("x"), 0o600); err != nil {
					errs <- fmt.Errorf("a live run's folder was removed: %w", err)
					return
				}
				s.Close()
			}
			errs <- nil
		}()
	}
	for w := 0; w < workers; w++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}
