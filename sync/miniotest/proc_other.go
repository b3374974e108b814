//go:build !linux

package miniotest

import "syscall"

// sysProcAttr has nothing to set outside Linux, which has no parent-death
// signal: there Close must run for the server to stop.
func sysProcAttr() *syscall.SysProcAttr { return nil }
