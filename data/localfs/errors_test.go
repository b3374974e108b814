package localfs

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// readOnlyFolder is a folder this process cannot write into: a folder
// made read-only, or, for root (who may write anyway), /sys.
func readOnlyFolder(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no read-only folders by mode on Windows")
	}
	if os.Geteuid() == 0 {
		if err := os.Mkdir("/sys/.dangjian-probe", 0o700); err == nil {
			os.Remove("/sys/.dangjian-probe")
			t.Skip("root may write everywhere here")
		}
		return "/sys"
	}
	dir := filepath.Join(t.TempDir(), "只读")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	return dir
}

func TestWriteFailuresAreToldInChineseWithTheOutputFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "名单.txt")
	os.WriteFile(file, []byte("x"), 0o600)
	write := func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }
	cases := []struct {
		name string
		path func(t *testing.T) string
		want func(path string) string // the message
	}{
		{"a read-only folder", func(t *testing.T) string { return filepath.Join(readOnlyFolder(t), "花名册.pdf") },
			func(p string) string { return "没有写入权限" }}, // 「…：<the folder>」, or 「…（磁盘或文件夹是只读的）：…」
		{"a file as folder", func(*testing.T) string { return filepath.Join(file, "花名册.pdf") },
			func(string) string { return "路径中的一层是文件而不是文件夹：" + file }},
		{"a name too long", func(*testing.T) string { return filepath.Join(dir, strings.Repeat("花", 100)+".pdf") },
			func(p string) string { return "文件名太长：" + p }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.path(t)
			err := WriteFile(path, write)
			var pe *PathError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *PathError", err, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.want(path)) || strings.Contains(msg, ScratchFolder) {
				t.Fatalf("message %q, want %q and not the scratch folder", msg, c.want(path))
			}
			if rest := strings.ReplaceAll(strings.ReplaceAll(msg, path, ""), filepath.Dir(path), ""); strings.ContainsAny(rest, "abcdefghijklmnopqrstuvwxyz") {
				t.Fatalf("message %q has system text in English", msg)
			}
			if _, err := os.Stat(path); err == nil {
				t.Fatalf("%s was written", path)
			}
		})
	}
}

func TestCheckRefusesAFolderThatDoesNotExist(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "名单.txt")
	os.WriteFile(file, []byte("x"), 0o600)
	cases := []struct {
		name string
		out  Output
		path string
		want string // "" when allowed
	}{
		{"an existing folder", Output{}, filepath.Join(dir, "x.pdf"), ""},
		{"a mistyped folder", Output{}, filepath.Join(dir, "没有", "x.pdf"), "文件夹不存在：" + filepath.Join(dir, "没有")},
		{"a file as folder", Output{}, filepath.Join(file, "x.pdf"), "路径中的一层是文件而不是文件夹：" + file},
		{"a new folder where allowed", Output{MayMakeFolder: true}, filepath.Join(dir, "新", "x.db"), ""},
		{"two new folders where one is allowed", Output{MayMakeFolder: true}, filepath.Join(dir, "a", "b", "x.db"),
			"文件夹不存在：" + filepath.Join(dir, "a") + "（只会新建最后一层文件夹“b”"},
		{"a folder", Output{}, dir, "这是一个文件夹"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.out.Check(c.path)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("error %v, want %q", err, c.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Fatalf("Check made something: %v", entries)
			}
		})
	}
}

func TestScratchInAReadOnlyFolderNamesTheFolder(t *testing.T) {
	ro := readOnlyFolder(t)
	_, err := NewScratch(ro)
	if err == nil || err.Error() != "没有写入权限："+ro && err.Error() != "没有写入权限（磁盘或文件夹是只读的）："+ro {
		t.Fatalf("error %v, want 「没有写入权限：%s」", err, ro)
	}
}

// The common causes are named in Chinese, through any wrapping; others
// are left to the caller.
func TestReasonNamesTheCommonCauses(t *testing.T) {
	wrap := func(op string, errno error) error { return &os.PathError{Op: op, Path: "/x", Err: errno} }
	cases := []struct {
		err  error
		want string
	}{
		{wrap("mkdir", os.ErrPermission), "没有写入权限"},
		{wrap("open", os.ErrNotExist), "文件夹不存在"},
		{wrap("write", errNoSpace), "磁盘空间不足"},
		{wrap("open", errNameTooLong), "文件名太长"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: errNotDir}, "路径中的一层是文件而不是文件夹"},
		{errors.New("something else"), ""},
		{nil, ""},
	}
	for _, c := range cases {
		if got := Reason(c.err); got != c.want {
			t.Errorf("Reason(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
