package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A mistyped or unwritable output is refused with a Chinese message naming
// the output's folder (never the hidden scratch folder), exit 2, and
// nothing is made.
func TestReportOutputsThatCannotBeWrittenAreToldInChinese(t *testing.T) {
	db, _ := reportDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "名单.txt")
	os.WriteFile(file, []byte("x"), 0o600)
	cases := []struct {
		name string
		out  func(t *testing.T) string
		want func(out string) string
	}{
		{"a folder that does not exist", func(*testing.T) string { return filepath.Join(dir, "没有", "子", "花名册.pdf") },
			func(out string) string { return "文件夹不存在：" + filepath.Dir(out) }},
		{"a file as folder", func(*testing.T) string { return filepath.Join(file, "花名册.pdf") },
			func(string) string { return "路径中的一层是文件而不是文件夹：" + file }},
		{"a read-only folder", func(t *testing.T) string { return filepath.Join(unwritableFolder(t), "花名册.pdf") },
			func(string) string { return "没有写入权限" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := c.out(t)
			before := snapshotFiles(t, dir)
			code, stdout, errOut := run(t, "report", "roster", "--db", db, "--out", out)
			if code != ExitUsage || stdout != "" || !strings.Contains(errOut, c.want(out)) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want %q", code, stdout, errOut, c.want(out))
			}
			if strings.Contains(errOut, ".dangjian-tmp") || strings.Contains(errOut, "permission") || strings.Contains(errOut, "mkdir") {
				t.Errorf("stderr %q names a hidden folder or is in English", errOut)
			}
			if _, err := os.Stat(filepath.Join(dir, "没有")); err == nil {
				t.Fatal("the mistyped folder was made")
			}
			if after := snapshotFiles(t, dir); len(after) != len(before) {
				t.Errorf("files made: %v", after)
			}
		})
	}
}

// The issue's own case: a folder under / that does not exist.
func TestReportIntoANonexistentRootFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a Unix path")
	}
	if _, err := os.Stat("/nonexistent"); err == nil {
		t.Skip("/nonexistent exists here")
	}
	db, _ := reportDB(t)
	code, _, errOut := run(t, "report", "roster", "--db", db, "--out", "/nonexistent/dir/x.pdf")
	if code != ExitUsage || strings.TrimSpace(errOut) != "文件夹不存在：/nonexistent/dir" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat("/nonexistent"); err == nil {
		os.RemoveAll("/nonexistent")
		t.Fatal("/nonexistent was made")
	}
}

// unwritableFolder is a folder the command cannot write into: /sys for
// root, who may write anywhere else; a read-only folder otherwise.
func unwritableFolder(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no read-only folders by mode on Windows")
	}
	if os.Geteuid() == 0 {
		if err := os.Mkdir("/sys/.dangjian-probe", 0o700); err == nil {
			os.Remove("/sys/.dangjian-probe")
			t.Skip("root may write everywhere here")
		}
		return "/sys"
	}
	dir := filepath.Join(t.TempDir(), "只读")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	return dir
}

// A --date after today is refused; today itself is fine.
func TestReportDateAfterTodayIsRefused(t *testing.T) {
	db, _ := reportDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "花名册.pdf")
	code, _, errOut := run(t, "report", "roster", "--db", db, "--out", out, "--date", "2026-11-27")
	if code != ExitUsage || !strings.Contains(errOut, "截至日期不能晚于今天") {
		t.Fatalf("tomorrow: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a file was written")
	}
	if code, _, errOut := run(t, "report", "roster", "--db", db, "--out", out, "--date", "2026年11月26日"); code != ExitOK {
		t.Fatalf("today: exit %d, stderr %q", code, errOut)
	}
}

// An --out without the format's extension gets it, and the message says
// so.
func TestReportOutWithoutExtensionGetsOne(t *testing.T) {
	db, _ := reportDB(t)
	dir := t.TempDir()
	cases := []struct {
		args       []string
		file, says string
	}{
		{[]string{"--out", filepath.Join(dir, "花名册"), "--format", "docx"}, "花名册.docx", "文件名没有.docx扩展名，已加上"},
		{[]string{"--out", filepath.Join(dir, "名册")}, "名册.pdf", "文件名没有.pdf扩展名，已加上"},
		{[]string{"--out", filepath.Join(dir, "总表.PDF")}, "总表.PDF", ""},
	}
	for _, c := range cases {
		code, stdout, errOut := run(t, append([]string{"report", "roster", "--db", db}, c.args...)...)
		path := filepath.Join(dir, c.file)
		if code != ExitOK || !strings.Contains(stdout, path) || (c.says != "" && !strings.Contains(stdout, c.says)) || (c.says == "" && strings.Contains(stdout, "已加上")) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.args, code, stdout, errOut)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%v: %v", c.args, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "花名册")); err == nil {
		t.Error("a file without extension was written")
	}
}

// --columns keeps the order the user gave, each column once.
func TestRosterColumnsKeepTheOrderGiven(t *testing.T) {
	got, err := rosterColumnsOf("入党日期、姓名，性别,姓名")
	if want := []string{"入党日期", "姓名", "性别"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("columns %q, %v; want %q", got, err, want)
	}
}

// A merge into a folder where names are taken says how many were numbered;
// a folder in a missing folder is refused, saying only the last is made.
func TestMergeTellsNumberedFilesAndMissingFolders(t *testing.T) {
	db, dir := mergeDemo(t)
	tmpl := mergeTemplate(t, dir, "登记表.docx", "姓名:{{姓名}}")
	out := filepath.Join(dir, "登记表")
	code, stdout, errOut := run(t, "merge", "members", "--db", db, "--template", tmpl, "--out", out)
	if code != ExitOK || strings.Contains(stdout, "同名") {
		t.Fatalf("first: %d %q %q", code, stdout, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.docx"))
	code, stdout, errOut = run(t, "merge", "members", "--db", db, "--template", tmpl, "--out", out)
	want := "其中" + strconv.Itoa(len(files)) + "个与已有文件同名，已加序号"
	if code != ExitOK || !strings.Contains(stdout, want) {
		t.Fatalf("second: %d %q %q, want %q", code, stdout, errOut, want)
	}
	missing := filepath.Join(dir, "没有", "登记表")
	code, _, errOut = run(t, "merge", "members", "--db", db, "--template", tmpl, "--out", missing)
	if code != ExitUsage || !strings.Contains(errOut, "文件夹不存在："+filepath.Dir(missing)+"（只会新建最后一层文件夹") {
		t.Fatalf("missing: %d %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Fatal("the missing folder was made")
	}
}
