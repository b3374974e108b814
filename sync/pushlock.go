package snapshot

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// staleLock is how old a push lock must be to be taken as left by a
// program that died; a push takes seconds.
const staleLock = 15 * time.Minute

// ErrPushRunning means another push of the same database is under way.
var ErrPushRunning = errors.New("另一个同步正在进行(可能是另一个窗口或脚本),请稍后再试")

// lockPush makes sure one push at a time runs on a database, across
// programs (the GUI and a scheduled `sync push`): it creates the lock file
// beside the database exclusively, and returns the function that removes
// it.
func lockPush(dbPath string) (func(), error) {
	path := strings.TrimSuffix(dbPath, filepath.Ext(dbPath)) + ".push.lock"
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			fmt.Fprintf(f, "%d %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, err
		}
		if fi, serr := os.Stat(path); serr == nil && time.Since(fi.ModTime()) > staleLock {
			os.Remove(path)
			continue
		}
		return nil, ErrPushRunning
	}
	return nil, ErrPushRunning
}
