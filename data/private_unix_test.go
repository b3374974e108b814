//go:build unix

package data_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"dangjian/data"
)

// TestFilesArePrivateWhateverTheUmask: with a umask that lets everyone
// read new files, the database Create makes, the -wal and -shm files SQLite
// makes beside it, a backup, and a database put back by Restore are all
// readable by their owner only. Not parallel: the umask is the process's.
func TestFilesArePrivateWhateverTheUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "org.db")
	s, err := data.Create(ctx, live, "测试学院党委", "T", data.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	b := addBranch(t, s, "第一党支部")
	must(t, s.Members.Create(ctx, validMember(b, "张三", 1)))
	backup := filepath.Join(dir, "backup.db")
	must(t, s.Backup(ctx, backup))
	for _, p := range []string{live, live + "-wal", live + "-shm", backup} {
		assertPrivate(t, p)
	}
	s.Close()
	must(t, data.Restore(ctx, backup, live))
	assertPrivate(t, live)
	s, err = data.Open(ctx, live)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Members.Count(ctx); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{live, live + "-wal", live + "-shm"} {
		assertPrivate(t, p)
	}
}

func assertPrivate(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := st.Mode().Perm(); perm != 0o600 {
		t.Errorf("%s is %v, want -rw-------", filepath.Base(path), perm)
	}
}
