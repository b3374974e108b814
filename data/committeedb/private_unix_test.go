//go:build unix

package committeedb

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTheDatabaseIsPrivate: committee.db and SQLite's files beside it are
// readable by the user only, whatever the umask.
func TestTheDatabaseIsPrivate(t *testing.T) {
	dir := t.TempDir()
	d := open(t, dir)
	if _, err := d.SetNote(ctx, "k", "no_snapshot", "已处理"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{File, File + "-wal", File + "-shm"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v", name, st.Mode().Perm())
		}
	}
}
