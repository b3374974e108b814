package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

// TestConsolidatedRefusesWritesInItsOwnWords: a database opened read-only
// as a consolidated one refuses a record and a setting with words that say
// the organizations maintain the data (no file path), still an
// ErrReadOnly, and its folder is left as it was; without the option the
// refusal stays the plain read-only one.
func TestConsolidatedRefusesWritesInItsOwnWords(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "merged.db")
	s, err := data.Create(ctx, path, "测试学院党委", "T", data.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	b := addBranch(t, s, "第一党支部")
	s.Close()
	before := stateOf(t, dir)

	ro, err := data.OpenReadOnly(ctx, path, data.Consolidated())
	if err != nil {
		t.Fatal(err)
	}
	if !ro.ReadOnly() {
		t.Fatal("a consolidated store opened read-only says it can be written")
	}
	writes := map[string]error{
		"a member":  ro.Members.Create(ctx, validMember(b, "李四", 2)),
		"a setting": ro.SetSetting(ctx, "train.hours", "40"),
	}
	for what, err := range writes {
		if !errors.Is(err, data.ErrConsolidated) || !errors.Is(err, data.ErrReadOnly) {
			t.Fatalf("%s written into a consolidated database: %v", what, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "各二级党组织维护") || strings.Contains(msg, dir) {
			t.Fatalf("%s refused as %q", what, msg)
		}
	}
	ro.Close()
	if d := before.diff(stateOf(t, dir)); d != "" {
		t.Fatalf("a consolidated store changed the folder: %s", d)
	}

	plain, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if err := plain.SetSetting(ctx, "train.hours", "40"); !errors.Is(err, data.ErrReadOnly) || errors.Is(err, data.ErrConsolidated) {
		t.Fatalf("a plain read-only store refused a setting as %v", err)
	}
}
