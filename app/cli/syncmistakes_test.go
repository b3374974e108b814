package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
)

// Mistyped paths are named in Chinese, without the operating system's
// English: a database that does not exist (not its missing keys), an
// enrollment file or an attachment that is not there, a folder given as
// a file.
func TestSyncMistypedPaths(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DANGJIAN_PASSPHRASE", "组织口令-2026")
	db := filepath.Join(dir, "dangjian.db")
	if code, _, errOut := run(t, "init", "--db", db, "--org", "理学院党委"); code != ExitOK {
		t.Fatal(errOut)
	}
	missing := filepath.Join(dir, "没有", "dangjian.db")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"sync", "push", "--db", missing}, "数据库不存在：" + missing},
		{[]string{"sync", "join", "--db", db, filepath.Join(dir, "enrolment.json")}, "无法读取登记文件：文件不存在：" + filepath.Join(dir, "enrolment.json")},
		{[]string{"sync", "join", "--db", db, dir}, "无法读取登记文件：这是一个文件夹，不是文件：" + dir},
		{[]string{"sync", "done", "T1", "--db", db, "--attach", filepath.Join(dir, "评议.docx")}, "无法读取附件：文件不存在：" + filepath.Join(dir, "评议.docx")},
	}
	for _, tc := range cases {
		before, _ := os.ReadFile(db)
		code, _, errOut := run(t, tc.args...)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "no such file") || strings.Contains(errOut, "directory") {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, errOut, tc.want)
		}
		if after, _ := os.ReadFile(db); string(after) != string(before) {
			t.Errorf("%v changed the database", tc.args)
		}
	}
}

// committee publish thresholds without --year, or with a key given twice,
// says so (not 「年度无效: 0」, not the last value silently); a deadline
// already past (a mistyped year) is refused.
func TestPublishThresholdsMistakes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "党委")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"thresholds", "train.hours=40"}, "请用 --year 给出考核标准适用的年度"},
		{[]string{"thresholds", "--year", "2027", "train.hours=40", "train.hours=50"}, "考核标准 train.hours 给出了两次"},
		{[]string{"task", "--title", "民主评议", "--text", "按时上报", "--deadline", "2025-01-10"}, "截止日期2025-01-10已经过去"},
	} {
		code, _, errOut := run(t, append([]string{"committee", "publish", "--dir", dir}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d %q; want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// sync done again to add a file keeps the note given before; an
// attachment above the size limit is refused before it is read.
func TestSyncDoneAgainKeepsTheNote(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dangjian.db")
	if code, _, errOut := run(t, "init", "--db", db, "--org", "理学院党委"); code != ExitOK {
		t.Fatal(errOut)
	}
	s, err := data.Open(context.Background(), db, data.WithClock(func() time.Time { return testToday }))
	if err != nil {
		t.Fatal(err)
	}
	body := `{"format":"dangjian-committee-body/1","kind":"task","task_id":"T1","title":"民主评议","text":"按时上报"}`
	err = s.ReceiveCommitteeObjects(context.Background(), []data.CommitteeObject{{Seq: 1, Kind: data.ChannelTask, TaskID: "T1",
		Title: "民主评议", Signed: "{}", IndexSHA256: strings.Repeat("a", 64), Body: body, PublishedAt: data.Stamp{Time: testToday}}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "评议结果.txt")
	os.WriteFile(first, []byte("结果"), 0o600)
	if code, _, errOut := run(t, "sync", "done", "T1", "--db", db, "--note", "已于1月5日完成"); code != ExitOK {
		t.Fatal(errOut)
	}
	if code, _, errOut := run(t, "sync", "done", "T1", "--db", db, "--attach", first); code != ExitOK {
		t.Fatal(errOut)
	}
	if _, out, _ := run(t, "sync", "tasks", "--db", db, "--json"); !strings.Contains(out, `"note": "已于1月5日完成"`) {
		t.Fatalf("the note after adding a file:\n%s", out)
	}
	big := filepath.Join(dir, "录像.mp4")
	f, _ := os.Create(big)
	f.Truncate(data.MaxBlobSize + 1)
	f.Close()
	if code, _, errOut := run(t, "sync", "done", "T1", "--db", db, "--attach", big); code != ExitUsage || !strings.Contains(errOut, "附件不能超过20 MB") {
		t.Fatalf("a file too large: %d %s", code, errOut)
	}
}
