//go:build !windows

package localfs

// hideFolder does nothing where a leading dot already hides the folder.
func hideFolder(string) {}
