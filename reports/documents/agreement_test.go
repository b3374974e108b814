package documents

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// signedOn matches a page's 签订日期 line filled with the date.
func signedOn(d data.Date) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`签订日期[:：]\s*%d\s*年\s*%d\s*月\s*%d\s*日`, d.Year(), int(d.Month()), d.Day()))
}

// targetsOf makes targets of contents, for hasInOrder.
func targetsOf(contents []string) []data.AgreementTarget {
	out := make([]data.AgreementTarget, len(contents))
	for i, c := range contents {
		out[i].Content = c
	}
	return out
}

// hasInOrder reports whether page holds every target's content, in order.
func hasInOrder(page string, ts []data.AgreementTarget) bool {
	at := 0
	for _, t := range ts {
		i := strings.Index(page[at:], t.Content)
		if i < 0 {
			return false
		}
		at += i + len(t.Content)
	}
	return true
}

// TestAgreementOnePagePerAgreement: one page for every agreement of the
// year, each with its member's targets in order, the signature and date
// lines of both sides, and the 签订日期 when signed.
func TestAgreementOnePagePerAgreement(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := build(t, s, Agreement, Options{})
	checkFrame(t, r, "党员目标管理责任书")

	members, _ := s.Members.List(ctx)
	names := map[data.Ref]string{}
	for _, m := range members {
		names[data.Ref(m.ID)] = m.Name
	}
	agreements, err := s.Agreements.List(ctx, data.Where("year", 2026))
	if err != nil {
		t.Fatal(err)
	}
	if r.parts() != len(agreements) {
		t.Fatalf("%d pages for %d agreements", r.parts(), len(agreements))
	}
	byName := map[string][]data.Agreement{}
	for _, a := range agreements {
		byName[names[a.MemberID]] = append(byName[names[a.MemberID]], a)
	}
	targets := map[data.Ref][]data.AgreementTarget{}
	all, _ := s.AgreementTargets.List(ctx, data.OrderBy("agreement_id", "seq"))
	for _, tg := range all {
		targets[tg.AgreementID] = append(targets[tg.AgreementID], tg)
	}
	seen := map[string]int{}
	signed, unsigned := 0, 0
	for i, page := range formPages(r) {
		name := formField(page, "姓名")
		seen[name]++
		found := false
		for _, a := range byName[name] {
			ts := targets[data.Ref(a.ID)]
			if len(ts) == 0 || !hasInOrder(page, ts) {
				continue
			}
			if !a.SignedDate.IsZero() && !signedOn(a.SignedDate).MatchString(page) {
				continue
			}
			found = true
			if a.SignedDate.IsZero() {
				unsigned++
			} else {
				signed++
			}
		}
		if !found {
			t.Fatalf("page %d (%s) matches none of the member's agreements:\n%s", i+1, name, page)
		}
		for _, w := range []string{"党员签字：", "党支部书记签字________（盖章）", "签订日期", "完成情况", "完成得分", "把先进性要求具体化"} {
			if !strings.Contains(strings.ReplaceAll(page, "\n", ""), w) {
				t.Fatalf("page %d lacks %q", i+1, w)
			}
		}
		if strings.Count(page, "年  月  日") < 2 {
			t.Fatalf("page %d lacks a date line", i+1)
		}
	}
	for name, as := range byName {
		if seen[name] != len(as) {
			t.Errorf("%s: %d pages for %d agreements", name, seen[name], len(as))
		}
	}
	if signed == 0 || unsigned == 0 {
		t.Errorf("the demo has signed and unsigned agreements; pages matched %d signed, %d unsigned", signed, unsigned)
	}
}

func TestAgreementBranchOnly(t *testing.T) {
	s := demoStore(t)
	const branch = "计算机系教工党支部"
	r := build(t, s, Agreement, Options{BranchID: branchID(t, s, branch)})
	checkFrame(t, r, branch+"党员目标管理责任书")
	for i, page := range formPages(r) {
		if got := formField(page, "所在支部"); got != branch {
			t.Fatalf("page %d is of %q", i+1, got)
		}
	}
}

// TestAgreementAssessedAndOverfull: an assessed agreement shows each
// target's completion, the score and the 评定日期; too many targets, or one
// far too long, are all printed whole in the member's one part.
func TestAgreementAssessedAndOverfull(t *testing.T) {
	s, b := formStore(t)
	ctx := context.Background()
	add := func(name string, seq int, a *data.Agreement, contents []string, completions []string) {
		m := formMember(t, s, b, name, seq)
		a.Year, a.MemberID = 2026, data.Ref(m.ID)
		if err := s.Agreements.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
		for i, c := range contents {
			tg := &data.AgreementTarget{AgreementID: data.Ref(a.ID), Seq: i + 1, Content: c}
			if i < len(completions) {
				tg.Completion = completions[i]
			}
			if err := s.AgreementTargets.Create(ctx, tg); err != nil {
				t.Fatal(err)
			}
		}
	}
	add("丁评定", 1, &data.Agreement{SignedDate: data.NewDate(2026, 3, 1), AssessedAt: data.NewDate(2026, 11, 20), Score: 85.5},
		[]string{"按时足额交纳党费", "每年参加集中学习培训不少于32学时", "年度民主评议达到合格及以上等次"},
		[]string{"完成", "部分完成", "未完成"})
	var many []string
	for i := range 40 {
		many = append(many, fmt.Sprintf("第%d项目标:按时参加组织生活和主题党日活动", i+1))
	}
	add("王多项", 2, &data.Agreement{}, many, nil)
	add("李长项", 3, &data.Agreement{}, []string{strings.Repeat("立足岗位发挥先锋模范作用,认真完成各项工作任务。", 300)}, nil)

	r := build(t, s, Agreement, Options{})
	if r.parts() != 3 {
		t.Fatalf("%d pages for 3 agreements", r.parts())
	}
	pages := formPages(r)
	for _, w := range []string{"85.5分", "2026.11.20", "部分完成", "未完成"} {
		if !strings.Contains(pages[0], w) {
			t.Errorf("the assessed agreement lacks %q", w)
		}
	}
	if !signedOn(data.NewDate(2026, 3, 1)).MatchString(pages[0]) {
		t.Error("the 签订日期 is not printed")
	}
	// Every target is printed, however many (the table goes on to further
	// pages), and an overlong one whole: nothing is left out or cut.
	if !hasInOrder(pages[1], targetsOf(many)) || strings.Contains(pages[1], "另有") {
		t.Errorf("the overfull agreement does not print every target:\n%s", pages[1])
	}
	if long := strings.Repeat("立足岗位发挥先锋模范作用,认真完成各项工作任务。", 300); !strings.Contains(pages[2], long) || strings.Contains(pages[2], "下略") {
		t.Error("the overlong target is cut")
	}
	for i, page := range pages {
		if !strings.Contains(page, "党员签字：") || !strings.Contains(page, "党支部书记签字________（盖章）") {
			t.Errorf("page %d lacks a signature line", i+1)
		}
	}
	if got := []string{formField(pages[0], "姓名"), formField(pages[1], "姓名"), formField(pages[2], "姓名")}; !slices.Equal(got, []string{"丁评定", "王多项", "李长项"}) {
		t.Errorf("not in stroke order: %v", got)
	}
}

func TestAgreementEmptySaysSo(t *testing.T) {
	s, _ := formStore(t)
	r := build(t, s, Agreement, Options{})
	if r.parts() != 1 || !strings.Contains(r.text, "2026年度没有党员目标管理责任书") {
		t.Fatalf("%d pages:\n%s", r.parts(), r.text)
	}
}

// TestAgreementAsOnTheDaySigned: an agreement prints its member's category,
// 党内职务 and branch as they were on the day it was signed; one not signed
// yet, as they are on the print date.
func TestAgreementAsOnTheDaySigned(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "h.db"), "计算机科学与技术学院党委", "H",
		data.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first := &data.Branch{Name: "第一党支部", Type: string(vocab.BranchStaff)}
	second := &data.Branch{Name: "第二党支部", Type: string(vocab.BranchStaff)}
	for _, b := range []*data.Branch{first, second} {
		if err := s.Branches.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	// Admitted 10 June 2025; 组织委员 of the second branch from 1 May 2026;
	// 转正 on 12 June 2026.
	m := formMember(t, s, first, "钱预转", 7)
	m.JoinedDate, m.ConfirmedAt, m.Category, m.PartyPost = data.NewDate(2025, 6, 10), data.Date{}, string(vocab.CategoryProbation), ""
	update := func(day time.Time) {
		t.Helper()
		now = day
		if err := s.Members.Update(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	update(now)
	m.BranchID, m.PartyPost = data.Ref(second.ID), "组织委员"
	update(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC))
	m.Category, m.ConfirmedAt = string(vocab.CategoryFull), data.NewDate(2026, 6, 12)
	update(time.Date(2026, 6, 12, 9, 0, 0, 0, time.UTC))
	other := formMember(t, s, second, "孙未签", 8)
	now = testNow
	for _, a := range []*data.Agreement{
		{Year: 2026, MemberID: data.Ref(m.ID), SignedDate: data.NewDate(2026, 3, 1)},
		{Year: 2026, MemberID: data.Ref(other.ID)},
	} {
		if err := s.Agreements.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	r := build(t, s, Agreement, Options{})
	pages := formPages(r)
	if len(pages) != 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for _, c := range []struct {
		page                    string
		name, branch, cat, post string
	}{
		{pages[0], "钱预转", "第一党支部", "预备党员", ""},
		{pages[1], "孙未签", "第二党支部", "正式党员", "支部组织委员兼纪检委员兼宣传委员"},
	} {
		got := []string{formField(c.page, "姓名"), formField(c.page, "所在支部"), formField(c.page, "党员类别")}
		if want := []string{c.name, c.branch, c.cat}; !slices.Equal(got, want) {
			t.Errorf("page %v, want %v", got, want)
		}
		post := formField(c.page, "党内职务")
		if c.post == "" && post != "" || c.post != "" && !strings.HasPrefix(c.post, post) {
			t.Errorf("%s: 党内职务 %q, want %q", c.name, post, c.post)
		}
	}
	// The one-branch documents follow the branch on the day.
	for _, c := range []struct {
		branch string
		pages  int
	}{{"第一党支部", 1}, {"第二党支部", 1}} {
		if r := build(t, s, Agreement, Options{BranchID: map[string]string{"第一党支部": first.ID, "第二党支部": second.ID}[c.branch]}); r.parts() != c.pages {
			t.Errorf("%s: %d pages", c.branch, r.parts())
		}
	}
}

// TestAgreementCategoryFromTheDates: a member recorded as 正式党员, admitted
// on 10 June 2025 and confirmed on 12 June 2026, signed on 1 March 2026 as
// a 预备党员.
func TestAgreementCategoryFromTheDates(t *testing.T) {
	s, b := formStore(t)
	m := confirmedIn2026(t, s, b)
	a := &data.Agreement{Year: 2026, MemberID: data.Ref(m.ID), SignedDate: data.NewDate(2026, 3, 1)}
	if err := s.Agreements.Create(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	r := build(t, s, Agreement, Options{})
	if got := formField(formPages(r)[0], "党员类别"); got != "预备党员" {
		t.Errorf("党员类别 %q, want 预备党员", got)
	}
}
