package localfs

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// CreateFile writes a new file at path whole or not at all, readable by
// the user only, and never replaces one (os.ErrExist), even one another
// program makes meanwhile: write fills a file in a scratch folder beside
// path, which is synced and then hard-linked into place — a link fails
// when path exists. File systems without hard links (FAT on a USB stick)
// fall back to a check and a rename.
func CreateFile(path string, write func(w io.Writer) error) error {
	if _, err := os.Lstat(path); err == nil {
		return os.ErrExist
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	scratch, err := NewScratch(dir)
	if err != nil {
		return err
	}
	defer scratch.Close()
	tmp := filepath.Join(scratch.Dir(), "new")
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	err = f.Chmod(0o600) // whatever the umask
	if err == nil {
		err = write(f)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	err = os.Link(tmp, path)
	if err != nil && !errors.Is(err, os.ErrExist) {
		if _, serr := os.Lstat(path); serr == nil {
			return os.ErrExist
		}
		err = Rename(tmp, path)
	}
	if err != nil {
		return err
	}
	SyncDir(dir)
	return nil
}
