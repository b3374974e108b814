//go:build !windows

package localfs

import "syscall"

// The system's errors for the causes, as this system gives them.
var (
	errNoSpace     error = syscall.ENOSPC
	errNameTooLong error = syscall.ENAMETOOLONG
	errNotDir      error = syscall.ENOTDIR
)
