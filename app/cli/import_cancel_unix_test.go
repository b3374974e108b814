//go:build unix

package cli

import (
	"bytes"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCtrlCDuringImportSaysCancelled: Ctrl+C while an import reads its file
// stops it with 「已取消,未写入任何数据」 and exit 2, and writes nothing.
// The file is a named pipe fed by the test, so the import is certainly
// under way when the signal comes. Before, the command said
// 导入失败,未写入任何数据: context canceled.
func TestCtrlCDuringImportSaysCancelled(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	if code, _, errOut := run(t, "init", "--db", db, "--org", "测试学院党委"); code != ExitOK {
		t.Fatal(errOut)
	}
	content := membersSheet(t, dir, 9)
	pipe := filepath.Join(dir, "members.xlsx")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	// The test's own handler keeps a late signal from ending the test.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)

	type result struct {
		code        int
		out, errOut string
	}
	done := make(chan result, 1)
	go func() {
		var out, errOut bytes.Buffer
		code := Main([]string{"import", "members", "--db", db, pipe}, &out, &errOut)
		done <- result{code, out.String(), errOut.String()}
	}()
	w, err := os.OpenFile(pipe, os.O_WRONLY, 0) // waits for the import to open it
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Write(content[:len(content)/2]); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	<-sigs
	// Keep the pipe open and trickling until the import notices, so that
	// it never sees the end of a half file instead of the signal.
	var r result
	giveUp := time.After(30 * time.Second)
	for waiting := true; waiting; {
		select {
		case r = <-done:
			waiting = false
		case <-giveUp:
			w.Close() // the import ignores the signal: let it end
			r = <-done
			t.Errorf("the import went on reading after Ctrl+C")
			waiting = false
		case <-time.After(20 * time.Millisecond):
			w.Write([]byte{0})
		}
	}
	if r.code != ExitUsage || !strings.Contains(r.errOut, "已取消，未写入任何数据") || r.out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.out, r.errOut)
	}
	if n := memberCount(t, db); n != 0 {
		t.Fatalf("%d members written by a cancelled import", n)
	}
}
