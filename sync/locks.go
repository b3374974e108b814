package snapshot

import (
	"errors"
	"os"
	"path/filepath"

	"dangjian/data/localfs"
)

// ErrPushRunning means another push of the same database is under way.
var ErrPushRunning = errors.New("另一个同步正在进行(可能是另一个窗口或脚本),请稍后再试")

// ErrCommitteeBusy means another operation on the committee's folder
// (a consolidation, an enrollment, a rebase) is under way.
var ErrCommitteeBusy = errors.New("另一个汇总或登记操作正在进行(可能是另一个窗口或脚本),请等它结束后再试;本次未作任何更改")

// committeeLockFile is held, in the committee's folder, by the operation
// that changes it.
const committeeLockFile = "committee.lock"

// lockPush makes sure one push at a time runs on a database, across
// programs (the GUI and a scheduled `sync push`). The lock beside the
// database is the operating system's: a push that was killed releases it
// with its process, so the next push takes it over at once.
func lockPush(dbPath string) (*localfs.Lock, error) {
	l, err := localfs.TryLock(localfs.Beside(dbPath, localfs.PushLockEnding))
	if errors.Is(err, localfs.ErrBusy) {
		return nil, ErrPushRunning
	}
	return l, err
}

// lockCommittee makes sure one operation at a time changes the committee's
// folder dir: two consolidations at once would interleave their records
// and their merged databases.
func lockCommittee(dir string) (*localfs.Lock, error) {
	l, err := localfs.TryLock(filepath.Join(dir, committeeLockFile))
	if errors.Is(err, localfs.ErrBusy) {
		return nil, ErrCommitteeBusy
	}
	return l, err
}

// Lock takes the committee's folder for a change made beside its own
// operations (the GUI putting the database a consolidation built in place
// of merged.db); ErrCommitteeBusy while another operation holds it.
func (c *Committee) Lock() (*localfs.Lock, error) { return c.lock() }

// lock takes the committee's folder for one operation.
func (c *Committee) lock() (*localfs.Lock, error) {
	if _, err := os.Stat(c.Dir); err != nil {
		return nil, err
	}
	return lockCommittee(c.Dir)
}
