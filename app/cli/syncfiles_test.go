package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"dangjian/data"
	"dangjian/data/localfs"
	snapshot "dangjian/sync"
	"dangjian/sync/miniotest"
)

// syncSetup is a committee and one enrolled organization that pushed once
// and was consolidated, made through the command line.
type syncSetup struct {
	dir, committee, db, orgID, orgKeys, enrollment, merged, bucket string
}

func newSyncSetup(t *testing.T) syncSetup {
	t.Helper()
	miniotest.Need(t, srv)
	ctx := context.Background()
	t.Setenv(snapshot.PassphraseEnv, "党委口令-2026")
	b := make([]byte, 4)
	rand.Read(b)
	dir := t.TempDir()
	s := syncSetup{dir: dir, committee: filepath.Join(dir, "党委"), db: filepath.Join(dir, "文学院", "dangjian.db"),
		orgKeys: filepath.Join(dir, "org-keys.json"), enrollment: filepath.Join(dir, "enrollment.json"),
		merged: filepath.Join(dir, "merged.db"), bucket: "cli-" + hex.EncodeToString(b)}
	steps := [][]string{
		{"committee", "init", "--dir", s.committee, "--endpoint", srv.Endpoint, "--bucket", s.bucket, "--access-key", srv.RootUser, "--secret-key", srv.RootPassword},
		{"init", "--db", s.db, "--org", "文学院党委"},
		{"demo", "--db", s.db, "--members", "10"},
		{"keys", "export", "--db", s.db, "--out", s.orgKeys},
	}
	for _, args := range steps {
		if code, out, errOut := run(t, args...); code != ExitOK {
			t.Fatalf("%s: %d %s %s", strings.Join(args, " "), code, out, errOut)
		}
	}
	var pub map[string]string
	raw, _ := os.ReadFile(s.orgKeys)
	json.Unmarshal(raw, &pub)
	s.orgID = pub["org_id"]
	access, secret := "org-"+hex.EncodeToString(b), "secret-"+hex.EncodeToString(b)+"-2026"
	if code, out, errOut := run(t, "committee", "enroll", "--dir", s.committee, "--org-keys", s.orgKeys,
		"--access-key", access, "--secret-key", secret, "--out", s.enrollment); code != ExitOK {
		t.Fatalf("enroll: %d %s %s", code, out, errOut)
	}
	policy := filepath.Join(s.committee, "orgs", s.orgID, "policy.json")
	for _, args := range [][]string{
		{"admin", "user", "add", "test", access, secret},
		{"admin", "policy", "create", "test", snapshot.PolicyName(s.orgID), policy},
		{"admin", "policy", "attach", "test", snapshot.PolicyName(s.orgID), "--user", access},
	} {
		if out, err := srv.MC(ctx, args...); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	for _, args := range [][]string{
		{"sync", "join", "--db", s.db, s.enrollment},
		{"sync", "push", "--db", s.db},
		{"consolidate", "--dir", s.committee, "--out", s.merged},
	} {
		if code, out, errOut := run(t, args...); code != ExitOK {
			t.Fatalf("%s: %d %s %s", strings.Join(args, " "), code, out, errOut)
		}
	}
	return s
}

// change adds a branch to the organization's database, so that the next
// push uploads.
func (s syncSetup) change(t *testing.T, name string) {
	t.Helper()
	ctx := context.Background()
	st, err := data.Open(ctx, s.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Branches.Create(ctx, &data.Branch{Name: name, Type: "教工"}); err != nil {
		t.Fatal(err)
	}
}

func (s syncSetup) manifest(seq int) string {
	return "test/" + s.bucket + "/orgs/" + s.orgID + "/manifests/" + pad10(seq) + ".json"
}

func pad10(n int) string {
	v := []byte("0000000000")
	for i := 9; i >= 0 && n > 0; i-- {
		v[i] = byte('0' + n%10)
		n /= 10
	}
	return string(v)
}

// hasChinese reports whether a message is written for people.
func hasChinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestSyncCommandsWithDamagedFiles damages, one at a time, each file the
// sync, keys and committee commands read: every command refuses with exit
// 2 and a message in Chinese (not the 1 of a server that could not be
// reached), except where the damage concerns one organization among
// others (consolidate: exit 3, the organization refused), or where the
// program passes over a junk object in the bucket.
func TestSyncCommandsWithDamagedFiles(t *testing.T) {
	s := newSyncSetup(t)
	keysPath, statePath := snapshot.KeyPath(s.db), snapshot.StatePath(s.db)
	orgDir := filepath.Join(s.committee, "orgs", s.orgID)
	push := []string{"sync", "push", "--db", s.db}
	consolidate := []string{"consolidate", "--dir", s.committee, "--out", s.merged}
	other := filepath.Join(s.dir, "other.json")

	damagedKeys := func(b []byte) []byte {
		var kf map[string]any
		json.Unmarshal(b, &kf)
		kf["secret"] = "-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"
		out, _ := json.Marshal(kf)
		return out
	}
	badEndpoint := func(b []byte) []byte {
		return []byte(strings.Replace(string(b), srv.Endpoint, "ftp://nowhere", 1))
	}
	garbage := func([]byte) []byte { return []byte("{垃圾") }
	cases := []struct {
		name string
		file string
		edit func([]byte) []byte
		args []string
		code int
		want string
	}{
		{"keys: garbage, push", keysPath, garbage, push, ExitUsage, "密钥文件已损坏"},
		{"keys: garbage, export", keysPath, garbage, []string{"keys", "export", "--db", s.db, "--out", other}, ExitUsage, "密钥文件已损坏"},
		{"keys: garbage, init", keysPath, garbage, []string{"keys", "init", "--db", s.db}, ExitUsage, "密钥文件已存在"},
		{"keys: damaged secret, push", keysPath, damagedKeys, push, ExitUsage, "密钥文件已损坏"},
		{"state: garbage, push", statePath, garbage, push, ExitUsage, "同步设置文件已损坏"},
		{"state: garbage, status", statePath, garbage, []string{"sync", "status", "--db", s.db}, ExitUsage, "同步设置文件已损坏"},
		{"state: garbage, join", statePath, garbage, []string{"sync", "join", "--db", s.db, s.enrollment}, ExitUsage, "同步设置文件已损坏"},
		{"state: bad endpoint, push", statePath, badEndpoint, push, ExitUsage, "同步设置文件已损坏"},
		{"enrollment: garbage, join", s.enrollment, garbage, []string{"sync", "join", "--db", s.db, s.enrollment}, ExitUsage, "登记文件"},
		{"org keys: garbage, enroll", s.orgKeys, garbage, []string{"committee", "enroll", "--dir", s.committee, "--org-keys", s.orgKeys,
			"--access-key", "ak-2", "--secret-key", "sk-2", "--out", other}, ExitUsage, "公钥文件"},
		{"committee.json: garbage, consolidate", filepath.Join(s.committee, "committee.json"), garbage, consolidate, ExitUsage, "committee.json"},
		{"committee.json: garbage, enroll", filepath.Join(s.committee, "committee.json"), garbage, []string{"committee", "enroll", "--dir", s.committee,
			"--org-keys", s.orgKeys, "--access-key", "ak-2", "--secret-key", "sk-2", "--out", other}, ExitUsage, "committee.json"},
		{"committee.json: garbage, rebase", filepath.Join(s.committee, "committee.json"), garbage, []string{"committee", "rebase", "--dir", s.committee, "--org", s.orgID}, ExitUsage, "committee.json"},
		{"committee.json: garbage, init", filepath.Join(s.committee, "committee.json"), garbage, []string{"committee", "init", "--dir", s.committee,
			"--endpoint", srv.Endpoint, "--bucket", s.bucket, "--access-key", srv.RootUser, "--secret-key", srv.RootPassword}, ExitUsage, "已是党委的同步目录"},
		{"committee.key: garbage, consolidate", filepath.Join(s.committee, "committee.key"), garbage, consolidate, ExitUsage, "committee.key 已损坏或不是密钥文件"},
		{"committee.key: a PDF, consolidate", filepath.Join(s.committee, "committee.key"), func([]byte) []byte { return []byte("%PDF-1.3\n%垃圾") }, consolidate, ExitUsage, "committee.key 已损坏或不是密钥文件"},
		{"committee.key: garbage, rebase", filepath.Join(s.committee, "committee.key"), garbage, []string{"committee", "rebase", "--dir", s.committee, "--org", s.orgID}, ExitUsage, "committee.key 已损坏或不是密钥文件"},
		{"org.json: garbage, consolidate", filepath.Join(orgDir, "org.json"), garbage, consolidate, ExitRejected, "委员会保存的该组织状态已损坏"},
		{"org.json: garbage, enroll", filepath.Join(orgDir, "org.json"), garbage, []string{"committee", "enroll", "--dir", s.committee,
			"--org-keys", s.orgKeys, "--access-key", "ak-2", "--secret-key", "sk-2", "--out", other}, ExitUsage, "已损坏"},
		{"org.json: garbage, rebase", filepath.Join(orgDir, "org.json"), garbage, []string{"committee", "rebase", "--dir", s.committee, "--org", s.orgID}, ExitUsage, "已损坏"},
		{"accepted.json: garbage, consolidate", filepath.Join(orgDir, "accepted.json"), garbage, consolidate, ExitRejected, "委员会保存的该组织状态已损坏"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			orig, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.WriteFile(tc.file, orig, 0o600) })
			if err := os.WriteFile(tc.file, tc.edit(orig), 0o600); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) || !hasChinese(errOut) {
				t.Errorf("%s: exit %d, want %d with %q\nstdout: %s\nstderr: %s", strings.Join(tc.args, " "), code, tc.code, tc.want, out, errOut)
			}
		})
	}

	// A junk object where the next manifest goes, and another at the
	// highest seq: the push passes over them; the consolidation merges the
	// new snapshot and tells of the junk (exit 3).
	ctx := context.Background()
	junk := filepath.Join(s.dir, "junk.json")
	os.WriteFile(junk, []byte("不是清单"), 0o600)
	for _, seq := range []int{2, 9999999999} {
		if out, err := srv.MC(ctx, "cp", junk, s.manifest(seq)); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	s.change(t, "新支部")
	if code, out, errOut := run(t, push...); code != ExitOK || !strings.Contains(out, "第3号") {
		t.Errorf("push over junk manifests: %d %s %s", code, out, errOut)
	}
	code, out, errOut := run(t, consolidate...)
	if code != ExitRejected || !strings.Contains(errOut, "已忽略") || !strings.Contains(errOut, "采用第3号") {
		t.Errorf("consolidate over junk manifests: %d %s %s", code, out, errOut)
	}
}

// TestRebaseCommandEndToEnd deletes the organization's latest manifest in
// the bucket: push refuses (exit 2) and says to ask the committee for
// `committee rebase`; after it, the push starts a new chain and the
// consolidation accepts it.
func TestRebaseCommandEndToEnd(t *testing.T) {
	s := newSyncSetup(t)
	ctx := context.Background()
	if out, err := srv.MC(ctx, "rm", s.manifest(1)); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	s.change(t, "新支部")
	code, _, errOut := run(t, "sync", "push", "--db", s.db)
	if code != ExitUsage || !strings.Contains(errOut, "联系党委") || !strings.Contains(errOut, "dangjian committee rebase --org "+s.orgID) {
		t.Fatalf("push over a deleted manifest: %d %s", code, errOut)
	}
	if code, out, errOut := run(t, "committee", "rebase", "--dir", s.committee, "--org", s.orgID); code != ExitOK || !strings.Contains(out, "新的快照链") {
		t.Fatalf("committee rebase: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := run(t, "sync", "push", "--db", s.db); code != ExitOK || !strings.Contains(out, "新的快照链") || !strings.Contains(out, "第2号") {
		t.Fatalf("push after the re-base: %d %s %s", code, out, errOut)
	}
	code, out, errOut := run(t, "consolidate", "--dir", s.committee, "--out", s.merged, "--json")
	var rep snapshot.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitOK {
		t.Fatalf("consolidate: %d %s %s", code, out, errOut)
	}
	if len(rep.Orgs) != 1 || rep.Orgs[0].Status != snapshot.StatusAccepted || rep.Orgs[0].UsedSeq != 2 {
		t.Fatalf("consolidate: %+v", rep.Orgs)
	}
	if code, _, errOut := run(t, "committee", "rebase", "--dir", s.committee, "--org", "not-an-org"); code != ExitUsage || !hasChinese(errOut) {
		t.Errorf("rebase of no organization: %d %s", code, errOut)
	}
}

// TestConsolidateOutputNeverReplacesTheProgramsFiles points --out at the
// committee's key and settings, an organization's database and an
// accepted snapshot: each is refused (exit 2) and left unchanged; an
// earlier consolidated database is replaced.
func TestConsolidateOutputNeverReplacesTheProgramsFiles(t *testing.T) {
	s := newSyncSetup(t)
	accepted, _ := filepath.Glob(filepath.Join(s.committee, "orgs", s.orgID, "accepted-*.age"))
	if len(accepted) != 1 {
		t.Fatalf("accepted snapshots: %v", accepted)
	}
	for _, path := range []string{
		filepath.Join(s.committee, "committee.key"), filepath.Join(s.committee, "committee.json"),
		s.db, accepted[0], snapshot.KeyPath(s.db), filepath.Join(s.committee, "orgs", s.orgID, "org.json"),
		filepath.Join(s.committee, "orgs", s.orgID, "new.db"), s.committee,
		// Files of the committee's folder that do not exist yet: the term
		// calendar, the signing key of a folder made before the channel,
		// and a term's folder.
		filepath.Join(s.committee, "calendar.json"), filepath.Join(s.committee, "committee-signing.key"),
		filepath.Join(s.committee, "terms", "2030-2031-1", "x.db"),
	} {
		var before [32]byte
		if info, err := os.Stat(path); err == nil && !info.IsDir() {
			before = fileHash(t, path)
		}
		code, out, errOut := run(t, "consolidate", "--dir", s.committee, "--out", path)
		if code != ExitUsage || !strings.Contains(errOut, "不能写入") {
			t.Errorf("--out %s: %d %s %s", path, code, out, errOut)
		}
		if info, err := os.Stat(path); err == nil && !info.IsDir() && fileHash(t, path) != before {
			t.Errorf("%s was changed", path)
		}
	}
	for _, name := range []string{filepath.Join("orgs", s.orgID, "new.db"), "calendar.json", filepath.Join("terms", "2030-2031-1")} {
		if _, err := os.Stat(filepath.Join(s.committee, name)); err == nil {
			t.Errorf("%s was written in the committee's folder", name)
		}
	}
	// An earlier consolidated database, here and in the committee's
	// folder, is replaced.
	for _, path := range []string{s.merged, filepath.Join(s.committee, snapshot.MergedFile)} {
		for i := 0; i < 2; i++ {
			old, _ := os.Stat(path)
			if code, out, errOut := run(t, "consolidate", "--dir", s.committee, "--out", path); code != ExitOK {
				t.Fatalf("--out %s: %d %s %s", path, code, out, errOut)
			}
			now, err := os.Stat(path)
			if err != nil || localfs.Sniff(path) != "数据库文件" || (old != nil && os.SameFile(old, now)) {
				t.Errorf("%s was not replaced by a new database (%v)", path, err)
			}
		}
	}
	// A database that is no consolidation of this committee is not.
	elsewhere := filepath.Join(s.dir, "copy.db")
	b, _ := os.ReadFile(s.db)
	os.WriteFile(elsewhere, b, 0o600)
	if code, _, errOut := run(t, "consolidate", "--dir", s.committee, "--out", elsewhere); code != ExitUsage {
		t.Errorf("--out over a copy of an organization's database: %d %s", code, errOut)
	}
}
