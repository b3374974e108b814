package documents

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/reports/layout"
)

// agreementWith adds a member named name to b with an agreement of 2026
// and targets of the given contents and sequence numbers.
func agreementWith(t *testing.T, s *data.Store, b *data.Branch, name string, seq int, a *data.Agreement, seqs []int, contents []string) {
	t.Helper()
	ctx := context.Background()
	m := formMember(t, s, b, name, seq)
	a.Year, a.MemberID = 2026, data.Ref(m.ID)
	if err := s.Agreements.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	for i, c := range contents {
		if err := s.AgreementTargets.Create(ctx, &data.AgreementTarget{AgreementID: data.Ref(a.ID), Seq: seqs[i], Content: c}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAgreementTargetsNumberedAndSigned: the targets are printed in their
// order numbered 1, 2, 3 whatever their recorded sequence numbers; the
// branch secretary signs where the branch's seal goes; the 签订日期 is in
// prose, or blanks to write it in when not signed yet.
func TestAgreementTargetsNumberedAndSigned(t *testing.T) {
	s, b := formStore(t)
	agreementWith(t, s, b, "丁已签", 1, &data.Agreement{SignedDate: data.NewDate(2026, 3, 5)},
		[]int{9, 3, 7}, []string{"第三项目标", "第一项目标", "第二项目标"})
	agreementWith(t, s, b, "王未签", 2, &data.Agreement{}, []int{1}, []string{"唯一目标"})
	r := build(t, s, Agreement, Options{})
	if r.parts() != 2 {
		t.Fatalf("%d parts", r.parts())
	}
	var rows []string
	for _, row := range tables(r.doc)[0].Rows {
		rows = append(rows, row.Cells[0]+" "+row.Cells[1])
	}
	if got := strings.Join(rows, "；"); got != "1 第一项目标；2 第二项目标；3 第三项目标" {
		t.Errorf("targets %q", got)
	}
	pages := formPages(r)
	for _, c := range []struct {
		page int
		want string
	}{
		{0, "党员签字：________    年  月  日\n党支部书记签字________（盖章）    年  月  日"},
		{0, "签订日期：2026年3月5日"},
		{1, "签订日期：　　　　年　　月　　日"},
	} {
		if !strings.Contains(pages[c.page], c.want) {
			t.Errorf("agreement %d lacks %q:\n%s", c.page+1, c.want, pages[c.page])
		}
	}
}

// TestAgreementPDFReadsBack: an agreement of 60 targets is printed whole
// in its member's part, numbered by itself over its pages (「第 1 页 共 N
// 页」), every target numbered, with the signatures, the seal and the
// 签订日期 after the last; a second member's part starts again at page 1.
func TestAgreementPDFReadsBack(t *testing.T) {
	s, b := formStore(t)
	var seqs []int
	var contents []string
	for i := range 60 {
		seqs = append(seqs, i+1)
		contents = append(contents, layout.Keep(fmt.Sprintf("目标%d号", i+1))+"：按时参加组织生活和主题党日活动，立足岗位发挥先锋模范作用。")
	}
	agreementWith(t, s, b, "丁多项", 1, &data.Agreement{SignedDate: data.NewDate(2026, 3, 5)}, seqs, contents)
	agreementWith(t, s, b, "王一项", 2, &data.Agreement{}, []int{1}, []string{"按时足额交纳党费"})
	text, rep := pdfText(t, s, Agreement, Options{})
	first := rep.Pages - 1
	if first < 2 {
		t.Fatalf("%d pages: the 60 targets should take more than one", rep.Pages)
	}
	at := 0
	for i := 1; i <= 60; i++ {
		k := strings.Index(text[at:], fmt.Sprintf("%d目标%d号", i, i))
		if k < 0 {
			t.Fatalf("target %d is not printed numbered %d (or out of order)", i, i)
		}
		at += k
	}
	for _, w := range []string{"党员签字：", "党支部书记签字（盖章）", "签订日期：2026年3月5日",
		fmt.Sprintf("第1页共%d页", first), fmt.Sprintf("第%d页共%d页", first, first), "第1页共1页"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	if strings.Contains(text, "因篇幅所限") || strings.Index(text, "签订日期：2026年3月5日") < at {
		t.Error("targets are left out, or the signatures come before the last target")
	}
}
