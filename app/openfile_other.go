//go:build !windows

package app

import "errors"

// errNoShellOpen tells openInViewer to use Fyne's URL opener.
var errNoShellOpen = errors.New("no shell open")

func shellOpen(string) error { return errNoShellOpen }
