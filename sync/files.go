package snapshot

import (
	"errors"
	"os"
	"path/filepath"

	"dangjian/data/localfs"
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
	if !replace {
		// A hard link fails when path exists, even if another program
		// made it since the check above: an existing key is never replaced.
		// (File systems without hard links, FAT on a USB stick, fall back
		// to the check above and a rename.)
		err := os.Link(tmp, path)
		switch {
		case err == nil:
			os.Remove(tmp)
		case errors.Is(err, os.ErrExist):
			return err
		default:
			if _, serr := os.Stat(path); serr == nil {
				return os.ErrExist
			}
			if err := os.Rename(tmp, path); err != nil {
				return err
			}
		}
		ok = true
		return nil
	}
	if err := localfs.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	return nil
}
