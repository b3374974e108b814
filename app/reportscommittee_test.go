package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/reports/documents"
)

// generate writes the document chosen on the 报表 screen to a new file
// and returns the PDF's text.
func generate(t *testing.T, w *committeeWorld, s *reportsScreen, name string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), name+".pdf")
	s.path.SetText(out)
	test.Tap(findButton(t, w.u, "生成PDF"))
	w.q.settle(w.u)
	if !strings.HasPrefix(s.result.Text, "已生成") {
		t.Fatalf("%s: %q", name, s.result.Text)
	}
	return pdfToText(t, out)
}

// TestCommitteeReportsFollowTheOrganizationFilter: in committee mode the
// 报表 screen makes the organizations' documents for the 二级党组织 filter's
// choice — the whole university under 全校 with every branch as
// 「组织 · 支部」, or one organization with only its branches and members —
// and changing the filter on another screen changes the branches offered.
func TestCommitteeReportsFollowTheOrganizationFilter(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	s := openReports(t, w.u, w.q)
	if got := s.branch.Options; !slices.Contains(got, w.name[0]+" · 第一党支部") || !slices.Contains(got, w.name[1]+" · 第一党支部") {
		t.Fatalf("branches offered for the whole university: %v", got)
	}
	s.kind.SetSelected(documents.Title(documents.Roster))
	if !strings.HasPrefix(filepath.Base(s.path.Text), documents.University) {
		t.Errorf("the name proposed for the whole: %q", s.path.Text)
	}
	whole := generate(t, w, s, "全校花名册")
	if !strings.Contains(whole, "李红梅") || !strings.Contains(whole, "张伟") || !strings.Contains(whole, documents.University) {
		t.Errorf("the roster of the whole university lacks an organization's members or 全校:\n%.800s", whole)
	}

	w.u.setOrgScope(w.own[0].Org().ID) // as the filter of any screen does
	w.q.settle(w.u)
	if got := s.branch.Options; slices.ContainsFunc(got, func(o string) bool { return strings.Contains(o, w.name[1]) }) || len(got) != 2 {
		t.Fatalf("branches offered for %s: %v", w.name[0], got)
	}
	if !strings.HasPrefix(filepath.Base(s.path.Text), w.name[0]) {
		t.Errorf("the name proposed for %s: %q", w.name[0], s.path.Text)
	}
	one := generate(t, w, s, "一个组织的花名册")
	if !strings.Contains(one, "李红梅") || strings.Contains(one, "张伟") || !strings.Contains(one, w.name[0]) {
		t.Errorf("the roster of %s names the other's members or not its own:\n%.800s", w.name[0], one)
	}
	s.branch.SetSelected("第一党支部")
	branch := generate(t, w, s, "一个支部的花名册")
	if !strings.Contains(branch, "王建国") || strings.Contains(branch, "张伟") {
		t.Errorf("the roster of %s's 第一党支部 mixes the organizations:\n%.800s", w.name[0], branch)
	}
}

// TestCommitteeReportsOfferTheCommitteesDocuments: in committee mode the
// committee's four documents are offered after the organizations'; the
// statistics have a row per organization and no branch choice, and the
// 学期汇总 is that of the organization the filter chooses, with the
// snapshot merged into the term.
func TestCommitteeReportsOfferTheCommitteesDocuments(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	s := openReports(t, w.u, w.q)
	for _, k := range documents.CommitteeKinds {
		if !slices.Contains(s.kind.Options, documents.CommitteeTitle(k)) {
			t.Fatalf("%s is not offered: %v", documents.CommitteeTitle(k), s.kind.Options)
		}
	}
	s.kind.SetSelected(documents.CommitteeTitle(documents.CommitteeStats))
	if s.branch.Visible() || !s.asOf.Visible() {
		t.Errorf("全校党内统计: 党支部 shown %v, 截至日期 shown %v", s.branch.Visible(), s.asOf.Visible())
	}
	stats := generate(t, w, s, "全校党内统计")
	for _, want := range []string{"全校党内统计", w.name[0], w.name[1], "合计"} {
		if !strings.Contains(stats, want) {
			t.Errorf("the statistics lack %q:\n%.800s", want, stats)
		}
	}

	s.kind.SetSelected(documents.CommitteeTitle(documents.CommitteeFindings))
	findings := generate(t, w, s, "跨组织问题台账")
	if !strings.Contains(findings, "刘转出") || !strings.Contains(findings, "组字〔2026〕12号") {
		t.Errorf("the findings ledger lacks the 挂空:\n%.1200s", findings)
	}

	w.u.setOrgScope(w.own[1].Org().ID)
	w.q.settle(w.u)
	s.kind.SetSelected(documents.CommitteeTitle(documents.CommitteeTerm))
	term := generate(t, w, s, "学期汇总")
	if !strings.Contains(term, w.name[1]+"学期汇总") || strings.Contains(term, w.name[0]+"学期汇总") || !strings.Contains(term, "已汇总") {
		t.Errorf("the 学期汇总 of %s:\n%.1500s", w.name[1], term)
	}
}
