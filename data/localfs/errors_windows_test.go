//go:build windows

package localfs

// The system's errors for the causes, as this system gives them.
var (
	errNoSpace     error = errorDiskFull
	errNameTooLong error = errorFilenameExcRange
	errNotDir      error = errorDirectory
)
