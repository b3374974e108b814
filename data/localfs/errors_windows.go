//go:build windows

package localfs

import (
	"errors"
	"syscall"
)

// Windows error codes (winerror.h) for the causes Reason names.
const (
	errorHandleDiskFull   syscall.Errno = 39
	errorDiskFull         syscall.Errno = 112
	errorFilenameExcRange syscall.Errno = 206
	errorWriteProtect     syscall.Errno = 19
	errorDirectory        syscall.Errno = 267
)

func isReadOnly(err error) bool { return errors.Is(err, errorWriteProtect) }
func isNoSpace(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}
func isNameTooLong(err error) bool { return errors.Is(err, errorFilenameExcRange) }
func isNotDir(err error) bool {
	return errors.Is(err, syscall.ENOTDIR) || errors.Is(err, errorDirectory)
}
