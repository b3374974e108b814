package documents

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"dangjian/data"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// apprLine is the line of a form's plain text that starts with label.
func apprLine(page, label string) string {
	for _, l := range strings.Split(page, "\n") {
		if strings.HasPrefix(l, label+" ") || l == label {
			return l
		}
	}
	return ""
}

// TestAppraisalFormAsInUse: the form asks what the form in use asks: 民族
// and 学历 among the particulars, the 民主测评 votes as recorded (blanks to
// fill in by hand when none were), the grade (none for a 预备党员), the
// 党支部意见 with the secretary's signature and the branch's seal, the
// 上级党组织意见 as recorded with its seal, and 教育处置情况 for a 不合格
// member only.
func TestAppraisalFormAsInUse(t *testing.T) {
	s, b := formStore(t)
	ctx := context.Background()
	// The members first: votes are checked against the branch's members.
	var ms []*data.Member
	for i, name := range []string{"丁合格", "王预备", "李不合格"} {
		ms = append(ms, formMember(t, s, b, name, i+1))
	}
	add := func(name string, seq int, edit func(m *data.Member), a *data.Appraisal) {
		m := ms[seq-1]
		m.Ethnicity, m.Education = "回族", string(vocab.EduPostgraduate)
		if edit != nil {
			edit(m)
		}
		if err := s.Members.Update(ctx, m); err != nil {
			t.Fatal(err)
		}
		a.Year, a.MemberID = 2026, data.Ref(m.ID)
		if err := s.Appraisals.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	add("丁合格", 1, nil, &data.Appraisal{Grade: string(vocab.GradePass), SelfAssessment: "认真学习。",
		VotesExcellent: 1, VotesQualified: 2, BranchOpinion: "评定为合格。", SuperiorOpinion: "同意支部评定意见。"})
	add("王预备", 2, func(m *data.Member) {
		m.JoinedDate, m.ConfirmedAt, m.Category, m.PartyPost = data.NewDate(2026, 5, 1), data.Date{}, string(vocab.CategoryProbation), ""
	}, &data.Appraisal{SelfAssessment: "预备期表现。"})
	add("李不合格", 3, nil, &data.Appraisal{Grade: string(vocab.GradeFail), VotesBasic: 1, VotesFail: 2,
		FollowUp: "限期改正。"})

	r := build(t, s, Appraisal, Options{})
	pages := formPages(r)
	if len(pages) != 3 {
		t.Fatalf("%d forms", len(pages))
	}
	for _, c := range []struct {
		page  int
		label string
		want  string
	}{
		{0, "姓名", "姓名 丁合格 性别 男 民族 回族 出生年月 1980.03"},
		{0, "学历", "学历 研究生 入党日期 2005.06.01 党员类别 正式党员 党内职务 支部组织委员兼纪检委员兼宣传委员"},
		{0, "所在支部", "所在支部 测试党支部 评议年度 2026年度"},
		{0, "民主测评情况", "民主测评情况 优秀 1 票、合格 2 票、基本合格 0 票、不合格 0 票，合计 3 票"},
		{0, "评议等次", "评议等次 合格"},
		{0, "党支部意见", "党支部意见 评定为合格。 党支部书记签字________（盖章）    年  月  日"},
		{0, "上级党组织意见", "上级党组织意见 同意支部评定意见。 上级党组织________（盖章）    年  月  日"},
		{0, "教育处置情况", ""},
		{1, "民主测评情况", "民主测评情况 优秀____票、合格____票、基本合格____票、不合格____票"},
		{1, "评议等次", "评议等次 预备党员不评定等次"},
		{1, "学历", "学历 研究生 入党日期 2026.05.01 党员类别 预备党员 党内职务"},
		{1, "上级党组织意见", "上级党组织意见  上级党组织________（盖章）    年  月  日"},
		{2, "民主测评情况", "民主测评情况 优秀 0 票、合格 0 票、基本合格 1 票、不合格 2 票，合计 3 票"},
		{2, "教育处置情况", "教育处置情况 限期改正。"},
	} {
		if got := strings.TrimRight(apprLine(pages[c.page], c.label), " "); got != c.want {
			t.Errorf("form %d, %s:\n got %q\nwant %q", c.page+1, c.label, got, c.want)
		}
	}
	if !strings.Contains(pages[0], "本人签字：________    年  月  日") {
		t.Errorf("the self-assessment lacks the member's signature and date:\n%s", pages[0])
	}
}

// TestApprVotes: the 民主测评 box, from the four counts.
func TestApprVotes(t *testing.T) {
	for _, c := range []struct {
		a    data.Appraisal
		want string
	}{
		{data.Appraisal{}, "优秀____票、合格____票、基本合格____票、不合格____票"},
		{data.Appraisal{VotesExcellent: 30, VotesQualified: 8, VotesBasic: 1},
			"优秀 30 票、合格 8 票、基本合格 1 票、不合格 0 票，合计 39 票"},
		{data.Appraisal{VotesFail: 1}, "优秀 0 票、合格 0 票、基本合格 0 票、不合格 1 票，合计 1 票"},
	} {
		if got := apprVotes(&c.a); got != c.want {
			t.Errorf("%+v: %q, want %q", c.a, got, c.want)
		}
	}
}

// TestSplitForm: a form keeps one Fill row; a row after it too long to
// stay on the page with it becomes the Fill row of a form of its own.
func TestSplitForm(t *testing.T) {
	short := func(label string) layout.FormRow {
		return layout.FormRow{Height: 40, Cells: []layout.Cell{{Text: label, Label: true, Width: 19}, {Text: "同意。"}}}
	}
	long := func(label string, chars int) layout.FormRow {
		return layout.FormRow{Height: 40, Cells: []layout.Cell{{Text: label, Label: true, Width: 19}, {Text: strings.Repeat("长", chars)}}}
	}
	fill := layout.FormRow{Fill: true, Cells: []layout.Cell{{Text: "自评", Label: true, Width: 19}, {Text: strings.Repeat("长", 5000)}}}
	for _, c := range []struct {
		name string
		rows []layout.FormRow
		want []string // each form's first row's label, "*" after a Fill row's
	}{
		{"short rows stay one form", []layout.FormRow{short("甲"), fill, short("乙"), short("丙")}, []string{"甲"}},
		{"a long row before the Fill row stays", []layout.FormRow{long("甲", 3000), fill, short("乙")}, []string{"甲"}},
		{"a long row after it starts a form", []layout.FormRow{short("甲"), fill, short("乙"), long("丙", 1000), short("丁")},
			[]string{"甲", "丙*"}},
		{"two long rows, two forms", []layout.FormRow{fill, long("乙", 1000), long("丙", 1000)}, []string{"自评*", "乙*", "丙*"}},
		{"rows together too tall", []layout.FormRow{fill, short("甲"), short("乙"), short("丙"), short("丁"), short("戊")},
			[]string{"自评*", "戊*"}},
		{"no Fill row", []layout.FormRow{long("甲", 3000), long("乙", 3000)}, []string{"甲"}},
	} {
		forms := splitForm(c.rows)
		var got []string
		n := 0
		for _, f := range forms {
			first := f.Rows[0].Cells[0].Text
			if f.Rows[0].Fill {
				first += "*"
			}
			got = append(got, first)
			fills := 0
			for _, row := range f.Rows {
				n++
				if row.Fill {
					fills++
				}
			}
			if fills > 1 {
				t.Errorf("%s: a form with %d Fill rows", c.name, fills)
			}
		}
		if n != len(c.rows) || fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: forms %v of %d rows, want %v of %d", c.name, got, n, c.want, len(c.rows))
		}
	}
}

// pdfText writes document k of s as a PDF and reads its text back with
// pdftotext in content-stream order, without white space.
func pdfText(t *testing.T, s *data.Store, k Kind, o Options) (string, Report) {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = testNow
	}
	var buf bytes.Buffer
	rep, err := Write(context.Background(), s, k, PDF, &buf, o)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), string(k)+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (poppler-utils is installed by scripts/deps.sh)", err)
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, string(out)), rep
}

// sentences is a text of n numbered sentences, to find each in a PDF:
// the number (「自评第12句」) is kept on one line.
func sentences(what string, n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%s认真履行岗位职责。", layout.Keep(fmt.Sprintf("%s第%d句", what, i)))
	}
	return b.String()
}

// TestAppraisalPDFReadsBack: the printed form holds the new boxes, the
// votes and the seal places; a self-assessment and a 党支部意见 each far
// longer than a page go on 续页 pages, every sentence printed.
func TestAppraisalPDFReadsBack(t *testing.T) {
	s, b := formStore(t)
	ctx := context.Background()
	m := formMember(t, s, b, "王长文", 1)
	self, opinion := sentences("自评", 150), sentences("意见", 150)
	a := &data.Appraisal{Year: 2026, MemberID: data.Ref(m.ID), Grade: string(vocab.GradePass), VotesExcellent: 1,
		SelfAssessment: self, BranchOpinion: opinion, SuperiorOpinion: "同意支部评定意见。"}
	if err := s.Appraisals.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	text, rep := pdfText(t, s, Appraisal, Options{})
	if rep.Pages < 3 {
		t.Errorf("%d pages for two texts of over a page each", rep.Pages)
	}
	for _, w := range []string{"民族", "学历", "优秀1票、合格0票、基本合格0票、不合格0票，合计1票", "合格", "（转续页）",
		"民主测评情况", "本人签字：", "党支部书记签字（盖章）", "上级党组织（盖章）", "同意支部评定意见。",
		"民主评议党员登记表（续页）", fmt.Sprintf("第1页共%d页", rep.Pages)} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	for _, what := range []string{"自评", "意见"} {
		at := 0
		for i := 1; i <= 150; i++ {
			k := strings.Index(text[at:], fmt.Sprintf("%s第%d句", what, i))
			if k < 0 {
				t.Fatalf("%s sentence %d is not printed (or out of order)", what, i)
			}
			at += k
		}
	}
}
