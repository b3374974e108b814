package data_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

// TestOpenReadOnlyReadsAndChangesNothing: a database opened read-only
// reads its members, refuses every write, and leaves its folder exactly
// as it was: no file created (SQLite's -wal and -shm included, once
// closed), removed or written.
func TestOpenReadOnlyReadsAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "org.db")
	s, err := data.Create(ctx, path, "测试学院党委", "T", data.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	b := addBranch(t, s, "第一党支部")
	must(t, s.Members.Create(ctx, validMember(b, "张三", 1)))
	s.Close()
	before := stateOf(t, dir)

	ro, err := data.OpenReadOnly(ctx, path, data.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	ms, err := ro.Members.List(ctx)
	if err != nil || len(ms) != 1 || ms[0].Name != "张三" {
		t.Fatalf("members %v %v", names(ms), err)
	}
	if ro.Org().Name != "测试学院党委" {
		t.Fatalf("org %q", ro.Org().Name)
	}
	if err := ro.Members.Create(ctx, validMember(b, "李四", 2)); !errors.Is(err, data.ErrReadOnly) {
		t.Fatalf("a write through a read-only store: %v", err)
	}
	if err := ro.SetSetting(ctx, "note", "x"); !errors.Is(err, data.ErrReadOnly) {
		t.Fatalf("a setting through a read-only store: %v", err)
	}
	ro.Close()
	if d := before.diff(stateOf(t, dir)); d != "" {
		t.Fatalf("a read-only opening changed the folder: %s", d)
	}
}

// TestOpenReadOnlyBesideAWriter: while a program has the database open
// and writes, a read-only store sees what it committed, and closing the
// read-only store leaves the writer's -wal and -shm files in place.
func TestOpenReadOnlyBesideAWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "org.db")
	w, err := data.Create(ctx, path, "测试学院党委", "T", data.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	b := addBranch(t, w, "第一党支部")
	ro, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	must(t, w.Members.Create(ctx, validMember(b, "张三", 1)))
	if n, err := ro.Members.Count(ctx); err != nil || n != 1 {
		t.Fatalf("the read-only store sees %d members (%v)", n, err)
	}
	ro.Close()
	must(t, w.Members.Create(ctx, validMember(b, "李四", 2)))
	if n, _ := w.Members.Count(ctx); n != 2 {
		t.Fatalf("the writer has %d members", n)
	}
}

// TestOpenReadOnlyRefusesAnOlderSchema: a database of ours whose schema is
// older than this build's is not upgraded by a read-only opening but
// refused, saying it must first be opened normally; and it is unchanged.
func TestOpenReadOnlyRefusesAnOlderSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	s, err := data.Create(ctx, path, "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 0"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := stateOf(t, dir)
	_, err = data.OpenReadOnly(ctx, path)
	if !errors.Is(err, data.ErrNeedsUpgrade) || !strings.Contains(err.Error(), "请先用本程序正常打开一次") {
		t.Fatalf("got %v", err)
	}
	if d := before.diff(stateOf(t, dir)); d != "" {
		t.Fatalf("the refused opening changed the folder: %s", d)
	}
}
