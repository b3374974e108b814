package appcore

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func TestCheckDay(t *testing.T) {
	today := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	if got := CheckDay(2026, today); !got.Equal(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("the current year is checked as of %v", got)
	}
	if got := CheckDay(2025, today); !got.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("a past year is checked as of %v", got)
	}
}

func TestDefaultDBPathIsInTheUsersConfigFolder(t *testing.T) {
	dir, err := os.UserConfigDir()
	if err != nil {
		t.Skip("no configuration folder here")
	}
	if got := DefaultDBPath(); got != filepath.Join(dir, "dangjian", "dangjian.db") {
		t.Fatalf("DefaultDBPath() = %s", got)
	}
}

func TestWriteOutputReplacesWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "台账.pdf")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("stopped half-way")
	err := WriteOutput(out, "", func(w io.Writer) error {
		io.WriteString(w, "half")
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("a failed write returned %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Fatalf("a failed write left %q", b)
	}
	if err := WriteOutput(out, "", func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(out)
	if b, _ := os.ReadFile(out); err != nil || string(b) != "new" {
		t.Fatalf("after the write: %q %v", b, err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Fatalf("an output is %v, want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the write left more than its file: %v", entries)
	}
}

func TestWriteOutputRefusesTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dangjian.db")
	for _, path := range []string{db, db + "-wal", filepath.Join(dir, "dangjian.keys")} {
		called := false
		err := WriteOutput(path, db, func(io.Writer) error {
			called = true
			return nil
		})
		if err == nil || called {
			t.Fatalf("%s: written (%v)", path, err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("%s: a refused output left a file", path)
		}
	}
}
