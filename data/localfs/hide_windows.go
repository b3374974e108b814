//go:build windows

package localfs

import "syscall"

// hideFolder marks the folder hidden, as a leading dot does elsewhere, so
// that it does not distract in Explorer.
func hideFolder(path string) {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return
	}
	attrs, err := syscall.GetFileAttributes(p)
	if err != nil {
		return
	}
	syscall.SetFileAttributes(p, attrs|syscall.FILE_ATTRIBUTE_HIDDEN)
}
