package localfs

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// WriteFile writes the file at path whole or not at all: write fills a
// private file in a scratch folder beside path (.dangjian-tmp), which then
// replaces path by a rename. The file is readable by the user only (0600),
// whatever the umask. A failure leaves path as it was; what a killed run
// left is removed by the next one writing into that folder.
// Callers check the path first with Output.Check.
func WriteFile(path string, write func(w io.Writer) error) error {
	return whole(path, write, func(tmp string) error {
		if err := Rename(tmp, path); err != nil {
			if Reason(err) != "" {
				return &PathError{Path: path, Cause: err}
			}
			return fmt.Errorf("无法保存文件%s（可能正被其他程序打开）：%w", path, err)
		}
		return nil
	})
}

// whole writes a private file (0600) in a scratch folder beside path with
// write, syncs it, then calls place to put it at path, and syncs the folder.
// The scratch folder and whatever place left in it are removed afterwards.
// A missing folder is made: the program's own files go into folders of its
// own (a committee's folder per organization); a path the user typed is
// checked first by Output.Check, which refuses a folder that does not exist.
// Errors of the file system are told in Chinese with the output's folder
// (a *PathError), never the scratch folder.
func whole(path string, write func(w io.Writer) error, place func(tmp string) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return explainAny(err, dir)
	}
	scratch, err := NewScratch(dir)
	if err != nil {
		return err
	}
	defer scratch.Close()
	tmp := filepath.Join(scratch.Dir(), "output")
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return explainAny(err, dir)
	}
	err = f.Chmod(0o600) // whatever the umask
	if err == nil {
		if err = write(f); isNoSpace(err) {
			err = &PathError{Path: dir, Cause: err}
		}
	}
	if err == nil {
		err = explainAny(f.Sync(), dir)
	}
	if cerr := f.Close(); err == nil {
		err = explainAny(cerr, dir)
	}
	if err != nil {
		return err
	}
	if err := place(tmp); err != nil {
		if errors.Is(err, os.ErrExist) {
			return err
		}
		return explain(err, path)
	}
	SyncDir(dir)
	return nil
}

// SyncDir makes a new name in dir (a rename, a link) durable where the
// system allows it: on Linux and macOS by syncing the folder; Windows has
// no such call and needs none (its rename is journaled with the folder).
func SyncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync() // an error here (as on Windows) leaves the rename as done
	d.Close()
}

// Rename renames, retrying for a moment: on Windows a rename over a file
// fails while another program (a PDF viewer, the antivirus, the GUI reading
// a state file) has it open.
func Rename(from, to string) error {
	var err error
	for i := 0; i < 20; i++ {
		if err = os.Rename(from, to); err == nil {
			return nil
		}
		time.Sleep(25 * time.Millisecond)
	}
	return err
}
