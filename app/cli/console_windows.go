//go:build windows

package cli

import (
	"os"
	"syscall"
)

var procAttachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// The Windows build is a GUI program (no console window opens when it is
// started from the Start menu), so a sub-command typed in cmd or
// PowerShell would print nowhere. Attach to the console of the shell that
// started it, and send the standard output and error there unless the
// shell redirected them (dangjian.exe check --json > findings.json).
func init() {
	if !IsCommand(os.Args[1:]) {
		return
	}
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return // started without a console, or it already has one
	}
	if !validHandle(syscall.STD_OUTPUT_HANDLE) {
		if f := openConsole(); f != nil {
			os.Stdout = f
		}
	}
	if !validHandle(syscall.STD_ERROR_HANDLE) {
		if f := openConsole(); f != nil {
			os.Stderr = f
		}
	}
}

func validHandle(std int) bool {
	h, err := syscall.GetStdHandle(std)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}

// openConsole opens the attached console for writing.
func openConsole() *os.File {
	name, err := syscall.UTF16PtrFromString("CONOUT$")
	if err != nil {
		return nil
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
		syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(h), "CONOUT$")
}
