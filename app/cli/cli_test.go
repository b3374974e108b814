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

	"github.com/xuri/excelize/v2"

	"dangjian/data/field"
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
		// A finding of 发展党员 names the person in the pipeline
		// (applicant_id) and may be one of this month's to-dos (due).
		extra := 0
		for _, k := range []string{"applicant_id", "due"} {
			if _, ok := f[k]; ok {
				extra++
			}
		}
		if len(f) != 5+extra {
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

func TestTemplateImportExportExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	if code, _, errOut := run(t, "init", "--db", db, "--org", "测试学院党委"); code != ExitOK {
		t.Fatal(errOut)
	}
	tpl := filepath.Join(dir, "模板 members.xlsx")
	if code, out, errOut := run(t, "template", "members", "--out", tpl); code != ExitOK || !strings.Contains(out, "党员信息") {
		t.Fatalf("template: %d %q %q", code, out, errOut)
	}
	// The blank template imports as nothing at all.
	if code, out, errOut := run(t, "import", "members", "--db", db, tpl); code != ExitOK || !strings.Contains(out, "读取0行") {
		t.Fatalf("import of the blank template: %d %q %q", code, out, errOut)
	}
	notXLSX := filepath.Join(dir, "members.csv")
	os.WriteFile(notXLSX, []byte("姓名,公民身份号码\n"), 0o644)
	if code, _, errOut := run(t, "import", "members", "--db", db, notXLSX); code != ExitUsage || !strings.Contains(errOut, "不是有效的Excel") {
		t.Fatalf("import of a CSV: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "import", "nosuch", "--db", db, tpl); code != ExitUsage || !strings.Contains(errOut, "未知的表格类型") {
		t.Fatalf("unknown kind: %d %q", code, errOut)
	}
	// A demo organization exported and imported back: nothing changes.
	demoDB := filepath.Join(dir, "demo.db")
	if code, _, errOut := run(t, "demo", "--db", demoDB, "--members", "40"); code != ExitOK {
		t.Fatal(errOut)
	}
	sheet := filepath.Join(dir, "out", "members.xlsx")
	if err := os.Mkdir(filepath.Dir(sheet), 0o700); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "export", "members", "--db", demoDB, "--out", sheet); code != ExitOK || !strings.Contains(out, "已导出") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	code, out, errOut := run(t, "import", "--db", demoDB, "members", sheet)
	if code != ExitOK || !strings.Contains(out, "新增0，更新0") {
		t.Fatalf("re-import of an export: %d %q %q", code, out, errOut)
	}
	// Into the empty organization: rows are written; a dry run first writes nothing.
	if code, out, _ := run(t, "import", "members", "--db", db, "--dry-run", sheet); code != ExitOK || !strings.Contains(out, "试运行") {
		t.Fatalf("dry run: %d %q", code, out)
	}
	if code, out, _ := run(t, "import", "members", "--db", db, sheet); code != ExitOK || !strings.Contains(out, "已全部写入") {
		t.Fatalf("import: %d %q", code, out)
	}
}

func TestImportWithABadRowExitsThreeAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	run(t, "init", "--db", db, "--org", "测试学院党委")
	tpl := filepath.Join(dir, "members.xlsx")
	run(t, "template", "members", "--out", tpl)
	f, err := excelize.OpenFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	good := field.MakeIDNumber("420106", time.Date(1980, 3, 4, 0, 0, 0, 0, time.UTC), 1, true)
	f.SetSheetRow(sheet, "A2", &[]any{"王建国", "男", "汉族", "", good, "", "", "在职教职工", "", "", "一支部", "2005-07-01", "", "正式党员"})
	f.SetSheetRow(sheet, "A3", &[]any{"李红梅", "女", "汉族", "", "123", "", "", "在职教职工", "", "", "一支部", "2005-07-01", "", "正式党员"})
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, errOut := run(t, "import", "members", "--db", db, tpl)
	if code != ExitRejected || !strings.Contains(errOut, "第3行 「公民身份号码」") || !strings.Contains(out, "未写入任何数据") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = run(t, "check", "--db", db, "--json")
	if code != ExitOK || strings.Contains(out, "王建国") {
		t.Fatalf("the valid row of a refused import was written: %s", out)
	}
	code, out, _ = run(t, "import", "members", "--db", db, "--skip-invalid", tpl)
	if code != ExitRejected || !strings.Contains(out, "已写入有效的1行") {
		t.Fatalf("--skip-invalid: %d %s", code, out)
	}
}

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := run(t, "demo", "--db", db, "--members", "30"); code != ExitOK {
		t.Fatal(errOut)
	}
	out := filepath.Join(dir, "花名册 2026.pdf")
	code, stdout, errOut := run(t, "report", "roster", "--db", db, "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "党员花名册") {
		t.Fatalf("report roster: %d %q %q", code, stdout, errOut)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	code, _, errOut = run(t, "report", "roster", "--db", db, "--out", filepath.Join(dir, "x.pdf"), "--branch", "无此支部")
	if code != ExitUsage || !strings.Contains(errOut, "现有支部") {
		t.Fatalf("unknown branch: %d %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Fatal("a refused report left a file")
	}
	if code, _, errOut = run(t, "report", "nosuch", "--db", db, "--out", out); code != ExitUsage || !strings.Contains(errOut, "未知的文档类型") {
		t.Fatalf("unknown kind: %d %q", code, errOut)
	}
}
