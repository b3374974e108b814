//go:build windows

package app

import (
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2/driver"
)

// The system's own open and save dialogs (comdlg32), in the user's
// language, with the kind's filter, opened in the folder last used. The
// save dialog only returns a path: it does not ask to replace an existing
// file (the program asks 「替换/取消」 itself) and creates nothing.

var (
	comdlg32                 = syscall.NewLazyDLL("comdlg32.dll")
	procGetOpenFileName      = comdlg32.NewProc("GetOpenFileNameW")
	procGetSaveFileName      = comdlg32.NewProc("GetSaveFileNameW")
	procCommDlgExtendedError = comdlg32.NewProc("CommDlgExtendedError")
	ole32                    = syscall.NewLazyDLL("ole32.dll")
	procCoInitializeEx       = ole32.NewProc("CoInitializeEx")
	procCoUninitialize       = ole32.NewProc("CoUninitialize")
)

// openFileName is the OPENFILENAMEW structure.
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	fnHook        uintptr
	templateName  *uint16
	pvReserved    uintptr
	dwReserved    uint32
	flagsEx       uint32
}

// OPENFILENAME flags.
const (
	ofnHideReadOnly     = 0x00000004
	ofnNoChangeDir      = 0x00000008
	ofnPathMustExist    = 0x00000800
	ofnFileMustExist    = 0x00001000
	ofnNoReadOnlyReturn = 0x00008000
	ofnExplorer         = 0x00080000
	ofnEnableSizing     = 0x00800000
)

// CoInitializeEx's apartment threading, as the shell's dialogs need.
const coinitApartmentThreaded = 0x2

// maxPath is the size of the buffer for the path chosen, long paths included.
const maxPath = 32768

// showOpenDialog shows the system's open dialog and calls chosen with the
// path picked, on the UI goroutine.
func showOpenDialog(u *UI, k fileKind, title, dir string, chosen func(path string)) {
	runSystemDialog(u, false, k, title, dir, "", chosen)
}

// showSaveDialog shows the system's save dialog and calls chosen with the
// path given, on the UI goroutine.
func showSaveDialog(u *UI, k fileKind, title, dir, name string, chosen func(path string)) {
	runSystemDialog(u, true, k, title, dir, name, chosen)
}

// runSystemDialog runs the dialog on a thread of its own, owned by the
// window (which it keeps disabled while open), and hands the path back.
func runSystemDialog(u *UI, save bool, k fileKind, title, dir, name string, chosen func(path string)) {
	var owner uintptr
	if nw, ok := u.win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if wc, ok := ctx.(driver.WindowsWindowContext); ok {
				owner = wc.HWND
			}
		})
	}
	go func() {
		path, err := systemFileDialog(owner, save, k, title, dir, name)
		u.post(func() {
			switch {
			case err != nil:
				u.showError(err)
			case path != "":
				chosen(path)
			}
		})
	}()
}

// systemFileDialog shows the dialog and returns the path chosen, "" when
// the user cancels.
func systemFileDialog(owner uintptr, save bool, k fileKind, title, dir, name string) (string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if r, _, _ := procCoInitializeEx.Call(0, coinitApartmentThreaded); r == 0 || r == 1 { // S_OK, S_FALSE
		defer procCoUninitialize.Call()
	}

	buf := make([]uint16, maxPath)
	if name != "" {
		n, err := syscall.UTF16FromString(name)
		if err == nil && len(n) < len(buf) {
			copy(buf, n)
		}
	}
	filter := utf16List(filterSpec(k))
	ofn := openFileName{
		owner:       owner,
		filter:      &filter[0],
		filterIndex: 1,
		file:        &buf[0],
		maxFile:     uint32(len(buf)),
		flags:       ofnExplorer | ofnEnableSizing | ofnNoChangeDir | ofnHideReadOnly | ofnPathMustExist,
	}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	if dir != "" {
		ofn.initialDir, _ = syscall.UTF16PtrFromString(dir)
	}
	if title != "" {
		ofn.title, _ = syscall.UTF16PtrFromString(title)
	}
	proc := procGetOpenFileName
	if save {
		proc = procGetSaveFileName
		ofn.flags |= ofnNoReadOnlyReturn
		if len(k.exts) > 0 {
			ofn.defExt, _ = syscall.UTF16PtrFromString(strings.TrimPrefix(k.exts[0], "."))
		}
	} else {
		ofn.flags |= ofnFileMustExist
	}
	ok, _, _ := proc.Call(uintptr(unsafe.Pointer(&ofn)))
	runtime.KeepAlive(filter)
	runtime.KeepAlive(buf)
	if ok == 0 {
		if code, _, _ := procCommDlgExtendedError.Call(); code != 0 {
			return "", fmt.Errorf("无法打开文件对话框（错误 %#x）", code)
		}
		return "", nil // cancelled
	}
	return syscall.UTF16ToString(buf), nil
}

// filterSpec is the dialog's filter for a kind: its name with the
// patterns, and the patterns, as pairs; any file when the kind has none.
func filterSpec(k fileKind) []string {
	if len(k.exts) == 0 {
		return []string{k.label + " (*.*)", "*.*"}
	}
	patterns := make([]string, len(k.exts))
	for i, e := range k.exts {
		patterns[i] = "*" + e
	}
	p := strings.Join(patterns, ";")
	return []string{k.label + " (" + p + ")", p}
}

// utf16List encodes strings as the dialogs take a filter: each ended by a
// NUL, the list by another.
func utf16List(parts []string) []uint16 {
	var out []uint16
	for _, p := range parts {
		s, err := syscall.UTF16FromString(p) // ends with a NUL
		if err != nil {
			s = []uint16{0}
		}
		out = append(out, s...)
	}
	return append(out, 0)
}
