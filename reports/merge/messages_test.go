package merge

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// A placeholder written wrong is refused like an unknown one, before
// anything is written, naming the text around it — instead of being
// printed as it is into every document.
func TestMalformedPlaceholdersAreNamedBeforeAnythingIsWritten(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []string // the text around each
	}{
		{"unclosed", para("姓名：{{姓名", "  性别：{{性别}}"), []string{"姓名：{{姓名  性别：{{性别}}"}},
		{"a single closing brace", para("本人{{姓名}，现任职务"), []string{"本人{{姓名}，现任职务"}},
		{"split across paragraphs", para("{{姓名}}同志所在支部：{{所在") + para("支部}}。"),
			[]string{"…{姓名}}同志所在支部：{{所在", "支部}}。"}},
		{"full-width braces unclosed", para("｛｛姓名｝"), []string{"｛｛姓名｝"}},
		{"only a malformed one", para("{{姓名"), []string{"{{姓名"}},
		{"a long paragraph is cut around it", para("一二三四五六七八九十甲乙丙丁戊己{{姓名 庚辛壬癸子丑寅卯辰巳午未申酉戌亥"),
			[]string{"…五六七八九十甲乙丙丁戊己{{姓名 庚辛壬癸子丑寅卯辰巳午…"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := newTestStore(t)
			dir := t.TempDir()
			tmpl := filepath.Join(dir, "登记表.docx")
			if err := os.WriteFile(tmpl, makeDocx(t, c.body, "", ""), 0o600); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "输出")
			_, err := Merge(context.Background(), ts.s, Request{Kind: Members, Template: tmpl, Out: out})
			var fe *FieldError
			if !errors.As(err, &fe) || !slices.Equal(fe.Malformed, c.want) {
				t.Fatalf("Merge = %v, want the text around %q", err, c.want)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), "「"+w+"」") || !strings.Contains(err.Error(), "不完整") {
					t.Errorf("message %q does not name 「%s」", err, w)
				}
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Error("the output folder was made")
			}
		})
	}
}

// Well-formed placeholders and single braces of ordinary text are no
// mistake.
func TestWellFormedTemplateHasNothingMalformed(t *testing.T) {
	tp, err := ParseTemplate("t.docx", makeDocx(t, para("{{姓名}}（{党员}）")+para("｛｛性别｝｝"), para("{{所在支部}}"), ""))
	if err != nil {
		t.Fatal(err)
	}
	if m := tp.Malformed(); len(m) != 0 {
		t.Errorf("Malformed = %q", m)
	}
	if err := tp.Check(Members); err != nil {
		t.Error(err)
	}
}

// A folder merge may make the folder itself, but not the folders it lies
// in: a mistyped path is an error that says so, and nothing is made.
func TestMergeIntoAFolderInAMissingFolder(t *testing.T) {
	ts := newTestStore(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "登记表.docx")
	if err := os.WriteFile(tmpl, makeDocx(t, para("{{姓名}}"), "", ""), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "没有")
	_, err := Merge(context.Background(), ts.s, Request{Kind: Members, Template: tmpl, Out: filepath.Join(missing, "输出")})
	want := "文件夹不存在：" + missing + "（只会新建最后一层文件夹“输出”"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Merge = %v, want %q", err, want)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("the missing folder was made")
	}
	res, err := Merge(context.Background(), ts.s, Request{Kind: Members, Template: tmpl, Out: filepath.Join(dir, "输出")})
	if err != nil || len(res.Files) != 3 || res.Renamed != 0 {
		t.Fatalf("into a new folder: %+v, %v", res, err)
	}
}

// 「没有可填写的记录」 tells the kind and the year.
func TestNoRecordsNamesTheKindAndYear(t *testing.T) {
	ts := newTestStore(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "t.docx")
	if err := os.WriteFile(tmpl, makeDocx(t, para("{{姓名}}"), "", ""), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Merge(context.Background(), ts.s, Request{Kind: Appraisals, Template: tmpl, Out: filepath.Join(dir, "o"),
		Options: Options{Year: 2020}})
	if !errors.Is(err, ErrNoRecords) || err.Error() != "2020年没有可填写的民主评议记录，未生成文件" {
		t.Errorf("Merge = %v", err)
	}
}

// A folder merge that cannot write is told in Chinese with the output
// folder, never the system's English text or the scratch folder.
func TestMergeFailuresAreToldInChinese(t *testing.T) {
	ts := newTestStore(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "登记表.docx")
	if err := os.WriteFile(tmpl, makeDocx(t, para("{{姓名}}"), "", ""), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "名单.txt")
	os.WriteFile(file, []byte("x"), 0o600)
	cases := []struct {
		name string
		out  func(t *testing.T) string
		want string
	}{
		{"a folder in a read-only folder", func(t *testing.T) string { return filepath.Join(readOnly(t), "套打") }, "没有写入权限"},
		{"a folder in a file", func(*testing.T) string { return filepath.Join(file, "套打") }, "路径中的一层是文件而不是文件夹：" + file},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := c.out(t)
			_, err := Merge(context.Background(), ts.s, Request{Kind: Members, Template: tmpl, Out: out})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Merge = %v, want %q", err, c.want)
			}
			for _, bad := range []string{"mkdir", "permission", "not permitted", "not a directory", ".dangjian-tmp"} {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("message %q has %q", err, bad)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the folder was made")
			}
		})
	}
}

// readOnly is a folder this process cannot write into: /sys for root, who
// may write anywhere else; a read-only folder otherwise.
func readOnly(t *testing.T) string {
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
