package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyModeFallsBackToImmutableOnlyWhenItMust: SQLite reads a WAL
// database read-only through its -wal and -shm files, which must exist or
// be creatable. Only when they cannot be (a folder that cannot be written)
// and there is no log to read is the main file read as immutable; a log
// with content that cannot be read is refused rather than ignored.
// Tested as a decision because as root (CI) no folder is read-only.
func TestReadOnlyModeFallsBackToImmutableOnlyWhenItMust(t *testing.T) {
	cases := []struct {
		name  string
		facts roFacts
		want  roMode
	}{
		{"rollback-journal file, read-only folder", roFacts{walMode: false, walEmpty: true}, roShared},
		{"WAL, writable folder, no log", roFacts{walMode: true, dirWritable: true, walEmpty: true}, roShared},
		{"WAL, writable folder, a log in use", roFacts{walMode: true, dirWritable: true, walExists: true, shmExists: true}, roShared},
		{"WAL, read-only folder, -wal and -shm there", roFacts{walMode: true, walExists: true, shmExists: true}, roShared},
		{"WAL, read-only folder, no -wal or -shm", roFacts{walMode: true, walEmpty: true}, roImmutable},
		{"WAL, read-only folder, empty -wal without -shm", roFacts{walMode: true, walExists: true, walEmpty: true}, roImmutable},
		{"WAL, read-only folder, -shm without -wal", roFacts{walMode: true, shmExists: true, walEmpty: true}, roImmutable},
		{"WAL, read-only folder, a log with content without -shm", roFacts{walMode: true, walExists: true}, roBlocked},
	}
	for _, c := range cases {
		if got := readOnlyMode(c.facts); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestOpenReadOnlyInAFolderThatCannotBeWritten: where no -wal or -shm file
// can be created, the database is read as immutable and nothing is
// created; with a log holding writes beside it and no -shm, it is refused.
func TestOpenReadOnlyInAFolderThatCannotBeWritten(t *testing.T) {
	saved := dirWritable
	defer func() { dirWritable = saved }()
	dirWritable = func(string) bool { return false }
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "org.db")
	s, err := Create(ctx, path, "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Branches.Create(ctx, &Branch{Name: "第一党支部", Type: "教工"}); err != nil {
		t.Fatal(err)
	}
	pending := filepath.Join(dir, "pending.db")
	copyWhileOpen(t, path, pending)
	s.Close()

	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := ro.Branches.Count(ctx); err != nil || n != 1 {
		t.Fatalf("branches %d %v", n, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("an immutable opening created %s", suffix)
		}
	}
	ro.Close()

	if _, err := OpenReadOnly(ctx, pending); err == nil || !strings.Contains(err.Error(), "尚未写回") {
		t.Fatalf("a log that cannot be read: %v", err)
	}
}
