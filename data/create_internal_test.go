package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestPublishWithoutHardLinksCopiesExclusively: the fallback for file
// systems without hard links gives an identical private file and never
// replaces one.
func TestPublishWithoutHardLinksCopiesExclusively(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "built.db")
	s, err := Create(ctx, src, "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	want, _ := os.ReadFile(src)

	dst := filepath.Join(dir, "published.db")
	if err := copyExclusive(src, dst); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(dst); !bytes.Equal(got, want) {
		t.Fatal("the copy differs")
	}
	if st, _ := os.Stat(dst); st.Mode().Perm()&0o077 != 0 {
		t.Fatalf("the copy is %v", st.Mode().Perm())
	}
	s, err = Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	other := filepath.Join(dir, "other")
	os.WriteFile(other, []byte("keep"), 0o600)
	if err := copyExclusive(src, other); !errors.Is(err, ErrExists) {
		t.Fatalf("copy over a file: %v", err)
	}
	if got, _ := os.ReadFile(other); string(got) != "keep" {
		t.Fatal("the copy replaced a file")
	}
}
