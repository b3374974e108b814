package miniotest

import "syscall"

// sysProcAttr makes the kernel SIGKILL the minio and mc processes when the
// test binary dies (a panicking test, go test's -timeout), so no server
// outlives its tests.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
