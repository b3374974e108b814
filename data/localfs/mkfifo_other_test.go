//go:build !unix

package localfs

import "errors"

func syscallMkfifo(string) error { return errors.New("not supported") }
