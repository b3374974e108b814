package snapshot

import (
	"os"
	"path/filepath"
)

// writeFileAtomic writes b to path through a temporary file in the same
// folder, synced, then renamed, so that readers see the old file or the
// new one, never a part. With replace false an existing file is refused.
func writeFileAtomic(path string, b []byte, perm os.FileMode, replace bool) error {
	if !replace {
		if _, err := os.Stat(path); err == nil {
			return os.ErrExist
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(perm); err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	return nil
}
