package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dangjian/app/appcore"
	"dangjian/data/rules"
	snapshot "dangjian/sync"
	"dangjian/sync/miniotest"
)

// The committee's channel from the command line, on the real server: the
// committee publishes, the organization fetches, lists and marks a task
// done with a file, pushes, and after consolidation the committee lists
// which organization did the task.
func TestChannelCommandsEndToEnd(t *testing.T) {
	miniotest.Need(t, srv)
	ctx := context.Background()
	dir := t.TempDir()
	t.Setenv(snapshot.PassphraseEnv, "党委口令-2026")
	committee := filepath.Join(dir, "党委")
	mustRun := func(args ...string) string {
		t.Helper()
		code, out, errOut := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	mustRun("committee", "init", "--dir", committee, "--endpoint", srv.Endpoint, "--bucket", "cli-channel",
		"--access-key", srv.RootUser, "--secret-key", srv.RootPassword)
	db := filepath.Join(dir, "文学院", "dangjian.db")
	mustRun("init", "--db", db, "--org", "文学院党委")
	orgKeys := filepath.Join(dir, "org-keys.json")
	mustRun("keys", "export", "--db", db, "--out", orgKeys)
	b, _ := os.ReadFile(orgKeys)
	var pub map[string]string
	if err := json.Unmarshal(b, &pub); err != nil {
		t.Fatal(err)
	}
	access, secret := "org-channel", "channel-secret-2026"
	enrollment := filepath.Join(dir, "enrollment.json")
	mustRun("committee", "enroll", "--dir", committee, "--org-keys", orgKeys, "--access-key", access, "--secret-key", secret, "--out", enrollment)
	if b, _ := os.ReadFile(enrollment); !strings.Contains(string(b), `"committee_signing_key"`) {
		t.Fatalf("the enrollment file does not carry the committee's key:\n%s", b)
	}
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
	mustRun("sync", "join", "--db", db, enrollment)

	if out := mustRun("committee", "publish", "--dir", committee, "thresholds", "--year", "2027", "train.hours=40"); !strings.Contains(out, "第1号") {
		t.Fatalf("publish thresholds: %s", out)
	}
	mustRun("committee", "publish", "--dir", committee, "calendar", "2026-2027-1:2026-09-07:2027-01-17")
	out := mustRun("committee", "publish", "--dir", committee, "task", "--title", "民主评议党员", "--text", "1月10日前完成民主评议并上报", "--deadline", "2027-01-10")
	if !strings.Contains(out, "任务编号 T3") {
		t.Fatalf("publish task: %s", out)
	}
	code, _, errOut := run(t, "committee", "publish", "--dir", committee, "thresholds", "--year", "2027", "train.hours=很多")
	if code != ExitUsage || !strings.Contains(errOut, "考核标准无效") {
		t.Fatalf("an invalid threshold: %d %s", code, errOut)
	}

	if out := mustRun("sync", "fetch", "--db", db); !strings.Contains(out, "已接收第3号：任务“民主评议党员”") {
		t.Fatalf("sync fetch: %s", out)
	}
	if out := mustRun("sync", "fetch", "--db", db); !strings.Contains(out, "没有新发布") {
		t.Fatalf("second fetch: %s", out)
	}
	var notices []map[string]any
	if err := json.Unmarshal([]byte(mustRun("sync", "tasks", "--db", db, "--json")), &notices); err != nil ||
		len(notices) != 1 || notices[0]["task_id"] != "T3" || notices[0]["done"] != false || notices[0]["deadline"] != "2027-01-10" {
		t.Fatalf("sync tasks --json: %v %v", notices, err)
	}
	file := filepath.Join(dir, "评议结果.txt")
	os.WriteFile(file, []byte("全体党员已参加民主评议"), 0o600)
	if code, _, errOut := run(t, "sync", "done", "T9", "--db", db); code != ExitUsage || !strings.Contains(errOut, "没有发布该编号的任务") {
		t.Fatalf("an unknown task: %d %s", code, errOut)
	}
	mustRun("sync", "done", "T3", "--db", db, "--note", "已完成", "--attach", file)
	if out := mustRun("sync", "tasks", "--db", db); !strings.Contains(out, "任务 T3：已完成") {
		t.Fatalf("sync tasks: %s", out)
	}
	mustRun("sync", "push", "--db", db)
	merged := filepath.Join(dir, "merged.db")
	mustRun("consolidate", "--dir", committee, "--out", merged)
	var tasks []struct {
		TaskID string `json:"task_id"`
		Done   []struct {
			OrgName     string   `json:"org_name"`
			Note        string   `json:"note"`
			Attachments []string `json:"attachments"`
		} `json:"done"`
		NotDone []any `json:"not_done"`
	}
	out = mustRun("committee", "tasks", "--dir", committee, "--db", merged, "--json")
	if err := json.Unmarshal([]byte(out), &tasks); err != nil || len(tasks) != 1 || len(tasks[0].Done) != 1 || len(tasks[0].NotDone) != 0 {
		t.Fatalf("committee tasks --json: %v\n%s", err, out)
	}
	if d := tasks[0].Done[0]; d.OrgName != "文学院党委" || d.Note != "已完成" || !slices.Equal(d.Attachments, []string{"评议结果.txt"}) {
		t.Fatalf("the completion the committee sees: %+v", d)
	}
	if out := mustRun("committee", "tasks", "--dir", committee, "--db", merged); !strings.Contains(out, "已完成  文学院党委") {
		t.Fatalf("committee tasks: %s", out)
	}
}

// The channel's commands print their usage in Chinese; the words in
// English are only what is typed (the kinds, the settings' keys).
func TestChannelCommandsHaveChineseHelp(t *testing.T) {
	typed := map[string]bool{"thresholds": true, "calendar": true, "notice": true, "task": true, "T": true,
		"publish": true, "tasks": true, "fetch": true, "done": true}
	for _, d := range rules.SettingDefs {
		for _, w := range strings.FieldsFunc(d.Key, func(r rune) bool { return r == '.' || r == '_' }) {
			typed[w] = true
		}
	}
	for _, cmd := range [][]string{{"committee", "publish"}, {"committee", "tasks"}, {"sync", "fetch"}, {"sync", "tasks"}, {"sync", "done"}} {
		code, out, errOut := run(t, append(cmd, "-h")...)
		if code != ExitOK || errOut != "" || !strings.HasPrefix(out, "用法：dangjian "+strings.Join(cmd, " ")) {
			t.Errorf("%v -h: %d %q %q", cmd, code, out, errOut)
		}
		for _, w := range englishWords(strings.ReplaceAll(out, appcore.DefaultDBPath(), "")) {
			if !typed[w] {
				t.Errorf("%v: English word %q in\n%s", cmd, w, out)
			}
		}
	}
	if code, _, errOut := run(t, "committee", "publish", "--dir", t.TempDir(), "poll"); code != ExitUsage || !strings.Contains(errOut, "未知的种类") {
		t.Errorf("an unknown kind: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "sync", "done", "--db", filepath.Join(t.TempDir(), "x.db")); code != ExitUsage || !strings.Contains(errOut, "任务编号") {
		t.Errorf("done without a task: %d %s", code, errOut)
	}
}
