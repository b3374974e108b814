//go:build unix

package app

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	snapshot "dangjian/sync"
)

// TestEmptyMergedDatabaseIsPrivate: the empty consolidated database the
// committee's window makes before the first consolidation is readable by
// the user only, whatever the umask. Not parallel: the umask is the
// process's.
func TestEmptyMergedDatabaseIsPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	s, err := openMerged(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, err := os.Stat(filepath.Join(dir, snapshot.MergedFile))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("the empty consolidated database is %v", perm)
	}
}
