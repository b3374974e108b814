package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"dangjian/reports/merge"
	"dangjian/reports/sheets"
)

// ownIDNumbers are, per organization of the committee world, the
// 公民身份号码 of its members that the other organization does not also
// hold (one person is on both rolls), and its 王建国's.
func ownIDNumbers(t *testing.T, w *committeeWorld) (only [2][]string, wang [2]string) {
	t.Helper()
	var all [2]map[string]bool
	for i, s := range w.own {
		ms, err := s.Members.List(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		all[i] = map[string]bool{}
		for _, m := range ms {
			all[i][m.IDNumber] = true
			if m.Name == "王建国" {
				wang[i] = m.IDNumber
			}
		}
	}
	for i := range 2 {
		for id := range all[i] {
			if !all[1-i][id] {
				only[i] = append(only[i], id)
			}
		}
	}
	return only, wang
}

// containsAny tells whether text holds one of the strings.
func containsAny(text string, of []string) bool {
	for _, s := range of {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// TestCommitteeExportFollowsTheOrganizationFilter: in committee mode, with
// one organization chosen in the 二级党组织 filter, 导入导出 says whose
// records it exports and its members' export holds that organization's
// members only (its 王建国, not the other's).
func TestCommitteeExportFollowsTheOrganizationFilter(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1200, 800))
	only, wang := ownIDNumbers(t, w)
	for i := range 2 {
		w.u.setOrgScope(w.own[i].Org().ID)
		w.open(t, "导入导出")
		s := w.u.sheets
		if !strings.Contains(s.summary.Text, w.name[i]) {
			t.Fatalf("导入导出 of %s says %q", w.name[i], s.summary.Text)
		}
		s.kind.SetSelected(sheets.LayoutOf(sheets.Members).Title)
		out := filepath.Join(t.TempDir(), "党员.xlsx")
		s.out.SetText(out)
		test.Tap(findButton(t, w.u, "导出"))
		w.q.settle(w.u)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatalf("%s: %v (%s)", w.name[i], err, s.summary.Text)
		}
		rows, err := f.GetRows(sheets.LayoutOf(sheets.Members).Title)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, r := range rows {
			text = append(text, strings.Join(r, "|"))
		}
		all := strings.Join(text, "\n")
		if !strings.Contains(all, wang[i]) || containsAny(all, only[1-i]) {
			t.Fatalf("the export of %s reads:\n%s", w.name[i], all)
		}
	}
}

// TestCommitteeMergeFollowsTheOrganizationFilter: in committee mode, with
// one organization chosen, 套打 of 党员 under 全部支部 fills a document for
// that organization's members only.
func TestCommitteeMergeFollowsTheOrganizationFilter(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1200, 800))
	only, wang := ownIDNumbers(t, w)
	for i := range 2 {
		w.u.setOrgScope(w.own[i].Org().ID)
		m := openMerge(t, w.u, w.q)
		m.kind.SetSelected(merge.Title(merge.Members))
		m.template.SetText(wordTemplate(t, "{{姓名}}{{公民身份号码}}"))
		m.mode.SetSelected(mergeToFolder)
		out := filepath.Join(t.TempDir(), "套打")
		m.out.SetText(out)
		test.Tap(findButton(t, w.u, "套打"))
		w.q.settle(w.u)
		files, _ := os.ReadDir(out)
		var texts []string
		for _, f := range files {
			texts = append(texts, documentText(t, filepath.Join(out, f.Name())))
		}
		all := strings.Join(texts, "\n")
		if !strings.Contains(all, wang[i]) || containsAny(all, only[1-i]) {
			t.Fatalf("套打 of %s (%s) reads:\n%s", w.name[i], m.result.Text, all)
		}
	}
}
