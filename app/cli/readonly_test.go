package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// listing is each file's name, size and time of change in dir.
func listing(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = info.ModTime().Format(time.RFC3339Nano) + " " + info.Mode().String() + " " + string(rune(info.Size()))
	}
	return m
}

func TestReadingCommandsLeaveTheDatabaseFolderAsItWas(t *testing.T) {
	dir, db := demoDB(t)
	outDir := t.TempDir()
	before := listing(t, dir)
	for _, args := range [][]string{
		{"check", "--db", db, "--json"},
		{"report", "roster", "--db", db, "--out", filepath.Join(outDir, "花名册.pdf")},
		{"report", "dues", "--db", db, "--out", filepath.Join(outDir, "党费.pdf")},
	} {
		if code, _, errOut := run(t, args...); code != ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		after := listing(t, dir)
		if len(after) != len(before) {
			t.Fatalf("%v: files beside the database %v, before %v", args, after, before)
		}
		for name, was := range before {
			if after[name] != was {
				t.Fatalf("%v changed %s (%s → %s)", args, name, was, after[name])
			}
		}
	}
	if code, _, errOut := run(t, "check", "--db", filepath.Join(dir, "无此文件.db")); code != ExitUsage || !strings.Contains(errOut, "不存在") {
		t.Fatalf("missing database: %d %q", code, errOut)
	}
}
