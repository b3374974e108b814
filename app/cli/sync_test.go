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

// TestSyncCommandsEndToEnd walks an organization and the committee through
// the command line: keys, enrollment, a MinIO user made from the printed
// policy, push, status and consolidate.
func TestSyncCommandsEndToEnd(t *testing.T) {
	miniotest.Need(t, srv)
	ctx := context.Background()
	dir := t.TempDir()
	t.Setenv(snapshot.PassphraseEnv, "党委口令-2026")
	committee := filepath.Join(dir, "党委 目录")
	code, out, errOut := run(t, "committee", "init", "--dir", committee, "--endpoint", srv.Endpoint, "--bucket", "cli-test",
		"--access-key", srv.RootUser, "--secret-key", srv.RootPassword)
	if code != ExitOK {
		t.Fatalf("committee init: %d %s %s", code, out, errOut)
	}

	db := filepath.Join(dir, "文学院 数据", "dangjian.db")
	if code, out, errOut := run(t, "init", "--db", db, "--org", "文学院党委"); code != ExitOK || !strings.Contains(out, "同步密钥") {
		t.Fatalf("init: %d %s %s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "文学院 数据", "dangjian.keys")); err != nil {
		t.Fatal("init made no key file beside the database")
	}
	if code, _, errOut := run(t, "demo", "--db", db, "--members", "20"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	orgKeys := filepath.Join(dir, "org-keys.json")
	if code, _, errOut := run(t, "keys", "export", "--db", db, "--out", orgKeys); code != ExitOK {
		t.Fatalf("keys export: %s", errOut)
	}
	var pub map[string]string
	b, _ := os.ReadFile(orgKeys)
	if err := json.Unmarshal(b, &pub); err != nil || pub["org_name"] != "文学院党委" || pub["org_id"] == "" ||
		!strings.HasPrefix(pub["age_recipient"], "age1") || pub["signing_key"] == "" {
		t.Fatalf("org-keys.json: %s", b)
	}

	access, secret := "org-wenxueyuan", "wenxueyuan-secret-2026"
	enrollment := filepath.Join(dir, "enrollment.json")
	code, out, errOut = run(t, "committee", "enroll", "--dir", committee, "--org-keys", orgKeys,
		"--access-key", access, "--secret-key", secret, "--out", enrollment)
	if code != ExitOK || !strings.Contains(out, "orgs/"+pub["org_id"]+"/") || !strings.Contains(out, "mc admin policy attach") {
		t.Fatalf("committee enroll: %d %s %s", code, out, errOut)
	}
	// The administrator runs the printed commands with the saved policy.
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

	if code, _, errOut := run(t, "sync", "join", "--db", db, enrollment); code != ExitOK {
		t.Fatalf("sync join: %s", errOut)
	}
	if code, out, errOut := run(t, "sync", "push", "--db", db); code != ExitOK || !strings.Contains(out, "第1号") {
		t.Fatalf("sync push: %d %s %s", code, out, errOut)
	}
	if code, out, _ := run(t, "sync", "push", "--db", db); code != ExitOK || !strings.Contains(out, "没有变化") {
		t.Fatalf("second push: %d %s", code, out)
	}
	code, out, _ = run(t, "sync", "status", "--db", db, "--json")
	var st map[string]any
	if err := json.Unmarshal([]byte(out), &st); err != nil || code != ExitOK {
		t.Fatalf("sync status --json: %d %s", code, out)
	}
	if st["seq"] != float64(1) || st["last_push"] == nil || st["last_error"] != "" || st["enrolled"] != true {
		t.Errorf("sync status: %s", out)
	}

	merged := filepath.Join(dir, "merged.db")
	code, out, errOut = run(t, "consolidate", "--dir", committee, "--out", merged, "--json")
	if code != ExitOK {
		t.Fatalf("consolidate: %d %s %s", code, out, errOut)
	}
	var rep struct {
		Orgs []struct {
			Org, Status, Reason string
			Seq                 int
		}
		Findings []struct{ Kind, Detail string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("consolidate --json: %v\n%s", err, out)
	}
	if len(rep.Orgs) != 1 || rep.Orgs[0].Org != pub["org_id"] || rep.Orgs[0].Status != "accepted" || rep.Orgs[0].Seq != 1 {
		t.Errorf("consolidate: %+v", rep.Orgs)
	}
	if rep.Findings == nil {
		t.Error("findings must be an array, even when empty")
	}
	if code, out, _ := run(t, "check", "--db", merged, "--json"); code != ExitOK || !strings.HasPrefix(strings.TrimSpace(out), "[") {
		t.Errorf("check over the merged database: %d %.200s", code, out)
	}

	t.Setenv(snapshot.PassphraseEnv, "wrong passphrase")
	if code, _, errOut := run(t, "sync", "push", "--db", db); code != ExitUsage || !strings.Contains(errOut, "口令不正确") {
		t.Errorf("wrong passphrase: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "consolidate", "--dir", committee, "--out", merged); code != ExitUsage || !strings.Contains(errOut, "口令不正确") {
		t.Errorf("wrong committee passphrase: %d %s", code, errOut)
	}
	os.Unsetenv(snapshot.PassphraseEnv)
	if code, _, errOut := run(t, "sync", "push", "--db", db); code != ExitUsage || !strings.Contains(errOut, snapshot.PassphraseEnv) {
		t.Errorf("no passphrase: %d %s", code, errOut)
	}
}

func TestSyncStatusWithoutEnrollment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	t.Setenv(snapshot.PassphraseEnv, "")
	if code, out, _ := run(t, "init", "--db", db, "--org", "某学院党委"); code != ExitOK || !strings.Contains(out, "keys init") {
		t.Fatalf("init without a passphrase should explain how to make keys later: %s", out)
	}
	if code, out, _ := run(t, "sync", "status", "--db", db); code != ExitOK || !strings.Contains(out, "尚未加入同步") {
		t.Errorf("status: %d %s", code, out)
	}
	if code, _, errOut := run(t, "keys", "export", "--db", db, "--out", filepath.Join(t.TempDir(), "k.json")); code != ExitUsage || !strings.Contains(errOut, "keys init") {
		t.Errorf("export without keys: %d %s", code, errOut)
	}
	t.Setenv(snapshot.PassphraseEnv, "short")
	if code, _, errOut := run(t, "keys", "init", "--db", db); code != ExitUsage || !strings.Contains(errOut, "太短") {
		t.Errorf("short passphrase: %d %s", code, errOut)
	}
}
