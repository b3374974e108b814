package localfs

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// armoredKey is a key sealed as the committee's committee.key and
// committee-signing.key are: age with a passphrase (scrypt), armored.
func armoredKey(t *testing.T) []byte {
	t.Helper()
	r, err := age.NewScryptRecipient("党委口令-2026")
	if err != nil {
		t.Fatal(err)
	}
	r.SetWorkFactor(10)
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, err := age.Encrypt(aw, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("AGE-SECRET-KEY-1..."))
	w.Close()
	aw.Close()
	return buf.Bytes()
}

// committeeFiles are the files of a committee's folder as the sync
// package writes them, by path within the folder.
func committeeFiles(t *testing.T) map[string][]byte {
	key := armoredKey(t)
	return map[string][]byte{
		"committee.json": []byte(`{"format": "dangjian-committee/1", "endpoint": "http://127.0.0.1:9000", "bucket": "b",
  "access_key": "committee", "secret_key": "s", "age_recipient": "age1x", "created_at": "2026-09-01T00:00:00Z",
  "signing_key": "AAAA"}`),
		"committee.key":         key,
		"committee-signing.key": key,
		"calendar.json":         []byte(`[{"term": "2026-2027-1", "start": "2026-09-01", "end": "2027-01-20"}]`),
		"outputs.json":          []byte(`{"format": "dangjian-committee-outputs/1", "merged": []}`),
		"orgs/o1/org.json": []byte(`{"public": {"org_id": "o1", "org_name": "文学院党委", "age_recipient": "age1y",
  "signing_key": "BBBB"}, "access_key": "org-o1", "enrolled_at": "2026-09-02T00:00:00Z"}`),
		"orgs/o1/accepted.json": []byte(`{"seq": 3, "manifest_sha256": "ab12", "manifest": {"format": "dangjian-snapshot/1",
  "org_id": "o1", "seq": 3}, "file": "accepted-0000000003.age", "accepted_at": "2026-09-03T00:00:00Z"}`),
		"orgs/o1/status.json": []byte(`{"checked_at": "2026-09-03T00:00:00Z", "seq": 3, "status": "accepted", "reason": "",
  "used_seq": 3}`),
		"orgs/o1/policy.json": []byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ["arn:aws:s3:::b/orgs/o1/*"]}]}`),
		"orgs/o1/accepted-0000000003.age": []byte("age-encryption.org/v1\n-> X25519 abc\n"),
		"channel/state.json":              []byte(`{"last_seq": 2, "last_index_sha256": "cd34"}`),
		"terms/2026-2027-1/sources.json":  []byte(`{"format": "dangjian-term-sources/1", "term": "2026-2027-1"}`),
	}
}

func makeFolder(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSniffKnowsTheCommitteesFiles: every file of a committee's folder is
// recognised as the program's own, also copied elsewhere, so that no
// output replaces it.
func TestSniffKnowsTheCommitteesFiles(t *testing.T) {
	dir := t.TempDir()
	files := committeeFiles(t)
	makeFolder(t, dir, files)
	for name := range files {
		t.Run(name, func(t *testing.T) {
			if kind := Sniff(filepath.Join(dir, filepath.FromSlash(name))); kind == "" {
				t.Errorf("%s is not recognised", name)
			}
		})
	}
	for _, c := range []struct{ name, content string }{
		{"an ordinary JSON array", `[1, 2, 3]`},
		{"an ordinary list of terms", `[{"term": "秋季"}]`},
		{"an ordinary JSON object", `{"seq": 3, "status": "ok"}`},
		{"a PDF", "%PDF-1.3\n"},
		{"text quoting an age armor", "see -----BEGIN AGE ENCRYPTED FILE----- below"},
	} {
		p := filepath.Join(dir, "other")
		os.WriteFile(p, []byte(c.content), 0o600)
		if kind := Sniff(p); kind != "" {
			t.Errorf("%s is taken for %s", c.name, kind)
		}
	}
}

func hashOf(t *testing.T, path string) ([32]byte, bool) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return [32]byte{}, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b), true
}

// TestOutputRefusesACommitteeFolder: any path in a committee's folder, at
// any depth, existing or not, typed absolute or relative from anywhere, is
// refused with a message naming it; also when one of the two files that
// mark the folder is damaged. A folder whose committee.json and
// committee.key are not the program's is no committee's.
func TestOutputRefusesACommitteeFolder(t *testing.T) {
	root := t.TempDir()
	cmte := filepath.Join(root, "党委")
	makeFolder(t, cmte, committeeFiles(t))
	keyOnly := filepath.Join(root, "只有密钥")
	makeFolder(t, keyOnly, map[string][]byte{"committee.key": armoredKey(t), "committee.json": []byte("%PDF-1.3 damaged")})
	configOnly := filepath.Join(root, "只有配置")
	makeFolder(t, configOnly, map[string][]byte{"committee.json": committeeFiles(t)["committee.json"], "committee.key": []byte("%PDF-1.3")})
	notOurs := filepath.Join(root, "别的程序")
	makeFolder(t, notOurs, map[string][]byte{"committee.json": []byte(`{"name": "x"}`), "committee.key": []byte("secret")})
	outside := filepath.Join(root, "文学院")
	os.MkdirAll(outside, 0o700)
	os.Symlink(filepath.Join(cmte, "orgs"), filepath.Join(outside, "link"))

	cases := []struct {
		name, wd, path string
		refused        bool
	}{
		{"the committee's key", "", filepath.Join(cmte, "committee.key"), true},
		{"the signing key", "", filepath.Join(cmte, "committee-signing.key"), true},
		{"the settings", "", filepath.Join(cmte, "committee.json"), true},
		{"the calendar", "", filepath.Join(cmte, "calendar.json"), true},
		{"a new file beside the keys", "", filepath.Join(cmte, "统计.pdf"), true},
		{"an organization's enrolled keys", "", filepath.Join(cmte, "orgs", "o1", "org.json"), true},
		{"an organization's accepted snapshot", "", filepath.Join(cmte, "orgs", "o1", "accepted.json"), true},
		{"an organization's status", "", filepath.Join(cmte, "orgs", "o1", "status.json"), true},
		{"an organization's policy", "", filepath.Join(cmte, "orgs", "o1", "policy.json"), true},
		{"a new file deep inside", "", filepath.Join(cmte, "terms", "2026-2027-1", "x.pdf"), true},
		{"a new folder inside", "", filepath.Join(cmte, "新", "x.pdf"), true},
		{"relative from inside", filepath.Join(cmte, "orgs", "o1"), filepath.Join("..", "..", "committee.key"), true},
		{"relative from inside, a new file", filepath.Join(cmte, "orgs"), "x.pdf", true},
		{"relative from beside", outside, filepath.Join("..", "党委", "committee-signing.key"), true},
		{"through a link into it", outside, filepath.Join("link", "o1", "org.json"), true},
		{"a folder with a damaged committee.json", "", filepath.Join(keyOnly, "x.pdf"), true},
		{"a folder with a damaged committee.key", "", filepath.Join(configOnly, "x.pdf"), true},
		{"another program's committee.json", "", filepath.Join(notOurs, "x.pdf"), false},
		{"beside the committee's folder", "", filepath.Join(root, "x.pdf"), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.wd != "" {
				t.Chdir(c.wd)
			}
			before, existed := hashOf(t, c.path)
			err := Output{}.Check(c.path)
			if !c.refused {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var oe *OutputError
			if !errors.As(err, &oe) || !strings.Contains(err.Error(), "不能写入"+c.path+"：") {
				t.Fatalf("got %v, want an OutputError naming %s", err, c.path)
			}
			if !strings.Contains(err.Error(), "党委的同步目录") && !strings.Contains(err.Error(), "密钥") {
				t.Errorf("%q does not say why", err)
			}
			if after, exists := hashOf(t, c.path); exists != existed || after != before {
				t.Errorf("%s changed", c.path)
			}
		})
	}
	// A copy of the committee's key outside its folder is still a key.
	copied := filepath.Join(root, "备份.key")
	os.WriteFile(copied, armoredKey(t), 0o600)
	if err := (Output{}).Check(copied); err == nil || !strings.Contains(err.Error(), KindEncrypted) {
		t.Errorf("a copy of the committee's key: %v", err)
	}
}

// TestOutputForTheCommitteeItself: a caller writing for a committee lists
// its committee.json in Protected and says itself what in the folder may
// be written (consolidate replaces the committee's merged.db); any other
// committee's folder is still refused whole.
func TestOutputForTheCommitteeItself(t *testing.T) {
	root := t.TempDir()
	cmte, other := filepath.Join(root, "党委"), filepath.Join(root, "党委二")
	makeFolder(t, cmte, committeeFiles(t))
	makeFolder(t, other, committeeFiles(t))
	out := Output{Protected: []string{filepath.Join(cmte, "committee.json"), filepath.Join(cmte, "committee.key")},
		ProtectedDirs: []string{filepath.Join(cmte, "orgs")}, MayMakeFolder: true}
	if err := out.Check(filepath.Join(cmte, "merged.db")); err != nil {
		t.Errorf("the committee's own merged.db: %v", err)
	}
	for _, p := range []string{filepath.Join(cmte, "committee.key"), filepath.Join(cmte, "orgs", "o1", "org.json"),
		filepath.Join(other, "merged.db"), filepath.Join(cmte, "committee-signing.key")} {
		if err := out.Check(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %v", p, err)
		}
	}
}
