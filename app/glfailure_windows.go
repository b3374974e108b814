//go:build windows

package app

import (
	"syscall"
	"unsafe"
)

var procMessageBox = syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")

// showFailure shows text in a message box and waits until it is closed.
func showFailure(text string) {
	title, _ := syscall.UTF16PtrFromString("党员教育管理")
	body, _ := syscall.UTF16PtrFromString(text)
	const mbIconError, mbOK = 0x10, 0x0
	procMessageBox.Call(0, uintptr(unsafe.Pointer(body)), uintptr(unsafe.Pointer(title)), mbOK|mbIconError)
}
