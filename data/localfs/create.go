package localfs

import (
	"errors"
	"io"
	"os"
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
	return whole(path, write, func(tmp string) error {
		err := os.Link(tmp, path)
		if err != nil && !errors.Is(err, os.ErrExist) {
			if _, serr := os.Lstat(path); serr == nil {
				return os.ErrExist
			}
			err = Rename(tmp, path)
		}
		return err
	})
}
