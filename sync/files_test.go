package snapshot

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"dangjian/data/localfs"
)

// TestWriteNewFileNeverReplaces: a new file is written whole; an existing
// one is refused and left as it was; nothing temporary stays beside it.
func TestWriteNewFileNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "org.keys")
	if err := writeNewFile(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := writeNewFile(path, []byte("second")); !errors.Is(err, os.ErrExist) {
		t.Fatalf("writing over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Fatalf("the file holds %q", b)
	}
	if err := writeFile(path, []byte("replaced")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "replaced" {
		t.Fatalf("after writeFile the file holds %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the file only", len(entries))
	}
	if _, err := os.Stat(filepath.Join(dir, "sub", localfs.ScratchFolder)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the scratch folder stays: %v", err)
	}
}
