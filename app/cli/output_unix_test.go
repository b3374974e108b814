//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestExportsAndReportsArePrivateWhateverTheUmask(t *testing.T) {
	dir, db := demoDB(t)
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	for _, args := range [][]string{
		{"export", "members", "--db", db, "--out", filepath.Join(dir, "党员.xlsx")},
		{"report", "roster", "--db", db, "--out", filepath.Join(dir, "花名册.pdf")},
		{"template", "members", "--out", filepath.Join(dir, "模板.xlsx")},
	} {
		if code, _, errOut := run(t, args...); code != ExitOK {
			t.Fatalf("%v: %s", args, errOut)
		}
		fi, err := os.Stat(args[len(args)-1])
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", args[len(args)-1], fi.Mode().Perm())
		}
	}
}
