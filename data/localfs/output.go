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

// describes tells whether the caller wrote for the committee whose folder
// is dir: its committee.json is among Protected, so Protected and
// ProtectedDirs say what in the folder may be written (a consolidation may
// replace the committee's merged.db).
func (o Output) describes(dir string) bool {
	config := filepath.Join(dir, CommitteeConfigFile)
	for _, p := range o.Protected {
		if samePath(absClean(p), config) {
			return true
		}
	}
	return false
}

// Check refuses path when its folder does not exist (a *PathError:
// 「文件夹不存在：…」) or is a file, when it is a protected file, lies in a
// protected folder or, at any depth, in a committee's folder (CommitteeFolder,
// wherever the command was started; unless the caller describes that
// committee itself, see describes), is a folder, or is an existing
// database, key, enrollment, state, committee record or sealed snapshot
// file of this program (Sniff; or any SQLite database). Any other existing
// file may be replaced: the caller writes through a temporary file and a
// rename (WriteFile).
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
			return &OutputError{Path: path, Reason: "它在" + d + "中，该文件夹存放程序的密钥和数据，不能写入输出文件"}
		}
	}
	if dir := CommitteeFolder(abs); dir != "" && !o.describes(dir) {
		return &OutputError{Path: path, Reason: "它在党委的同步目录" + dir + "中，该目录存放党委的密钥和各组织的记录，不能写入输出文件"}
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

// What Sniff says of some of the program's files.
const (
	// KindDatabase is an SQLite database.
	KindDatabase = "数据库文件"
	// KindEncrypted is an age file, binary (a sealed snapshot) or armored
	// (committee.key, committee-signing.key: a key encrypted with the
	// committee's passphrase).
	KindEncrypted = "加密的快照或密钥"
	// KindCommittee is a committee's committee.json.
	KindCommittee = "党委的配置文件"
)

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
	case bytes.HasPrefix(head, []byte("age-encryption.org/v1")),
		bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("-----BEGIN AGE ENCRYPTED FILE-----")):
		return KindEncrypted
	case bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")):
		return sniffJSON(f, head)
	case bytes.HasPrefix(bytes.TrimSpace(head), []byte("[")):
		return sniffCalendar(f, head)
	}
	return ""
}

// sniffJSON recognises the program's JSON files: by their "format" field,
// or, for the records of a committee's folder that have none, by the
// fields only they have together.
func sniffJSON(f *os.File, head []byte) string {
	markers := []string{`"dangjian-`, `"enrollment"`, `"last_manifest_sha256"`, `"signing_key"`,
		`"manifest_sha256"`, `"used_seq"`, `"last_index_sha256"`, `"Statement"`}
	if !containsAny(head, markers) {
		return ""
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	var v struct {
		Format     string          `json:"format"`
		Enrollment json.RawMessage `json:"enrollment"`
		SigningKey string          `json:"signing_key"`
		// org.json: the organization's enrolled keys.
		Public struct {
			OrgID      string `json:"org_id"`
			SigningKey string `json:"signing_key"`
		} `json:"public"`
		// accepted.json: the organization's last accepted snapshot.
		ManifestSHA256 string          `json:"manifest_sha256"`
		Manifest       json.RawMessage `json:"manifest"`
		// status.json: the outcome of the last check.
		CheckedAt string           `json:"checked_at"`
		UsedSeq   *json.RawMessage `json:"used_seq"`
		// state.json of the committee's channel.
		LastIndex string `json:"last_index_sha256"`
		// policy.json: the bucket policy of an organization's access key.
		Version   string          `json:"Version"`
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.NewDecoder(io.LimitReader(f, 1<<20)).Decode(&v); err != nil {
		return ""
	}
	switch {
	case strings.HasPrefix(v.Format, "dangjian-committee/"):
		return KindCommittee
	case strings.Contains(v.Format, "keys") || strings.Contains(v.Format, "key/"):
		return "密钥文件"
	case strings.Contains(v.Format, "enrollment"):
		return "登记文件"
	case strings.HasPrefix(v.Format, "dangjian-"):
		return "本程序的配置或清单文件"
	case len(v.Enrollment) > 0:
		return "同步状态文件"
	case v.Public.OrgID != "" && v.Public.SigningKey != "":
		return "组织的登记记录"
	case v.ManifestSHA256 != "" && len(v.Manifest) > 0:
		return "已接受快照的记录"
	case v.CheckedAt != "" && v.UsedSeq != nil:
		return "快照核验结果的记录"
	case v.LastIndex != "":
		return "党委发布通道的状态文件"
	case v.SigningKey != "":
		return "公钥文件"
	case v.Version != "" && bytes.Contains(v.Statement, []byte("arn:aws:s3:::")):
		return "存储桶访问策略文件"
	}
	return ""
}

// sniffCalendar recognises a committee's calendar.json: an array of terms
// with their start and end.
func sniffCalendar(f *os.File, head []byte) string {
	if !containsAny(head, []string{`"term"`}) {
		return ""
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	var spans []struct {
		Term  string `json:"term"`
		Start string `json:"start"`
		End   string `json:"end"`
	}
	if err := json.NewDecoder(io.LimitReader(f, 1<<20)).Decode(&spans); err != nil || len(spans) == 0 {
		return ""
	}
	if spans[0].Term == "" || spans[0].Start == "" || spans[0].End == "" {
		return ""
	}
	return "校历文件"
}

func containsAny(b []byte, subs []string) bool {
	for _, s := range subs {
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// Files that make a folder a committee's folder.
const (
	CommitteeConfigFile = "committee.json"
	CommitteeKeyFile    = "committee.key"
)

// CommitteeFolder is the committee's folder path lies in, at any depth:
// the nearest folder above path that holds the committee's settings
// (committee.json of this program) or its key (committee.key, encrypted);
// "" when there is none. Either file is enough, so that a folder one of
// whose files was damaged is still recognised.
func CommitteeFolder(path string) string {
	dir := filepath.Dir(absClean(path))
	for {
		if Sniff(filepath.Join(dir, CommitteeConfigFile)) == KindCommittee ||
			Sniff(filepath.Join(dir, CommitteeKeyFile)) == KindEncrypted {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
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
