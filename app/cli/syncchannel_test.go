package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	snapshot "dangjian/sync"
	"dangjian/sync/miniotest"
)

// channelOrg enrolls a new organization with a new committee on the real
// server (bucket named bucket) and returns the committee's folder, the
// organization's database and its enrollment file, not yet joined.
func channelOrg(t *testing.T, bucket string) (committee, db, enrollment string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	t.Setenv(snapshot.PassphraseEnv, "党委口令-2026")
	mustRun := func(args ...string) {
		t.Helper()
		if code, out, errOut := run(t, args...); code != ExitOK {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	committee = filepath.Join(dir, "党委")
	mustRun("committee", "init", "--dir", committee, "--endpoint", srv.Endpoint, "--bucket", bucket,
		"--access-key", srv.RootUser, "--secret-key", srv.RootPassword)
	db = filepath.Join(dir, "理学院", "dangjian.db")
	mustRun("init", "--db", db, "--org", "理学院党委")
	orgKeys := filepath.Join(dir, "org-keys.json")
	mustRun("keys", "export", "--db", db, "--out", orgKeys)
	var pub map[string]string
	b, _ := os.ReadFile(orgKeys)
	if err := json.Unmarshal(b, &pub); err != nil {
		t.Fatal(err)
	}
	access, secret := "org-"+bucket, "secret-"+bucket
	enrollment = filepath.Join(dir, "enrollment.json")
	mustRun("committee", "enroll", "--dir", committee, "--org-keys", orgKeys, "--access-key", access, "--secret-key", secret, "--out", enrollment)
	policy := filepath.Join(committee, "orgs", pub["org_id"], "policy.json")
	for _, args := range [][]string{
		{"admin", "user", "add", "test", access, secret},
		{"admin", "policy", "create", "test", snapshot.PolicyName(pub["org_id"]), policy},
		{"admin", "policy", "attach", "test", snapshot.PolicyName(pub["org_id"]), "--user", access},
	} {
		if out, err := srv.MC(ctx, args...); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	return committee, db, enrollment
}

// sync push tells what it took from the committee's channel and what the
// channel refused (the push itself succeeding, exit 0), and sync status
// says when the channel was read and what was wrong: an organization
// joined with an enrollment file without the committee's key is told so
// at join, at each push and in the status, and a tampered publication is
// named by its seq.
func TestSyncPushAndStatusTellTheChannel(t *testing.T) {
	miniotest.Need(t, srv)
	ctx := context.Background()
	committee, db, enrollment := channelOrg(t, "cli-push-channel")
	old := filepath.Join(filepath.Dir(enrollment), "old-enrollment.json")
	var enr map[string]any
	b, _ := os.ReadFile(enrollment)
	if err := json.Unmarshal(b, &enr); err != nil {
		t.Fatal(err)
	}
	delete(enr, "committee_signing_key")
	b, _ = json.Marshal(enr)
	os.WriteFile(old, b, 0o600)

	code, out, errOut := run(t, "sync", "join", "--db", db, old)
	if code != ExitOK || !strings.Contains(errOut, "注意：本组织的登记文件中没有党委的签名公钥") {
		t.Fatalf("join with an old enrollment file: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(t, "sync", "push", "--db", db)
	if code != ExitOK || !strings.Contains(out, "已上传第1号快照") || !strings.HasPrefix(errOut, "本组织的登记文件中没有党委的签名公钥") {
		t.Fatalf("push without the committee's key: %d %s %s", code, out, errOut)
	}
	if _, out, _ := run(t, "sync", "status", "--db", db); !strings.Contains(out, "读取党委发布的内容时的问题：本组织的登记文件中没有党委的签名公钥") {
		t.Fatalf("status without the committee's key:\n%s", out)
	}

	if code, _, errOut := run(t, "sync", "join", "--db", db, enrollment); code != ExitOK || errOut != "" {
		t.Fatalf("join with the new enrollment file: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "committee", "publish", "--dir", committee, "notice", "--title", "关于民主评议的通知", "--text", "请按时完成"); code != ExitOK {
		t.Fatalf("publish: %s", errOut)
	}
	code, out, errOut = run(t, "sync", "push", "--db", db)
	if code != ExitOK || !strings.Contains(out, "已接收党委发布的第1号：通知“关于民主评议的通知”") || errOut != "" {
		t.Fatalf("push after a publication: %d %s %s", code, out, errOut)
	}
	_, out, _ = run(t, "sync", "status", "--db", db)
	if !strings.Contains(out, "上次读取党委发布的内容：") || strings.Contains(out, "问题") {
		t.Fatalf("status after a good read:\n%s", out)
	}

	if code, _, errOut := run(t, "committee", "publish", "--dir", committee, "notice", "--title", "第二份通知", "--text", "原文"); code != ExitOK {
		t.Fatalf("publish: %s", errOut)
	}
	tampered := filepath.Join(t.TempDir(), "body.json")
	key := "cli-push-channel/committee/channel/body/0000000002.json"
	body, err := srv.MC(ctx, "cat", "test/"+key)
	if err != nil {
		t.Fatalf("%v %s", err, body)
	}
	os.WriteFile(tampered, []byte(strings.Replace(string(body), "原文", "改文", 1)), 0o600)
	if out, err := srv.MC(ctx, "cp", tampered, "test/"+key); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	code, out, errOut = run(t, "sync", "push", "--db", db)
	if code != ExitOK || strings.Contains(out, "已接收党委发布的第2号") || !strings.Contains(errOut, "第2号:正文已被改动") {
		t.Fatalf("push with a tampered publication: %d %s %s", code, out, errOut)
	}
	var st map[string]any
	_, out, _ = run(t, "sync", "status", "--db", db, "--json")
	if err := json.Unmarshal([]byte(out), &st); err != nil || !strings.Contains(st["channel_error"].(string), "第2号:正文已被改动") || st["channel_checked_at"] == nil {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
}
