package data_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/localfs"
)

func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "org.db")
	s, err := data.Create(ctx, live, "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	b := addBranch(t, s, "第一党支部")
	must(t, s.Members.Create(ctx, validMember(b, "备份前", 30)))
	backup := filepath.Join(dir, "备份 2026.db")
	must(t, s.Backup(ctx, backup))
	if err := s.Backup(ctx, backup); err == nil {
		t.Fatal("a backup overwrote a file")
	}
	must(t, s.Members.Create(ctx, validMember(b, "备份后", 31)))
	s.Close()

	must(t, data.Restore(ctx, backup, live))
	s, err = data.Open(ctx, live)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, _ := s.Members.List(ctx)
	if len(ms) != 1 || ms[0].Name != "备份前" {
		t.Fatalf("after restore: %v", names(ms))
	}
	if _, err := os.Stat(live + ".before-restore"); err != nil {
		t.Fatal("the replaced database was not kept")
	}
}

func TestRestoreRefusesBadFilesAndKeepsTheCurrentOne(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "org.db")
	s, err := data.Create(ctx, live, "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	addBranch(t, s, "第一党支部")
	good := filepath.Join(dir, "good.db")
	must(t, s.Backup(ctx, good))
	s.Close()
	before, _ := os.ReadFile(live)

	notOurs := filepath.Join(dir, "notes.txt")
	os.WriteFile(notOurs, []byte("not a database"), 0o644)
	corrupt := filepath.Join(dir, "corrupt.db")
	content, _ := os.ReadFile(good)
	for i := 4096; i < len(content) && i < 4096*3; i++ {
		content[i] ^= 0xFF // damage the second and third pages
	}
	os.WriteFile(corrupt, content, 0o644)

	for _, bad := range []string{notOurs, corrupt, filepath.Join(dir, "missing.db")} {
		err := data.Restore(ctx, bad, live)
		if err == nil {
			t.Fatalf("%s was restored", filepath.Base(bad))
		}
		if !strings.Contains(err.Error(), "不是本程序的数据库") && !strings.Contains(err.Error(), "损坏") &&
			!strings.Contains(err.Error(), "无法") && !strings.Contains(err.Error(), "不存在") {
			t.Errorf("%s: unclear message %q", filepath.Base(bad), err)
		}
		if after, _ := os.ReadFile(live); string(after) != string(before) {
			t.Fatalf("%s: the current database changed", filepath.Base(bad))
		}
	}
}

// TestRestoreCopiesNothingToTheSystemTemp: verifying a backup works on a
// copy of personal data, which lives in a private scratch folder beside
// the live database and is removed afterwards; nothing is written to the
// system's temporary folder.
func TestRestoreCopiesNothingToTheSystemTemp(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "org.db")
	s, err := data.Create(ctx, live, "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	addBranch(t, s, "第一党支部")
	backup := filepath.Join(t.TempDir(), "backup.db")
	must(t, s.Backup(ctx, backup))
	s.Close()

	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("TEMP", tmp)
	t.Setenv("TMP", tmp)
	if os.TempDir() != tmp {
		t.Skip("the system temp folder cannot be redirected here")
	}
	must(t, data.VerifyBackup(ctx, backup, live))
	must(t, data.Restore(ctx, backup, live))
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("left in the system temp folder: %v", left)
	}
	runs, _ := os.ReadDir(filepath.Join(dir, localfs.ScratchFolder))
	if len(runs) != 0 {
		t.Fatalf("scratch folders left beside the database: %d", len(runs))
	}
}

func TestCancelledBackupLeavesNoFile(t *testing.T) {
	s := newStore(t)
	b := addBranch(t, s, "第一党支部")
	must(t, s.Members.Create(context.Background(), validMember(b, "甲", 1)))
	dir := t.TempDir()
	backup := filepath.Join(dir, "备份.db")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Backup(ctx, backup); err == nil {
		t.Fatal("a cancelled backup reported success")
	}
	if _, err := os.Stat(backup); !os.IsNotExist(err) {
		t.Fatalf("a cancelled backup left %s: %v", backup, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left in the folder: %s", e.Name())
		}
	}
}
