package documents

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// formPages is the text of each part (each member's form).
func formPages(r built) []string {
	out := make([]string, r.parts())
	for i := range out {
		out[i] = r.partText(i)
	}
	return out
}

// formField reads the value after label on a page's line holding label
// (pdftotext -layout keeps a form row on one line).
func formField(page, label string) string {
	for _, line := range strings.Split(page, "\n") {
		fs := strings.Fields(line)
		for i, f := range fs {
			if f == label && i+1 < len(fs) {
				return fs[i+1]
			}
		}
	}
	return ""
}

// formVertical reports whether a form has the label cell label (the
// renderer sets tall labels vertically).
func formVertical(page, label string) bool {
	for _, line := range strings.Split(page, "\n") {
		if strings.HasPrefix(line, label+" ") {
			return true
		}
	}
	return false
}

// formStore is an empty organization with one branch, for forms made to
// overflow; add members with formMember.
func formStore(t *testing.T) (*data.Store, *data.Branch) {
	t.Helper()
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "f.db"), "计算机科学与技术学院党委", "F",
		data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	b := &data.Branch{Name: "测试党支部", Type: "教工"}
	if err := s.Branches.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return s, b
}

func formMember(t *testing.T, s *data.Store, b *data.Branch, name string, seq int) *data.Member {
	t.Helper()
	birth := time.Date(1980, 3, 1+seq, 0, 0, 0, 0, time.UTC)
	m := &data.Member{BranchID: data.Ref(b.ID), Name: name, Gender: "男", PersonType: "在职教职工",
		IDNumber: field.MakeIDNumber("110101", birth, seq, true), JoinedDate: data.NewDate(2005, 6, 1),
		ConfirmedAt: data.NewDate(2006, 6, 1), Category: "正式党员", PartyPost: "支部组织委员兼纪检委员兼宣传委员"}
	if err := s.Members.Create(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestAppraisalOnePagePerAppraisal checks the count rule: every Appraisal
// row of the year of a covered member gets exactly one page. The issue
// speaks of "one page per graded member"; 预备党员 take part in the 民主评议
// without a grade and get a page too (saying 预备党员不评定等次), so the
// pages are the graded members plus the ungraded 预备党员: the appraisal
// rows of the year.
func TestAppraisalOnePagePerAppraisal(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := build(t, s, Appraisal, Options{})
	checkFrame(t, r, "民主评议党员登记表")

	members, _ := s.Members.List(ctx)
	byID := map[data.Ref]data.Member{}
	for _, m := range members {
		byID[data.Ref(m.ID)] = m
	}
	rows, err := s.Appraisals.List(ctx, data.Where("year", 2026))
	if err != nil {
		t.Fatal(err)
	}
	if r.parts() != len(rows) {
		t.Fatalf("%d pages for %d appraisals", r.parts(), len(rows))
	}
	// Every page is one appraisal: the name and the grade on each page,
	// taken together, are those of the rows.
	var want, got []string
	ungraded, failed := 0, 0
	yearEnd := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, a := range rows {
		m := byID[a.MemberID]
		// The category on 31 December decides the 党员类别 and the grade.
		cat := rules.CategoryOn(vocab.Category(m.Category), m.JoinedDate.Time, m.ConfirmedAt.Time, yearEnd)
		g := a.Grade
		if cat == vocab.CategoryProbation {
			g = "预备党员不评定等次"
			ungraded++
		}
		if g == "不合格" {
			failed++
		}
		want = append(want, m.Name+"/"+string(cat)+"/"+g)
	}
	if ungraded == 0 || failed == 0 {
		t.Fatalf("the demo should have ungraded 预备党员 (%d) and 不合格 members (%d)", ungraded, failed)
	}
	// Branches come in the store's natural order, as on every screen.
	branchRank := map[string]int{}
	refs, _ := s.BranchRefs(ctx)
	for i, b := range refs {
		branchRank[b.Label] = i
	}
	last := -1
	for i, page := range formPages(r) {
		grade := formField(page, "评议等次")
		got = append(got, formField(page, "姓名")+"/"+formField(page, "党员类别")+"/"+grade)
		rank, ok := branchRank[formField(page, "所在支部")]
		if !ok || rank < last {
			t.Fatalf("page %d: branch %q out of order", i+1, formField(page, "所在支部"))
		}
		last = rank
		if formField(page, "评议等次") == "不合格" && !formVertical(page, "教育处置情况") {
			t.Errorf("page %d: a 不合格 member without the 教育处置情况 box", i+1)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Fatalf("the pages' names and grades differ from the appraisals:\nwant %v\n got %v", want, got)
	}
	for _, a := range rows {
		if a.FollowUp != "" && !strings.Contains(r.text, a.FollowUp) {
			t.Errorf("follow-up %q missing", a.FollowUp)
		}
	}
	for i, page := range formPages(r) {
		if !strings.Contains(page, "本人签字：") || !strings.Contains(page, "党支部书记签字________（盖章）") ||
			!formVertical(page, "个人自我评价") || !formVertical(page, "党支部意见") || !formVertical(page, "上级党组织意见") {
			t.Fatalf("page %d lacks a box or a signature line:\n%s", i+1, page)
		}
	}
}

func TestAppraisalBranchOnly(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	const branch = "计算机系教工党支部"
	r := build(t, s, Appraisal, Options{BranchID: branchID(t, s, branch)})
	checkFrame(t, r, branch+"民主评议党员登记表")
	bs, _ := s.Branches.List(ctx, data.Where("name", branch))
	members, _ := s.Members.List(ctx, data.Where("branch_id", bs[0].ID))
	in := map[data.Ref]bool{}
	for _, m := range members {
		in[data.Ref(m.ID)] = true
	}
	rows, _ := s.Appraisals.List(ctx, data.Where("year", 2026))
	n := 0
	for _, a := range rows {
		if in[a.MemberID] {
			n++
		}
	}
	if n == 0 || r.parts() != n {
		t.Fatalf("%d pages for the branch's %d appraisals", r.parts(), n)
	}
	for i, page := range formPages(r) {
		if got := formField(page, "所在支部"); got != branch {
			t.Fatalf("page %d is of %q", i+1, got)
		}
	}
}

// TestAppraisalLongTextsAreKeptWhole: texts far too long for a page are
// printed whole, never cut: the self-assessment is the form's Fill row,
// which continues on a 续页; each member's form is a part of its own.
func TestAppraisalLongTextsAreKeptWhole(t *testing.T) {
	s, b := formStore(t)
	ctx := context.Background()
	long := strings.Repeat("坚持学习党的创新理论,认真履行岗位职责,积极参加组织生活,主动联系服务群众。", 120)
	for i, name := range []string{"王长文", "李短文"} {
		m := formMember(t, s, b, name, i+1)
		a := &data.Appraisal{Year: 2026, MemberID: data.Ref(m.ID), Grade: "不合格", SelfAssessment: long,
			BranchOpinion: long, FollowUp: long}
		if i == 1 {
			a.Grade, a.SelfAssessment, a.BranchOpinion, a.FollowUp = "合格", "短。", "同意。", ""
		}
		if err := s.Appraisals.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	r := build(t, s, Appraisal, Options{})
	if r.parts() != 2 {
		t.Fatalf("%d parts for 2 appraisals", r.parts())
	}
	pages := formPages(r)
	if formField(pages[0], "姓名") != "王长文" || formField(pages[1], "姓名") != "李短文" {
		t.Fatalf("stroke order: %q then %q", formField(pages[0], "姓名"), formField(pages[1], "姓名"))
	}
	if n := strings.Count(pages[0], long); n != 3 {
		t.Errorf("%d long texts printed whole, want 3", n)
	}
	if strings.Contains(r.text, "下略") || !strings.Contains(pages[1], "党支部书记签字") {
		t.Error("a text is cut or the short form lacks its signature line")
	}
	// The long form is split so that each overlong box is the Fill row of
	// a form of its own (continued on 续页 pages), the self-assessment
	// first; the short form stays one form.
	var fills []string
	for _, b := range r.doc.Parts[0].Blocks {
		n := 0
		for _, row := range b.(*layout.Form).Rows {
			if row.Fill {
				n++
				fills = append(fills, row.Cells[0].Text)
			}
		}
		if n != 1 {
			t.Errorf("a form with %d Fill rows", n)
		}
	}
	if want := []string{"个人自我评价", "党支部意见", "教育处置情况"}; !slices.Equal(fills, want) {
		t.Errorf("Fill rows %v, want %v", fills, want)
	}
	if n := len(r.doc.Parts[1].Blocks); n != 1 {
		t.Errorf("the short form is made of %d forms", n)
	}
}

func TestAppraisalEmptySaysSo(t *testing.T) {
	s, _ := formStore(t)
	r := build(t, s, Appraisal, Options{})
	if r.parts() != 1 || !strings.Contains(r.text, "2026年度没有党员民主评议记录") {
		t.Fatalf("%d pages:\n%s", r.parts(), r.text)
	}
}

// confirmedIn2026 adds the member admitted on 10 June 2025 and confirmed
// (转正) on 12 June 2026, recorded today as 正式党员.
func confirmedIn2026(t *testing.T, s *data.Store, b *data.Branch) *data.Member {
	t.Helper()
	m := formMember(t, s, b, "钱预转", 7)
	m.JoinedDate, m.ConfirmedAt, m.PartyPost = data.NewDate(2025, 6, 10), data.NewDate(2026, 6, 12), ""
	if err := s.Members.Update(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestAppraisalCategoryAtTheYearsEnd: the 党员类别 and the grade come from
// the same value, the category on 31 December of the appraisal year.
func TestAppraisalCategoryAtTheYearsEnd(t *testing.T) {
	s, b := formStore(t)
	ctx := context.Background()
	m := confirmedIn2026(t, s, b)
	for _, a := range []*data.Appraisal{
		{Year: 2025, MemberID: data.Ref(m.ID), SelfAssessment: "预备期内表现。"},
		{Year: 2026, MemberID: data.Ref(m.ID), Grade: string(vocab.GradePass), SelfAssessment: "转正后表现。"},
	} {
		if err := s.Appraisals.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		year            int
		category, grade string
	}{
		{2025, "预备党员", "预备党员不评定等次"},
		{2026, "正式党员", "合格"},
	} {
		r := build(t, s, Appraisal, Options{Year: c.year})
		page := formPages(r)[0]
		if got := formField(page, "党员类别"); got != c.category {
			t.Errorf("%d: 党员类别 %q, want %q", c.year, got, c.category)
		}
		if got := formField(page, "评议等次"); got != c.grade {
			t.Errorf("%d: 评议等次 %q, want %q", c.year, got, c.grade)
		}
	}
}
