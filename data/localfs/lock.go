package localfs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// ErrBusy means another running program holds the lock.
var ErrBusy = errors.New("另一个程序正在进行同样的操作")

// Lock is an exclusive lock on a file, held by this process. The
// operating system releases it when the process ends, however it ends, so
// a lock left by a program that was killed is taken over at once.
type Lock struct {
	f *flock.Flock
}

// TryLock takes the lock at path without waiting. It returns an error
// wrapping ErrBusy while another process (or another Lock in this one)
// holds it. The lock file is created, private, if missing, and stays on
// disk: what counts is the lock, not the file.
func TryLock(path string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("无法建立锁文件：%w", err)
	}
	f := flock.New(path, flock.SetPermissions(0o600))
	ok, err := f.TryLock()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("无法加锁%s：%w", path, err)
	}
	if !ok {
		f.Close()
		return nil, ErrBusy
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock. It is safe to call more than once.
func (l *Lock) Unlock() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Unlock()
	l.f.Close()
	l.f = nil
}
