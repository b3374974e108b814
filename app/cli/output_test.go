package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoDB makes a small demo database in a fresh folder.
func demoDB(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "组织.db")
	if code, _, errOut := run(t, "demo", "--db", db, "--members", "30"); code != ExitOK {
		t.Fatal(errOut)
	}
	return dir, db
}

// snapshotFiles reads every file in dir, to tell that a refused command
// changed nothing.
func snapshotFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return nil
	})
	return files
}

func TestOutputOntoTheProgramsOwnFilesIsRefused(t *testing.T) {
	dir, db := demoDB(t)
	other := filepath.Join(dir, "另一个组织.db")
	if code, _, errOut := run(t, "init", "--db", other, "--org", "外国语学院党委"); code != ExitOK {
		t.Fatal(errOut)
	}
	keys := filepath.Join(dir, "别处的密钥.json")
	os.WriteFile(keys, []byte(`{"format": "dangjian-org-keys/1"}`), 0o600)
	os.WriteFile(filepath.Join(dir, "组织.keys"), []byte(`{"format": "dangjian-org-keys/1"}`), 0o600)
	os.WriteFile(filepath.Join(dir, "组织.sync.json"), []byte(`{}`), 0o600)
	targets := []struct{ name, path, says string }{
		{"the database", db, "正在使用"},
		{"the database through another spelling", filepath.Join(dir, "sub", "..", "组织.db"), "正在使用"},
		{"its WAL", db + "-wal", "正在使用"},
		{"its keys", filepath.Join(dir, "组织.keys"), "正在使用"},
		{"its sync state", filepath.Join(dir, "组织.sync.json"), "正在使用"},
		{"another organization's database", other, "数据库文件"},
		{"a key file", keys, "密钥文件"},
		{"a folder", dir, "文件夹"},
	}
	commands := [][]string{
		{"export", "members", "--db", db, "--out"},
		{"export", "training", "--db", db, "--year", "2026", "--out"},
		{"report", "roster", "--db", db, "--out"},
		{"report", "dues", "--db", db, "--out"},
		{"template", "members", "--out"},
	}
	for _, target := range targets {
		for _, cmd := range commands {
			if cmd[0] == "template" && strings.Contains(target.says, "正在使用") {
				continue // no database is named: only what the file holds counts
			}
			t.Run(cmd[0]+" "+cmd[1]+" onto "+target.name, func(t *testing.T) {
				before := snapshotFiles(t, dir)
				code, _, errOut := run(t, append(cmd, target.path)...)
				if code != ExitUsage || !strings.Contains(errOut, target.says) {
					t.Fatalf("exit %d %q; want 2 saying %q", code, errOut, target.says)
				}
				after := snapshotFiles(t, dir)
				for p, b := range before {
					if after[p] != b {
						t.Fatalf("%s was changed", p)
					}
				}
				if len(after) != len(before) {
					t.Fatalf("files were added: %d before, %d after", len(before), len(after))
				}
			})
		}
	}
}

func TestOutputReplacesAnOrdinaryFile(t *testing.T) {
	dir, db := demoDB(t)
	out := filepath.Join(dir, "花名册.pdf")
	os.WriteFile(out, []byte("an old copy"), 0o644)
	if code, _, errOut := run(t, "report", "roster", "--db", db, "--out", out); code != ExitOK {
		t.Fatal(errOut)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatal("the old file was not replaced")
	}
}

func TestYearOutOfRangeIsAUsageError(t *testing.T) {
	dir, db := demoDB(t)
	for _, args := range [][]string{
		{"export", "training", "--db", db, "--out", filepath.Join(dir, "t.xlsx"), "--year", "20266"},
		{"export", "dues", "--db", db, "--out", filepath.Join(dir, "d.xlsx"), "--year", "1900"},
		{"report", "training", "--db", db, "--out", filepath.Join(dir, "t.pdf"), "--year", "2101"},
		{"report", "dues", "--db", db, "--out", filepath.Join(dir, "d.pdf"), "--year", "-1"},
		{"check", "--db", db, "--year", "1920"},
		{"report", "dues", "--db", db, "--out", filepath.Join(dir, "d.pdf"), "--year", "0x7e9"},
		{"export", "dues", "--db", db, "--out", filepath.Join(dir, "d.xlsx"), "--year", "abc"},
	} {
		code, _, errOut := run(t, args...)
		if code != ExitUsage || !(strings.Contains(errOut, "1921") || strings.Contains(errOut, "四位数字")) {
			t.Errorf("%v: exit %d %q; want 2 naming the range", args, code, errOut)
		}
	}
	for _, name := range []string{"t.xlsx", "d.xlsx", "t.pdf", "d.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s written by a refused command", name)
		}
	}
}
