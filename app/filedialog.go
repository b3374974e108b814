package app

import (
	"os"
	"path/filepath"
	"strings"
)

// fileKind is a kind of file the program opens or writes: what the file
// dialogs call it, the extensions they show, and the preference under
// which the folder last used for it is remembered.
type fileKind struct {
	key   string   // the preference's suffix
	label string   // the filter's name, as the dialogs show it
	exts  []string // with the dot: ".xlsx"
}

// The kinds of file the dialogs offer.
var (
	excelFiles      = fileKind{"excel", "Excel 工作簿", []string{".xlsx"}}
	pdfFiles        = fileKind{"pdf", "PDF 文件", []string{".pdf"}}
	backupFiles     = fileKind{"backup", "数据库备份", []string{".db"}}
	enrollmentFiles = fileKind{"enrollment", "登记文件", []string{".json"}}
	keyFiles        = fileKind{"keys", "公钥文件", []string{".json"}}
	// attachmentFiles are the scans attached to a record; any file may be
	// attached, the usual ones are offered first.
	attachmentFiles = fileKind{"attachment", "扫描件和文档", nil}
)

// prefFolder is the preference holding the folder last used for a kind.
const prefFolder = "files.folder."

// lastFolder is the folder the dialogs open in for a kind: the one last
// used for it while it still exists, else the program's documents folder
// (or the home folder when that does not exist yet).
func (u *UI) lastFolder(k fileKind) string {
	if dir := u.app.Preferences().String(prefFolder + k.key); dir != "" && isDir(dir) {
		return dir
	}
	if dir := documentsDir(); isDir(dir) {
		return dir
	}
	if home, err := os.UserHomeDir(); err == nil && isDir(home) {
		return home
	}
	return ""
}

// rememberFolder keeps the folder of a file chosen for a kind.
func (u *UI) rememberFolder(k fileKind, path string) {
	if path == "" {
		return
	}
	u.app.Preferences().SetString(prefFolder+k.key, filepath.Dir(path))
}

// chooseOpen asks for an existing file of kind k and calls chosen with its
// path on the UI goroutine; nothing when the user cancels. On Windows it is
// the system's own dialog, elsewhere Fyne's, with the kind's filter, opened
// in the folder last used for the kind.
func (u *UI) chooseOpen(k fileKind, title string, chosen func(path string)) {
	showOpenDialog(u, k, title, u.lastFolder(k), func(path string) {
		u.rememberFolder(k, path)
		chosen(path)
	})
}

// chooseSave asks where to write a file of kind k, proposing current (a
// path, or a file name), and calls chosen with the path on the UI
// goroutine. The file is neither created nor emptied: the caller checks
// the path (confirmOutput) before writing. On Windows it is the system's
// own save dialog; elsewhere the user picks a folder and the file keeps
// its name, for Fyne's save dialog empties the file it returns.
func (u *UI) chooseSave(k fileKind, title, current string, chosen func(path string)) {
	dir, name := filepath.Split(current)
	if dir == "" || !isDir(dir) {
		dir = u.lastFolder(k)
	}
	showSaveDialog(u, k, title, filepath.Clean(dir), name, func(path string) {
		u.rememberFolder(k, path)
		chosen(withExtension(path, k))
	})
}

// withExtension adds the kind's first extension to a path typed without
// any of them.
func withExtension(path string, k fileKind) string {
	if len(k.exts) == 0 {
		return path
	}
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range k.exts {
		if ext == e {
			return path
		}
	}
	return path + k.exts[0]
}

// isDir tells whether path is a folder that exists.
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
