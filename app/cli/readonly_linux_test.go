package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runAsNobody runs the command line in a child process in a new user
// namespace, where it is an unprivileged user: file permissions hold even
// when the tests run as root.
func runAsNobody(t *testing.T, args ...string) (int, string) {
	t.Helper()
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare is not installed")
	}
	if out, err := exec.Command(unshare, "--user", "true").CombinedOutput(); err != nil {
		t.Skipf("no user namespaces here: %v %s", err, out)
	}
	cmd := exec.Command(unshare, "--user", os.Args[0])
	cmd.Env = append(os.Environ(), childArgsEnv+"="+strings.Join(args, "\x1f"))
	out, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), string(out)
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

func TestReadingCommandsWorkInAFolderThatCannotBeWritten(t *testing.T) {
	dir, db := demoDB(t)
	outDir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), filepath.Dir(outDir), outDir} {
		os.Chmod(d, 0o777)
	}
	os.Chmod(db, 0o644)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	before := listing(t, dir)
	for _, args := range [][]string{
		{"check", "--db", db, "--json"},
		{"report", "roster", "--db", db, "--out", filepath.Join(outDir, "花名册.pdf")},
		{"export", "members", "--db", db, "--out", filepath.Join(outDir, "党员.xlsx")},
	} {
		if code, out := runAsNobody(t, args...); code != ExitOK {
			t.Fatalf("%v in a read-only folder: exit %d %s", args, code, out)
		}
	}
	if code, out := runAsNobody(t, "import", "members", "--db", db, filepath.Join(outDir, "无.xlsx")); code == ExitOK {
		t.Fatalf("a write in a read-only folder succeeded: %s", out)
	}
	after := listing(t, dir)
	for name, was := range before {
		if after[name] != was {
			t.Fatalf("%s changed", name)
		}
	}
}
