package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"dangjian/data"
)

// folderState is every file of a folder with its content and time of
// change, to show that nothing was created, removed or written.
type folderState map[string]string

func stateOf(t *testing.T, dir string) folderState {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	st := folderState{}
	for _, e := range entries {
		if e.IsDir() {
			st[e.Name()] = "folder"
			continue
		}
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		content, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		st[e.Name()] = info.ModTime().String() + " " + info.Mode().String() + " " + string(content)
	}
	return st
}

func (s folderState) diff(after folderState) string {
	var out []string
	for name, v := range s {
		if w, ok := after[name]; !ok {
			out = append(out, "removed "+name)
		} else if w != v {
			out = append(out, "changed "+name)
		}
	}
	for name := range after {
		if _, ok := s[name]; !ok {
			out = append(out, "created "+name)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// foreignWithLog makes another application's SQLite database in WAL mode
// at dir/name whose last transactions are still only in its -wal file,
// as a program that crashed leaves it: the files are copied while the
// program has the database open.
func foreignWithLog(t *testing.T, dir, name string) string {
	t.Helper()
	live := filepath.Join(t.TempDir(), name)
	db, err := sql.Open("sqlite3", "file:"+live+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("PRAGMA wal_autocheckpoint = 0; CREATE TABLE notes (body TEXT)"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		if _, err := db.Exec("INSERT INTO notes VALUES (?)", strings.Repeat("私人笔记", 100)); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	for _, suffix := range []string{"", "-wal"} {
		content, err := os.ReadFile(live + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if suffix == "-wal" && len(content) == 0 {
			t.Fatal("the foreign database has no log to keep")
		}
		if err := os.WriteFile(path+suffix, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestOpenRefusesForeignDatabaseWithLogWithoutTouchingIt: another
// application's database with a write-ahead log beside it is refused, and
// neither the database nor its log is written, removed or checkpointed,
// whether it is opened for writing, read-only, or restored from.
func TestOpenRefusesForeignDatabaseWithLogWithoutTouchingIt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := foreignWithLog(t, dir, "其他程序.db")
	before := stateOf(t, dir)
	opens := map[string]func() error{
		"Open": func() error { _, err := data.Open(ctx, path); return err },
		"OpenReadOnly": func() error {
			_, err := data.OpenReadOnly(ctx, path)
			return err
		},
		"VerifyBackup": func() error { return data.VerifyBackup(ctx, path, filepath.Join(t.TempDir(), "live.db")) },
	}
	for name, open := range opens {
		err := open()
		if err == nil || !strings.Contains(err.Error(), "不是本程序的数据库文件") || !strings.Contains(err.Error(), path) {
			t.Fatalf("%s: %v, want 不是本程序的数据库文件 naming the path", name, err)
		}
		if d := before.diff(stateOf(t, dir)); d != "" {
			t.Fatalf("%s changed a database that is not ours: %s", name, d)
		}
	}
}

// TestOpenRefusesEmptyShortAndRandomFilesWithoutTouchingThem: a 0-byte
// file (alone or with a log beside it), a file shorter than a header, random
// bytes and an SQLite header of another application are refused with a
// message naming the file, and stay exactly as they were.
func TestOpenRefusesEmptyShortAndRandomFilesWithoutTouchingThem(t *testing.T) {
	ctx := context.Background()
	random := make([]byte, 8192)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.Uint32())
	}
	foreignHeader := append([]byte("SQLite format 3\x00"), random[16:4096]...)
	logDir := t.TempDir()
	foreignLog, err := os.ReadFile(foreignWithLog(t, logDir, "x.db") + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		content []byte
		log     []byte
	}{
		{"empty.db", nil, nil},
		{"empty-with-log.db", nil, foreignLog},
		{"short.db", []byte("SQLite format 3\x00 but short"), nil},
		{"random.db", random, nil},
		{"foreign-header.db", foreignHeader, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.name)
			if err := os.WriteFile(path, c.content, 0o644); err != nil {
				t.Fatal(err)
			}
			if c.log != nil {
				if err := os.WriteFile(path+"-wal", c.log, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := stateOf(t, dir)
			for name, open := range map[string]func(context.Context, string, ...data.Option) (*data.Store, error){
				"Open": data.Open, "OpenReadOnly": data.OpenReadOnly,
			} {
				s, err := open(ctx, path)
				if err == nil {
					s.Close()
				}
				if err == nil || !strings.Contains(err.Error(), "不是本程序的数据库文件") || !strings.Contains(err.Error(), path) {
					t.Fatalf("%s: %v, want 不是本程序的数据库文件 naming the path", name, err)
				}
				if d := before.diff(stateOf(t, dir)); d != "" {
					t.Fatalf("%s changed the file: %s", name, d)
				}
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, c.content) {
				t.Fatalf("the file is %d bytes, was %d", len(got), len(c.content))
			}
		})
	}
}
