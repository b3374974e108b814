package localfs

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestCreateFileNeverReplacesAndLeavesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "密钥.json")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := CreateFile(path, write("first")); err != nil {
		t.Fatal(err)
	}
	if err := CreateFile(path, write("second")); !errors.Is(err, os.ErrExist) {
		t.Fatalf("second create: %v, want os.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Fatalf("the file was replaced: %q", b)
	}
	other := filepath.Join(dir, "other.json")
	boom := errors.New("disk full")
	err := CreateFile(other, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(other); !os.IsNotExist(err) {
		t.Fatalf("a failed create left %s", other)
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		t.Errorf("mode %v: readable by others", st.Mode())
	}
}
