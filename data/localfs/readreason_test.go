package localfs

import (
	"os"
	"path/filepath"
	"testing"
)

// ReadReason says in Chinese why a file the user chose could not be read.
func TestReadReason(t *testing.T) {
	dir := t.TempDir()
	_, missing := os.Open(filepath.Join(dir, "没有这个文件.xlsx"))
	folder, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	_, readDir := folder.Read(make([]byte, 1))
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"missing", missing, "文件不存在"},
		{"a folder", readDir, "这是一个文件夹，不是文件"},
		{"permission", os.ErrPermission, "没有读取权限"},
		{"none", nil, ""},
		{"another", os.ErrDeadlineExceeded, ""},
	} {
		if got := ReadReason(tc.err); got != tc.want {
			t.Errorf("%s: ReadReason(%v) = %q, want %q", tc.name, tc.err, got, tc.want)
		}
	}
}
