package localfs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// OutputError refuses an output path; its text is Chinese and names the
// path and the reason.
type OutputError struct {
	Path   string
	Reason string
}

func (e *OutputError) Error() string {
	return fmt.Sprintf("不能写入%s：%s。请另选一个文件名。", e.Path, e.Reason)
}

// Output says which files a command that writes path must never replace.
type Output struct {
	// Protected are files that are never written (give a database's side
	// files too, with DatabaseFiles).
	Protected []string
	// ProtectedDirs are folders whose files are never written (the
	// committee's folder of keys and accepted snapshots).
	ProtectedDirs []string
	// MayReplace, when set, allows replacing an existing file of the
	// program's own kind (consolidate replaces its earlier merged database).
	MayReplace func(path string) bool
	// MayMakeFolder, when set, allows a path in a folder that does not
	// exist yet if the folder it would be made in does (a consolidation
	// into a new folder); otherwise the folder must exist, so that a
	// mistyped one is an error rather than a new folder.
	MayMakeFolder bool
}

// Check refuses path when its folder does not exist (a *PathError:
// 「文件夹不存在：…」) or is a file, when it is a protected file, lies in a
// protected folder, is a folder, or is an existing database, key, enrollment, state or
// sealed snapshot file of this program (or any SQLite database). Any other
// existing file may be replaced: the caller writes through a temporary file
// and a rename (WriteFile).
func (o Output) Check(path string) error {
	if strings.TrimSpace(path) == "" {
		return &OutputError{Path: path, Reason: "没有给出文件名"}
	}
	abs := absClean(path)
	for _, p := range o.Protected {
		if samePath(abs, absClean(p)) {
			return &OutputError{Path: path, Reason: "这是程序正在使用的数据文件"}
		}
	}
	for _, d := range o.ProtectedDirs {
		if within(abs, absClean(d)) {
			return &OutputError{Path: path, Reason: "该文件夹存放程序的密钥和数据，不能写入导出文件"}
		}
	}
	if err := o.checkFolder(filepath.Dir(abs)); err != nil {
		return err
	}
	info, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return explainAny(err, path)
	}
	if info.IsDir() {
		return &OutputError{Path: path, Reason: "这是一个文件夹"}
	}
	if !info.Mode().IsRegular() {
		return &OutputError{Path: path, Reason: "这不是普通文件（设备、管道或套接字）"}
	}
	if db := sideFileOf(abs); db != "" {
		return &OutputError{Path: path, Reason: "这是数据库" + filepath.Base(db) + "的附属文件"}
	}
	kind := Sniff(abs)
	if kind == "" || (o.MayReplace != nil && o.MayReplace(abs)) {
		return nil
	}
	return &OutputError{Path: path, Reason: "已有的文件是" + kind + "，覆盖会丢失数据"}
}

// checkFolder refuses an output folder that does not exist (unless
// MayMakeFolder and the folder it would be made in exists) or is a file.
func (o Output) checkFolder(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return &PathError{Path: dir, Cause: syscall.ENOTDIR}
	case !errors.Is(err, os.ErrNotExist):
		return explainAny(err, dir)
	case !o.MayMakeFolder:
		return &PathError{Path: dir, Cause: err}
	}
	return MakeableFolder(dir)
}

// MakeableFolder tells whether the folder dir may be made for an output:
// nil when the folder it would be made in exists; otherwise a *PathError
// naming that folder and saying that only the last folder is made.
func MakeableFolder(dir string) error {
	parent := filepath.Dir(dir)
	info, err := os.Stat(parent)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return &PathError{Path: parent, Cause: syscall.ENOTDIR}
	case !errors.Is(err, os.ErrNotExist):
		return explainAny(err, parent)
	}
	return &PathError{Path: parent, Cause: err,
		Note: "只会新建最后一层文件夹“" + filepath.Base(dir) + "”，它所在的文件夹须已存在"}
}

// sideFileOf is the SQLite database whose side file (-wal, -shm,
// -journal) path is, or "" when path is not one: a -shm file has no header
// of its own to tell it by.
func sideFileOf(path string) string {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if db, ok := strings.CutSuffix(path, suffix); ok && Sniff(db) == KindDatabase {
			return db
		}
	}
	return ""
}

// KindDatabase is what Sniff says of an SQLite database.
const KindDatabase = "数据库文件"

// DatabaseFiles are the database file and the files SQLite keeps beside
// it.
func DatabaseFiles(db string) []string {
	return []string{db, db + "-wal", db + "-shm", db + "-journal"}
}

// Beside names the program's file beside the database db with the given
// ending (".keys", ".sync.json"): the database's name without its extension,
// then the ending.
func Beside(db, ending string) string {
	return strings.TrimSuffix(db, filepath.Ext(db)) + ending
}

// Endings of the program's own files beside a database.
const (
	KeysEnding     = ".keys"
	StateEnding    = ".sync.json"
	PushLockEnding = ".push.lock"
)

// OwnFiles are the database, its SQLite side files and the program's own
// files beside it (keys, sync state, lock): the files an export must
// never replace.
// A database named through a symbolic link protects the files beside the
// link's target too, where SQLite keeps them.
func OwnFiles(db string) []string {
	names := []string{db}
	if real, err := filepath.EvalSymlinks(db); err == nil && real != db {
		names = append(names, real)
	}
	var files []string
	for _, name := range names {
		files = append(files, DatabaseFiles(name)...)
		for _, e := range []string{KeysEnding, StateEnding, PushLockEnding} {
			files = append(files, Beside(name, e))
		}
	}
	return files
}

// Sniff tells what kind of the program's own files path holds, in
// Chinese ("数据库文件", "密钥文件"…), or "" for any other file.
func Sniff(path string) string {
	if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
		return "" // never open a pipe or a device: it may block or have effects
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return KindDatabase
	case bytes.HasPrefix(head, []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}):
		return "数据库的回滚日志文件"
	case len(head) >= 4 && (bytes.Equal(head[:4], []byte{0x37, 0x7f, 0x06, 0x82}) || bytes.Equal(head[:4], []byte{0x37, 0x7f, 0x06, 0x83})):
		return "数据库的日志文件"
	case bytes.HasPrefix(head, []byte("age-encryption.org/v1")):
		return "加密的快照或密钥"
	case bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")):
		return sniffJSON(f, head)
	}
	return ""
}

// sniffJSON recognises the program's JSON files by their "format" field.
func sniffJSON(f *os.File, head []byte) string {
	if !bytes.Contains(head, []byte(`"dangjian-`)) && !bytes.Contains(head, []byte(`"enrollment"`)) &&
		!bytes.Contains(head, []byte(`"last_manifest_sha256"`)) && !bytes.Contains(head, []byte(`"signing_key"`)) {
		return ""
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	var v struct {
		Format     string          `json:"format"`
		Enrollment json.RawMessage `json:"enrollment"`
		SigningKey string          `json:"signing_key"`
	}
	if err := json.NewDecoder(io.LimitReader(f, 1<<20)).Decode(&v); err != nil {
		return ""
	}
	switch {
	case strings.Contains(v.Format, "keys") || strings.Contains(v.Format, "key/"):
		return "密钥文件"
	case strings.Contains(v.Format, "enrollment"):
		return "登记文件"
	case strings.HasPrefix(v.Format, "dangjian-"):
		return "本程序的配置或清单文件"
	case len(v.Enrollment) > 0:
		return "同步状态文件"
	case v.SigningKey != "":
		return "公钥文件"
	}
	return ""
}

// absClean is path made absolute and clean, with symbolic links in its
// folder resolved when they can be.
func absClean(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs
}

// SamePath reports whether a and b name one file or folder: the same
// path once made absolute (without regard to case on Windows and macOS),
// or two names of one existing file.
func SamePath(a, b string) bool { return samePath(absClean(a), absClean(b)) }

// samePath reports whether a and b name one file: the same path (without
// regard to case on Windows and macOS), or two names of one existing file.
func samePath(a, b string) bool {
	if a == b || (runtime.GOOS != "linux" && strings.EqualFold(a, b)) {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// within reports whether path lies inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return false
	}
	if runtime.GOOS != "linux" {
		if r2, err := filepath.Rel(strings.ToLower(dir), strings.ToLower(path)); err == nil {
			rel = r2
		}
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
