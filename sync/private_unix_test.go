//go:build unix

package snapshot

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dangjian/data/localfs"
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

// TestFilesWrittenArePrivate: with a umask that hides nothing, every file
// sync writes (keys, the committee's records, the bucket policy, the sync
// file) is readable by the user only, and no temporary file is left
// behind. Not parallel: the umask is the process's.
func TestFilesWrittenArePrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	w := newWorld(t)
	a := w.newOrg("文件权限学院党委", 10, 57)
	a.push(t)
	w.consolidate()
	w.rebase(a, 0)
	var files []string
	for _, root := range []string{w.committee.Dir, filepath.Dir(a.store.Path())} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				t.Error(err)
				return nil
			}
			if d.IsDir() {
				if d.Name() == localfs.ScratchFolder {
					t.Errorf("a scratch folder is left: %s", path)
				}
				return nil
			}
			files = append(files, path)
			if strings.HasSuffix(path, ".db") || strings.Contains(path, ".db-") {
				return nil // the organization's database is the store's
			}
			if info, err := d.Info(); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("%s is %v, want -rw-------", path, info.Mode().Perm())
			}
			return nil
		})
	}
	for _, want := range []string{committeeConfigFile, committeeKeyFile, orgFile, policyFile, acceptedFile, statusFile, rebaseFile, ".sync.json"} {
		found := false
		for _, f := range files {
			found = found || strings.HasSuffix(f, want)
		}
		if !found {
			t.Errorf("no %s was written: %v", want, files)
		}
	}
}
