package snapshot

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/localfs"
)

// pushChildEnv names, in a child process of the test binary, the database
// whose push the test kills.
const pushChildEnv = "DANGJIAN_TEST_KILLED_PUSH_DB"

// pushChild pushes the database at db and blocks in the snapshot's upload,
// after saying so on stdout, until the test kills it.
func pushChild(db string) int {
	ctx := context.Background()
	s, err := data.Open(ctx, db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	keys, err := UnlockKeys(KeyPath(db), testPass)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// The snapshot's upload never ends.
	block := &Fault{Op: OpPut, Key: "*.age", Hook: func() {
		fmt.Println("uploading")
		select {}
	}}
	_, err = Push(ctx, PushOptions{Store: s, Keys: keys, Backend: NewFaultyBackend(NewMemoryBackend(), block)})
	fmt.Fprintln(os.Stderr, "the push returned:", err)
	return 1
}

// plaintextCopies lists the files under dir that hold an SQLite database
// other than the organization's own.
func plaintextCopies(t *testing.T, dir, own string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == own {
			return nil
		}
		if localfs.Sniff(path) == "数据库文件" {
			found = append(found, path)
		}
		return nil
	})
	return found
}

// TestKilledPushLeavesNothing kills a `sync push` in the middle of its
// upload: the plaintext copy it made must be in the private folder beside
// the database (never the system's temporary folder), removed by the next
// push, and the push lock must not outlive the process.
func TestKilledPushLeavesNothing(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("中途被终止学院党委", 30, 11)
	db := a.store.Path()
	tmp := t.TempDir() // the child's TMPDIR, which must stay empty

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), pushChildEnv+"="+db, "TMPDIR="+tmp, "TMP="+tmp, "TEMP="+tmp)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		ready <- line
	}()
	select {
	case line := <-ready:
		if strings.TrimSpace(line) != "uploading" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the child push said %q", line)
		}
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the child push never reached its upload")
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: nothing runs after it
		t.Fatal(err)
	}
	cmd.Wait()

	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("the killed push left %d files in the system's temporary folder", len(entries))
	}
	left := plaintextCopies(t, filepath.Dir(db), db)
	if len(left) == 0 {
		t.Fatal("the killed push left no copy beside the database: where did it make it?")
	}
	for _, p := range left {
		if !strings.Contains(p, string(filepath.Separator)+localfs.ScratchFolder+string(filepath.Separator)) {
			t.Errorf("a plaintext copy outside the private folder: %s", p)
		}
		if info, err := os.Stat(filepath.Dir(p)); err == nil && info.Mode().Perm()&0o077 != 0 {
			t.Errorf("the folder of the copy is readable by others: %v", info.Mode())
		}
	}

	// The next push takes the lock over at once and removes the copy.
	start := time.Now()
	res, err := Push(context.Background(), a.opts())
	if err != nil {
		t.Fatalf("the push after the killed one: %v", err)
	}
	if res.Seq != 1 || res.Unchanged {
		t.Errorf("the push after the killed one: %+v", res)
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("the push waited %v", d)
	}
	if left := plaintextCopies(t, filepath.Dir(db), db); len(left) != 0 {
		t.Errorf("plaintext copies remain after the next push: %v", left)
	}
	if runs, _ := filepath.Glob(filepath.Join(filepath.Dir(db), localfs.ScratchFolder, "*")); len(runs) != 0 {
		t.Errorf("run folders remain: %v", runs)
	}
	if rep, _ := w.consolidate(); rep.of(a.store.Org().ID).Status != StatusAccepted {
		t.Errorf("the committee: %+v", rep.of(a.store.Org().ID))
	}
}
