package committeedb

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var ctx = context.Background()

// clockAt is a clock that reads at and then moves on a minute per read.
func clockAt(at time.Time) func() time.Time {
	return func() time.Time {
		at = at.Add(time.Minute)
		return at
	}
}

func open(t *testing.T, dir string, opts ...Option) *DB {
	t.Helper()
	d, err := Open(ctx, dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// TestNotesAreKeptWithWhoAndWhen: a note recorded is read back with its
// author and time, a new text replaces it and keeps the old one in the
// history, an empty text removes it, and all of it is there after the
// database is opened again.
func TestNotesAreKeptWithWhoAndWhen(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	d := open(t, dir, WithActor("组织部 李老师"), WithClock(clockAt(start)))
	if _, err := d.SetNote(ctx, "transfer_stranded:aa", "transfer_stranded", "  已电话联系接收单位  "); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetNote(ctx, "no_snapshot:bb", "no_snapshot", "已通知上传"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetNote(ctx, "transfer_stranded:aa", "transfer_stranded", "接收单位已补办转入"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetNote(ctx, "no_snapshot:bb", "no_snapshot", ""); err != nil {
		t.Fatal(err)
	}
	d.Close()

	d = open(t, dir)
	notes, err := d.Notes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 {
		t.Fatalf("notes %+v", notes)
	}
	n := notes["transfer_stranded:aa"]
	if n.Text != "接收单位已补办转入" || n.Author != "组织部 李老师" || !n.At.Equal(start.Add(3*time.Minute)) || n.Kind != "transfer_stranded" {
		t.Errorf("note %+v", n)
	}
	texts, err := d.NoteTexts(ctx)
	if err != nil || texts["transfer_stranded:aa"] != "接收单位已补办转入" || len(texts) != 1 {
		t.Errorf("texts %v, %v", texts, err)
	}
	hist, err := d.History(ctx, "transfer_stranded:aa")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Text != "已电话联系接收单位" || hist[1].Text != "接收单位已补办转入" ||
		!hist[0].At.Equal(start.Add(time.Minute)) {
		t.Errorf("history %+v", hist)
	}
	if hist, _ := d.History(ctx, "no_snapshot:bb"); len(hist) != 2 || hist[1].Text != "" {
		t.Errorf("the removed note's history %+v", hist)
	}
}

// TestTheDatabaseIsMadeOnFirstUseInWALMode: opening a folder without one
// makes committee.db there, in WAL mode.
func TestTheDatabaseIsMadeOnFirstUseInWALMode(t *testing.T) {
	dir := t.TempDir()
	d := open(t, dir)
	if d.Path() != filepath.Join(dir, File) {
		t.Errorf("path %s", d.Path())
	}
	var mode string
	if err := d.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q, %v", mode, err)
	}
	var version int
	if err := d.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != len(migrations) {
		t.Errorf("user_version %d, %v", version, err)
	}
}

// TestNewerOrForeignFilesAreRefusedAndLeftAlone: a committee.db of a
// newer release, or a file that is no database, is refused in Chinese and
// not changed.
func TestNewerOrForeignFilesAreRefusedAndLeftAlone(t *testing.T) {
	t.Run("newer", func(t *testing.T) {
		dir := t.TempDir()
		open(t, dir).Close()
		db, err := sql.Open("sqlite3", filepath.Join(dir, File))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		before, _ := os.ReadFile(filepath.Join(dir, File))
		_, err = Open(ctx, dir)
		if err == nil || !strings.Contains(err.Error(), "较新版本") {
			t.Fatalf("opened: %v", err)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, File)); !bytes.Equal(before, after) {
			t.Error("the file changed")
		}
	})
	t.Run("not a database", func(t *testing.T) {
		dir := t.TempDir()
		junk := bytes.Repeat([]byte("不是数据库"), 400)
		if err := os.WriteFile(filepath.Join(dir, File), junk, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(ctx, dir)
		if err == nil || !strings.Contains(err.Error(), "已损坏") {
			t.Fatalf("opened: %v", err)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, File)); !bytes.Equal(junk, after) {
			t.Error("the file changed")
		}
	})
}

// TestFiguresAreKeptByKey: figures kept under a key are read back as
// they were, a second computation under the same key replaces the first,
// and only the newest computations are kept.
func TestFiguresAreKeptByKey(t *testing.T) {
	d := open(t, t.TempDir(), WithClock(clockAt(time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))))
	if _, ok, err := d.CachedFigures(ctx, "r1"); ok || err != nil {
		t.Fatalf("an empty cache has r1: %v", err)
	}
	if err := d.CacheFigures(ctx, "r1", map[string][]byte{"a": []byte(`{"members":3}`), "b": []byte(`{"members":4}`)}); err != nil {
		t.Fatal(err)
	}
	if err := d.CacheFigures(ctx, "r1", map[string][]byte{"a": []byte(`{"members":5}`)}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := d.CachedFigures(ctx, "r1")
	if err != nil || !ok || len(got) != 1 || string(got["a"]) != `{"members":5}` {
		t.Fatalf("r1: %v %v %v", got, ok, err)
	}
	for i := range keptFigures + 3 {
		if err := d.CacheFigures(ctx, "k"+strconv.Itoa(i), map[string][]byte{"a": []byte("{}")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok, _ := d.CachedFigures(ctx, "r1"); ok {
		t.Error("the oldest computation is still kept")
	}
	if _, ok, _ := d.CachedFigures(ctx, "k"+strconv.Itoa(keptFigures+2)); !ok {
		t.Error("the newest computation is gone")
	}
	var keys int
	if err := d.db.QueryRow(`SELECT count(DISTINCT key) FROM figures_cache`).Scan(&keys); err != nil || keys != keptFigures {
		t.Errorf("%d computations kept, %v", keys, err)
	}
}
