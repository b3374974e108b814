package localfs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutputCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("org.db", "SQLite format 3\x00rest")
	write("other.db", "SQLite format 3\x00rest")
	committee := filepath.Join(dir, "committee")
	os.MkdirAll(filepath.Join(committee, "orgs", "a"), 0o700)
	os.Symlink(db, filepath.Join(dir, "link.pdf"))
	os.Link(db, filepath.Join(dir, "hard.xlsx"))
	out := Output{Protected: OwnFiles(db), ProtectedDirs: []string{committee}}

	cases := []struct {
		name, path string
		refused    bool
		reason     string
	}{
		{"new file", filepath.Join(dir, "花名册.xlsx"), false, ""},
		{"an ordinary existing file", write("old.pdf", "%PDF-1.4"), false, ""},
		{"the database itself", db, true, "正在使用"},
		{"the database by another spelling", filepath.Join(dir, ".", "x", "..", "org.db"), true, "正在使用"},
		{"the WAL", db + "-wal", true, "正在使用"},
		{"the shared memory file", db + "-shm", true, "正在使用"},
		{"the keys beside it", filepath.Join(dir, "org.keys"), true, "正在使用"},
		{"the sync state", filepath.Join(dir, "org.sync.json"), true, "正在使用"},
		{"a symbolic link to the database", filepath.Join(dir, "link.pdf"), true, "正在使用"},
		{"a hard link to the database", filepath.Join(dir, "hard.xlsx"), true, "正在使用"},
		{"inside the committee folder", filepath.Join(committee, "orgs", "a", "x.pdf"), true, "文件夹"},
		{"a folder", dir, true, "文件夹"},
		{"another SQLite database", write("other.xlsx", "SQLite format 3\x00..."), true, "数据库文件"},
		{"a WAL file", write("w.pdf", "\x37\x7f\x06\x82rest"), true, "日志文件"},
		{"a key file elsewhere", write("k.json", `{"format": "dangjian-org-keys/1", "public": {}}`), true, "密钥文件"},
		{"an enrollment file", write("e.json", `{"format": "dangjian-enrollment/1"}`), true, "登记文件"},
		{"a sync state elsewhere", write("s.json", `{"enrollment": {"bucket": "b"}, "last_seq": 3}`), true, "同步状态"},
		{"an age file", write("a.age", "age-encryption.org/v1\n-> X25519"), true, "加密"},
		{"an ordinary JSON file", write("n.json", `{"format": "other"}`), false, ""},
		{"exported public keys", write("org-keys.json", `{"org_id": "x", "age_recipient": "age1", "signing_key": "AAAA"}`), true, "公钥文件"},
		{"another database's rollback journal", write("j.pdf", "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7rest"), true, "回滚日志"},
		{"the -shm of another database", write("other.db-shm", "no header at all"), true, "附属文件"},
		{"no name", "", true, "文件名"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := out.Check(c.path)
			if !c.refused {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var oe *OutputError
			if !errors.As(err, &oe) {
				t.Fatalf("got %v, want an OutputError", err)
			}
			if !strings.Contains(err.Error(), c.reason) {
				t.Fatalf("message %q does not say %q", err, c.reason)
			}
		})
	}
}

func TestOutputMayReplaceAllowsAnEarlierResult(t *testing.T) {
	dir := t.TempDir()
	merged := filepath.Join(dir, "merged.db")
	os.WriteFile(merged, []byte("SQLite format 3\x00"), 0o600)
	out := Output{MayReplace: func(p string) bool { return filepath.Base(p) == "merged.db" }}
	if err := out.Check(merged); err != nil {
		t.Fatalf("an earlier merged database may be replaced: %v", err)
	}
	other := filepath.Join(dir, "org.db")
	os.WriteFile(other, []byte("SQLite format 3\x00"), 0o600)
	if err := out.Check(other); err == nil {
		t.Fatal("an organization's database must not be replaced")
	}
}

func TestOutputRefusesDevicesAndPipesWithoutOpeningThem(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscallMkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	// Opening a pipe with no writer would block: Check must not.
	if err := (Output{}).Check(fifo); err == nil || !strings.Contains(err.Error(), "不是普通文件") {
		t.Fatalf("a named pipe: %v", err)
	}
	if err := (Output{}).Check(os.DevNull); err == nil || !strings.Contains(err.Error(), "不是普通文件") {
		t.Fatalf("%s: %v", os.DevNull, err)
	}
}

func TestOwnFilesOfADatabaseNamedThroughALink(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	os.WriteFile(db, []byte("SQLite format 3\x00"), 0o600)
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Skip(err)
	}
	out := Output{Protected: OwnFiles(link)}
	for _, name := range []string{"a.db-shm", "a.push.lock", "a.sync.json", "a.keys"} {
		if err := out.Check(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s beside the link's target is not protected", name)
		}
	}
}
