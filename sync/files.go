package snapshot

import (
	"io"
	"os"

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
// readable by the user only, never replacing one (localfs.CreateFile).
func writeNewFile(path string, b []byte) error {
	return localfs.CreateFile(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
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
