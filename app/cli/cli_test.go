package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var testToday = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// run runs the command line with a fixed clock and returns exit code and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errOut, now: func() time.Time { return testToday }}
	code := e.dispatch(args)
	return code, out.String(), errOut.String()
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestInitCreatesThenRefusesExisting(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sub dir", "组织.db")
	code, out, errOut := run(t, "init", "--db", db, "--org", "外国语学院党委")
	if code != ExitOK || !strings.Contains(out, "外国语学院党委") {
		t.Fatalf("init: %d %q %q", code, out, errOut)
	}
	before := fileHash(t, db)
	code, _, errOut = run(t, "init", "--db", db, "--org", "别的组织")
	if code != ExitUsage || !strings.Contains(errOut, "已存在") {
		t.Fatalf("second init: exit %d, %q", code, errOut)
	}
	if fileHash(t, db) != before {
		t.Fatal("a refused init changed the database")
	}
}

func TestInitNeedsOrgName(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := run(t, "init", "--db", db); code != ExitUsage || !strings.Contains(errOut, "--org") {
		t.Fatalf("exit %d %q", code, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("a refused init left a file")
	}
}

func TestDemoThenCheckJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := run(t, "demo", "--db", db, "--members", "80", "--seed", "7")
	if code != ExitOK || !strings.Contains(out, "80名党员") {
		t.Fatalf("demo: %d %q %q", code, out, errOut)
	}
	code, _, errOut = run(t, "--db", db, "demo")
	if code != ExitUsage || !strings.Contains(errOut, "已有党员") {
		t.Fatalf("demo into a database with members: %d %q", code, errOut)
	}
	code, out, errOut = run(t, "check", "--db", db, "--json")
	if code != ExitOK {
		t.Fatalf("check: %d %q", code, errOut)
	}
	var findings []map[string]any
	if err := json.Unmarshal([]byte(out), &findings); err != nil {
		t.Fatalf("check --json is not a JSON array: %v\n%s", err, out)
	}
	if len(findings) == 0 {
		t.Fatal("the demo organization has no findings")
	}
	rulesSeen := map[string]bool{}
	for _, f := range findings {
		for _, k := range []string{"rule", "branch", "member", "member_id", "detail"} {
			if _, ok := f[k]; !ok {
				t.Fatalf("finding lacks key %q: %v", k, f)
			}
		}
		if len(f) != 5 {
			t.Fatalf("finding has extra keys: %v", f)
		}
		rulesSeen[f["rule"].(string)] = true
	}
	if len(rulesSeen) < 10 {
		t.Fatalf("findings under only %d rules: %v", len(rulesSeen), rulesSeen)
	}
	code, out, _ = run(t, "--db", db, "check")
	if code != ExitOK || !strings.Contains(out, "制度落实检查") || !strings.Contains(out, "[TRAIN-32]") {
		t.Fatalf("check text output: %d\n%s", code, out)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--db", filepath.Join(dir, "none.db")}, "不存在"},
		{[]string{"check", "--db", filepath.Join(dir, "none.db"), "--year", "2030"}, "年度"},
		{[]string{"nosuch"}, "未知命令"},
		{[]string{"check", "--bogus"}, "bogus"},
		{[]string{"check", "--db", filepath.Join(dir, "none.db"), "extra"}, "多余的参数"},
		{[]string{"demo"}, "--db"},
		{[]string{"demo", "--db", filepath.Join(dir, "none.db"), "--members", "3"}, "--members"},
	}
	for _, tc := range cases {
		code, _, errOut := run(t, tc.args...)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q (want %q)", tc.args, code, errOut, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("check created a database")
	}
}

func TestIsCommand(t *testing.T) {
	for args, want := range map[string]bool{"": false, "--db x": false, "check --db x": true, "--db x check": true,
		"--db=x check": true} {
		if got := IsCommand(strings.Fields(args)); got != want {
			t.Errorf("IsCommand(%q) = %v", args, got)
		}
	}
}
