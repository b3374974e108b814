//go:build !windows

package app

import (
	"fmt"
	"os"
)

// showFailure prints text to the standard error.
func showFailure(text string) { fmt.Fprintln(os.Stderr, text) }
