package snapshot

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"dangjian/data/localfs"
)

// writeFile writes b to path whole or not at all, readable by the user
// only, replacing the file there: the program's one atomic write,
// localfs.WriteFile.
func writeFile(path string, b []byte) error {
	return localfs.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// writeNewFile writes b to a new file at path, whole or not at all,
// readable by the user only. An existing file is never replaced
// (os.ErrExist), even one another program makes meanwhile: the file is
// written in a scratch folder beside path (localfs.NewScratch, so that a
// killed run leaves nothing for good), synced, then hard-linked into place,
// which fails when path exists. File systems without hard links (FAT on a
// USB stick) fall back to a check and a rename.
func writeNewFile(path string, b []byte) error {
	if _, err := os.Lstat(path); err == nil {
		return os.ErrExist
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	scratch, err := localfs.NewScratch(dir)
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
		_, err = f.Write(b)
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
		err = localfs.Rename(tmp, path)
	}
	if err != nil {
		return err
	}
	syncFolder(dir)
	return nil
}

// syncFolder makes a new name in dir durable where the system allows it,
// as localfs.WriteFile does (Windows has no such call and needs none).
func syncFolder(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// syncFile flushes the file at path to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
