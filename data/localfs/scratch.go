package localfs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ScratchFolder is the name of the private folder, beside the database,
// that holds the scratch folders of running commands.
const ScratchFolder = ".dangjian-tmp"

// runPrefix starts the name of each run's folder; lockName is the lock file
// inside it, held while the run lives; readyName is made once the lock is
// held, so that a cleaner who finds the lock free tells a dead run (ready)
// from one that has not locked yet.
const (
	runPrefix = "run-"
	lockName  = ".lock"
	readyName = ".ready"
)

// orphanAge is how old a run folder without a lock file must be before it
// is taken as left by a run that died while making it.
const orphanAge = time.Minute

// Scratch is one run's private working folder. Temporary copies of personal
// data (a snapshot before it is sealed, an unpacked workbook, a backup being
// verified) live there and nowhere else.
type Scratch struct {
	dir  string
	lock *Lock
}

// NewScratch makes a private (0700) working folder for this run under
// dir/.dangjian-tmp, after removing the folders of earlier runs whose
// process has died.
func NewScratch(dir string) (*Scratch, error) {
	root := filepath.Join(dir, ScratchFolder)
	CleanScratch(dir)
	for attempt := 0; attempt < 100; attempt++ {
		if err := os.MkdirAll(root, 0o700); errors.Is(err, os.ErrExist) {
			continue // made and removed again by runs ending meanwhile
		} else if err != nil {
			return nil, explainAny(err, dir)
		}
		os.Chmod(root, 0o700)
		hideFolder(root)
		run, err := os.MkdirTemp(root, runPrefix+"*")
		if errors.Is(err, os.ErrNotExist) {
			continue // another run removed the shared folder as it ended
		}
		if err != nil {
			return nil, explainAny(err, dir)
		}
		lock, err := lockNew(filepath.Join(run, lockName))
		if err != nil {
			os.RemoveAll(run)
			return nil, err
		}
		ready, err := os.OpenFile(filepath.Join(run, readyName), os.O_CREATE|os.O_WRONLY, 0o600)
		if err == nil {
			ready.Close()
			return &Scratch{dir: run, lock: lock}, nil
		}
		// The folder went meanwhile (removed by hand?): start again.
		lock.Unlock()
		os.RemoveAll(run)
	}
	return nil, fmt.Errorf("无法在文件夹%s中建立临时文件夹", dir)
}

// Dir is the run's folder.
func (s *Scratch) Dir() string { return s.dir }

// Close removes the folder and everything in it. Files in it must be
// closed first (on Windows an open file cannot be removed).
func (s *Scratch) Close() error {
	if s == nil || s.dir == "" {
		return nil
	}
	s.lock.Unlock()
	err := os.RemoveAll(s.dir)
	os.Remove(filepath.Dir(s.dir)) // the shared folder, once no run uses it
	s.dir = ""
	return err
}

// CleanScratch removes, under dir/.dangjian-tmp, the folders of runs whose
// process has died (its lock is free). Folders of live runs are left alone.
// It is called at every start; errors are ignored, the next start retries.
func CleanScratch(dir string) {
	root := filepath.Join(dir, ScratchFolder)
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), runPrefix) {
			continue
		}
		run := filepath.Join(root, e.Name())
		lockPath := filepath.Join(run, lockName)
		if _, err := os.Stat(lockPath); err != nil {
			if info, ierr := e.Info(); ierr == nil && time.Since(info.ModTime()) > orphanAge {
				os.RemoveAll(run)
			}
			continue
		}
		lock, err := TryLock(lockPath)
		if err != nil {
			continue // a live run
		}
		_, rerr := os.Stat(filepath.Join(run, readyName))
		if info, ierr := e.Info(); rerr != nil && ierr == nil && time.Since(info.ModTime()) <= orphanAge {
			lock.Unlock() // a run that has not taken its lock yet
			continue
		}
		os.RemoveAll(run) // everything but the open lock file on Windows
		lock.Unlock()
		os.RemoveAll(run)
	}
}

// lockNew takes the lock of a run's new folder, waiting a moment while a
// cleaner looks at it.
func lockNew(path string) (*Lock, error) {
	for i := 0; ; i++ {
		lock, err := TryLock(path)
		if !errors.Is(err, ErrBusy) || i == 50 {
			return lock, err
		}
		time.Sleep(10 * time.Millisecond)
	}
}
