package localfs

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// holdEnv makes the test binary a child that takes the lock or scratch
// folder named by the variable and then waits to be killed.
const (
	holdLockEnv    = "LOCALFS_TEST_HOLD_LOCK"
	holdScratchEnv = "LOCALFS_TEST_HOLD_SCRATCH"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(holdLockEnv); path != "" {
		if _, err := TryLock(path); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	if dir := os.Getenv(holdScratchEnv); dir != "" {
		s, err := NewScratch(dir)
		if err != nil {
			os.Exit(3)
		}
		os.WriteFile(filepath.Join(s.Dir(), "copy.db"), []byte("personal data"), 0o600)
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startHolder runs the test binary as a child holding what env names, and
// returns once the child says it holds it.
func startHolder(t *testing.T, env, value string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env+"="+value)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	buf := make([]byte, 5)
	if _, err := out.Read(buf); err != nil || string(buf) != "held\n" {
		t.Fatalf("child did not take the lock: %q %v", buf, err)
	}
	return cmd
}

func TestLockIsExclusiveWithinAndAcrossProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	l, err := TryLock(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := TryLock(path); !errors.Is(err, ErrBusy) {
		t.Fatalf("second lock in the same process: %v, want ErrBusy", err)
	}
	l.Unlock()
	l.Unlock() // twice is harmless
	l2, err := TryLock(path)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	l2.Unlock()

	cmd := startHolder(t, holdLockEnv, path)
	if _, err := TryLock(path); !errors.Is(err, ErrBusy) {
		t.Fatalf("lock held by a live process: %v, want ErrBusy", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l3, err := TryLock(path)
	if err != nil {
		t.Fatalf("a killed holder's lock must be taken over at once: %v", err)
	}
	l3.Unlock()
}

func TestLockFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.lock")
	l, err := TryLock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		t.Fatalf("lock file mode %v, want private", fi.Mode().Perm())
	}
}
