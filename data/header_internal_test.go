package data

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyWhileOpen copies the database at src and its log, as they are while
// a program has it open, to dst: what a crash leaves.
func copyWhileOpen(t *testing.T, src, dst string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal"} {
		content, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+suffix, content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDatabaseOfEarlierBuildKnownByItsLog: earlier builds created a
// database in place, so one whose program crashed before the first
// checkpoint has its application id only in the log, not in the main file.
// It is still recognized, from the log's raw bytes, and opens.
func TestDatabaseOfEarlierBuildKnownByItsLog(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	// What Create did before it built databases aside.
	s, err := open(ctx, live, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.seed(ctx, "测试学院党委", "T"); err != nil {
		t.Fatal(err)
	}
	crashed := filepath.Join(dir, "crashed.db")
	copyWhileOpen(t, live, crashed)
	s.Close()

	main, err := os.ReadFile(crashed)
	if err != nil {
		t.Fatal(err)
	}
	if len(main) < headerSize || binary.BigEndian.Uint32(main[68:72]) == applicationID {
		t.Fatal("premise: the main file of a database not yet checkpointed has no application id")
	}
	page, err := walPageOne(crashed + "-wal")
	if err != nil || page == nil || binary.BigEndian.Uint32(page[68:72]) != applicationID {
		t.Fatalf("the log's page one: %v %v", page, err)
	}
	s, err = Open(ctx, crashed)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Org().Name != "测试学院党委" {
		t.Fatalf("org %q", s.Org().Name)
	}
}

// TestCreatedDatabaseCarriesItsIDInTheMainFile: a database Create makes
// has the application id in its main file from the moment it appears, so
// a log beside it never decides whether it is ours.
func TestCreatedDatabaseCarriesItsIDInTheMainFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "org.db")
	s, err := Create(ctx, path, "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Branches.Create(ctx, &Branch{Name: "第一党支部", Type: "教工"}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		t.Fatal("premise: the write is in the log")
	}
	main, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if binary.BigEndian.Uint32(main[68:72]) != applicationID || binary.BigEndian.Uint32(main[60:64]) != uint32(SchemaVersion()) {
		t.Fatal("the main file of a new database lacks the application id or schema version")
	}
}

// TestNewerVersionInTheLogRefusedWithoutTouching: a database of ours that
// a newer build upgraded, the upgrade still only in the log, is refused
// from the log's raw bytes: SQLite does not open it, so it does not
// recover or checkpoint the log into the main file.
func TestNewerVersionInTheLogRefusedWithoutTouching(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	s, err := Create(ctx, live, "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.db")
	copyWhileOpen(t, live, newer)
	s.Close()
	before := [2][]byte{}
	for i, suffix := range []string{"", "-wal"} {
		before[i], _ = os.ReadFile(newer + suffix)
	}
	for _, opener := range []func(context.Context, string, ...Option) (*Store, error){Open, OpenReadOnly} {
		s, err := opener(ctx, newer)
		if err == nil {
			s.Close()
			t.Fatal("a database of a newer build was opened")
		}
		if !strings.Contains(err.Error(), "新，请升级程序") {
			t.Fatalf("message %q", err)
		}
		for i, suffix := range []string{"", "-wal"} {
			if after, _ := os.ReadFile(newer + suffix); string(after) != string(before[i]) {
				t.Fatalf("refusing changed %s", filepath.Base(newer+suffix))
			}
		}
		if _, err := os.Stat(newer + "-shm"); err == nil {
			t.Fatal("refusing created the -shm file: SQLite opened the database")
		}
	}
}
