//go:build windows

package app

import (
	"fmt"
	"syscall"
	"unsafe"
)

var (
	shell32          = syscall.NewLazyDLL("shell32.dll")
	procShellExecute = shell32.NewProc("ShellExecuteW")
)

// errNoShellOpen is never returned on Windows.
var errNoShellOpen = fmt.Errorf("no shell open")

// shellOpen opens path with its default program (ShellExecuteW "open").
func shellOpen(path string) error {
	verb, err := syscall.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	const swShowNormal = 1
	r, _, _ := procShellExecute.Call(0, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)), 0, 0, swShowNormal)
	const seErrAssocIncomplete, seErrNoAssoc = 27, 31
	switch {
	case r == seErrNoAssoc || r == seErrAssocIncomplete:
		return errNoViewer
	case r <= 32: // ShellExecute returns a value above 32 on success
		return fmt.Errorf("系统无法打开该文件（错误 %d）", r)
	}
	return nil
}
