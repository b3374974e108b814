package cli

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
	"dangjian/reports/documents"
)

// reportDB is an organization of one branch with three members: 王甲
// (T1001, admitted 2005), 李乙 (T1002, admitted on 1 June 2026) and 赵
// with a character no face has in the name (T1003); 王甲 and 李乙 each
// have a 民主评议 record of 2026. It returns the database's path and 王甲's
// 公民身份号码.
func reportDB(t *testing.T) (string, string) {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "组织.db")
	s, err := data.Create(ctx, db, "测试学院党委", "", data.WithClock(func() time.Time { return testToday }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := &data.Branch{Name: "测试党支部", Type: "教工"}
	if err := s.Branches.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	people := []struct {
		name, staff string
		joined      data.Date
	}{{"王甲", "T1001", data.NewDate(2005, 7, 1)}, {"李乙", "T1002", data.NewDate(2026, 6, 1)}, {"赵\uE000", "T1003", data.NewDate(2005, 7, 1)}}
	var firstID string
	for i, p := range people {
		birth := time.Date(1980+i, 3, 4, 0, 0, 0, 0, time.UTC)
		m := &data.Member{BranchID: data.Ref(b.ID), Name: p.name, StaffNo: p.staff, Category: string(vocab.CategoryFull),
			PersonType: string(vocab.PersonStaff), IDNumber: field.MakeIDNumber("420106", birth, i, true), JoinedDate: p.joined}
		if p.joined.Year() == 2026 {
			m.Category = string(vocab.CategoryProbation)
		} else {
			m.ConfirmedAt = data.NewDate(p.joined.Year()+1, 7, 1)
		}
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			firstID = m.IDNumber
		}
		if i < 2 {
			if err := s.Appraisals.Create(ctx, &data.Appraisal{Year: 2026, MemberID: data.Ref(m.ID), SelfAssessment: p.name + "的自我评价"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return db, firstID
}

// TestReportFormatFollowsFlagOrExtension: --format wins, else the
// extension of --out; .docx means Word, any other extension PDF; a
// --format that contradicts .pdf or .docx is refused.
func TestReportFormatFollowsFlagOrExtension(t *testing.T) {
	cases := []struct {
		out, format string
		want        documents.Format
		refused     bool
	}{
		{"a.pdf", "", documents.PDF, false},
		{"a.docx", "", documents.Word, false},
		{"a.DOCX", "", documents.Word, false},
		{"花名册", "", documents.PDF, false},
		{"花名册", "docx", documents.Word, false},
		{"a.dat", "word", documents.Word, false},
		{"a.docx", ".docx", documents.Word, false},
		{"a.pdf", "pdf", documents.PDF, false},
		{"a.pdf", "docx", "", true},
		{"a.docx", "pdf", "", true},
		{"a.pdf", "doc", "", true},
	}
	for _, c := range cases {
		got, err := reportFormat(c.out, c.format)
		if c.refused != (err != nil) || got != c.want {
			t.Errorf("--out %s --format %q: %q, %v", c.out, c.format, got, err)
		}
	}
}

// TestReportOptionsThatDoNotFitAreUsageErrors: a format against the
// extension, an unknown column, columns or a date for a document that has
// none, a date that is no date, a member for a ledger: exit 2 with a
// Chinese message and the usage, nothing written.
func TestReportOptionsThatDoNotFitAreUsageErrors(t *testing.T) {
	db, _ := reportDB(t)
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"roster", "--out", "x.pdf", "--format", "docx"}, "不一致"},
		{[]string{"roster", "--out", "x.docx", "--format", "pdf"}, "不一致"},
		{[]string{"roster", "--out", "x.pdf", "--format", "txt"}, "无效"},
		{[]string{"roster", "--out", "x.pdf", "--columns", "姓名,血型"}, "可选的栏目：姓名、性别"},
		{[]string{"dues", "--out", "x.pdf", "--columns", "姓名"}, "只用于花名册"},
		{[]string{"dues", "--out", "x.pdf", "--date", "2026-03-01"}, "只用于花名册（roster）和党内统计汇总（stats）"},
		{[]string{"roster", "--out", "x.pdf", "--date", "2026-02-30"}, "日期不存在"},
		{[]string{"roster", "--out", "x.pdf", "--date", "三月"}, "日期格式无法识别"},
		{[]string{"roster", "--out", "x.pdf", "--member", "T1001"}, "只用于民主评议党员登记表"},
		{[]string{"appraisal", "--out", "x.pdf", "--member", "T9999"}, "没有工号或学号、公民身份号码为 --member 所给取值的党员"},
	}
	for _, c := range cases {
		args := append([]string{"report", "--db", db}, c.args...)
		for i, a := range args {
			if a == "x.pdf" || a == "x.docx" {
				args[i] = filepath.Join(dir, a)
			}
		}
		code, _, errOut := run(t, args...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errOut)
		}
		first, _, _ := strings.Cut(errOut, "\n")
		if w := englishWords(first); len(w) > 0 && !strings.Contains(first, "--format 的取值") {
			t.Errorf("%v: English words %q in %q", c.args, w, first)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused report left %d files", len(entries))
	}
}

// TestReportColumnsAndDate: --columns prints the columns named (工号或学号
// is not a default one) and --date is the roster's reference day: a member
// admitted after it is left out, and the header says 截至 that day.
func TestReportColumnsAndDate(t *testing.T) {
	db, _ := reportDB(t)
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	code, _, errOut := run(t, "report", "roster", "--db", db, "--out", out, "--columns", "姓名，工号或学号", "--date", "2026年3月31日")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := pdfText(t, out)
	if !strings.Contains(text, "T1001") || !strings.Contains(text, "截至2026年3月31日") {
		t.Errorf("the roster lacks the 工号或学号 or the day:\n%s", text)
	}
	if strings.Contains(text, "李乙") || strings.Contains(text, "入党日期") {
		t.Errorf("a member admitted in June, or a column not chosen, is printed:\n%s", text)
	}
}

// TestReportOneMembersForm: --member takes a 工号或学号 or a 公民身份号码
// and prints only that member's 民主评议党员登记表.
func TestReportOneMembersForm(t *testing.T) {
	db, idNumber := reportDB(t)
	for _, who := range []string{"t1001", idNumber} {
		out := filepath.Join(t.TempDir(), "登记表.pdf")
		code, _, errOut := run(t, "report", "appraisal", "--db", db, "--out", out, "--year", "2026", "--member", who)
		if code != ExitOK {
			t.Fatalf("--member: exit %d: %s", code, errOut)
		}
		text := pdfText(t, out)
		if !strings.Contains(text, "王甲的自我评价") || strings.Contains(text, "李乙") {
			t.Errorf("--member prints:\n%s", text)
		}
	}
}

// TestReportAsWord: an --out ending in .docx gets a Word document.
func TestReportAsWord(t *testing.T) {
	db, _ := reportDB(t)
	out := filepath.Join(t.TempDir(), "花名册.docx")
	code, stdout, errOut := run(t, "report", "roster", "--db", db, "--out", out)
	if code != ExitOK || !strings.Contains(stdout, out) {
		t.Fatalf("exit %d: %q %q", code, stdout, errOut)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	defer z.Close()
	found := false
	for _, f := range z.File {
		found = found || f.Name == "word/document.xml"
	}
	if !found {
		t.Error("no word/document.xml in the file")
	}
}

// TestReportTellsUnprintableCharactersOnStderr: a name with a character
// no bundled face has is printed (as an empty box), the command succeeds,
// and stderr names the record and the character after the file is
// written.
func TestReportTellsUnprintableCharactersOnStderr(t *testing.T) {
	db, _ := reportDB(t)
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	code, stdout, errOut := run(t, "report", "roster", "--db", db, "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "已生成") {
		t.Fatalf("exit %d: %q %q", code, stdout, errOut)
	}
	if !strings.HasPrefix(errOut, "以下字符无法打印，已以空框代替：\n") || !strings.Contains(errOut, "赵\uE000(T1003)：\uE000(U+E000)") {
		t.Errorf("stderr %q", errOut)
	}
	if strings.Contains(errOut, "王甲") {
		t.Errorf("stderr names a record with nothing missing: %q", errOut)
	}
}

// TestReportUsageTellsTheNewOptions: -h lists the format, the columns to
// choose from, the date and the member.
func TestReportUsageTellsTheNewOptions(t *testing.T) {
	code, out, _ := run(t, "report", "-h")
	for _, want := range []string{"--format 格式", ".docx", "--columns 栏目", "花名册可选栏目：姓名、性别", "工号或学号",
		"--date 日期", "--member 工号或学号或公民身份号码"} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("report -h lacks %q:\n%s", want, out)
		}
	}
}

// TestMergeUsageCallsTheOutputAFolderOrAFile: merge's --out is a folder,
// or with --one-file a file.
func TestMergeUsageCallsTheOutputAFolderOrAFile(t *testing.T) {
	if code, out, _ := run(t, "merge", "-h"); code != ExitOK || !strings.Contains(out, "--out 文件夹或文件 ") {
		t.Errorf("merge -h:\n%s", out)
	}
	if _, out, _ := run(t, "report", "-h"); !strings.Contains(out, "--out 文件 ") {
		t.Errorf("report -h:\n%s", out)
	}
}
