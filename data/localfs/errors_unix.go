//go:build !windows

package localfs

import (
	"errors"
	"syscall"
)

func isReadOnly(err error) bool { return errors.Is(err, syscall.EROFS) }
func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
func isNameTooLong(err error) bool { return errors.Is(err, syscall.ENAMETOOLONG) }
func isNotDir(err error) bool      { return errors.Is(err, syscall.ENOTDIR) }
