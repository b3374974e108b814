package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestOverviewSortKeepsTheSelectedOrganization: after a sort the 全校概览
// still has the organization selected that was, wherever the sort puts
// it, its detail under 问题按规则 is that organization's, and 打开工作台
// opens that organization's 工作台.
func TestOverviewSortKeepsTheSelectedOrganization(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1366, 768))
	s := overviewOf(t, w.u)
	nameCol := slices.IndexFunc(overviewColumns, func(oc overviewColumn) bool { return oc.title == "组织" })
	s.table.sortBy(nameCol) // 0 first
	s.table.selectRow(s.rowOf(w.name[0]))
	if !strings.HasPrefix(s.detail.Text, w.name[0]) {
		t.Fatalf("the detail of %s: %q", w.name[0], s.detail.Text)
	}
	s.table.sortBy(nameCol) // descending: 0 moves to the other row
	row := s.table.selectedRow()
	if row < 0 || s.data.rows[row].name != w.name[0] {
		t.Fatalf("after the sort row %d is selected, want %s's (%d)", row, w.name[0], s.rowOf(w.name[0]))
	}
	if !strings.HasPrefix(s.detail.Text, w.name[0]) {
		t.Errorf("after the sort the detail says %q, want %s's", s.detail.Text, w.name[0])
	}
	if s.openDesk.Disabled() {
		t.Fatal("打开工作台 is disabled with an organization selected")
	}
	test.Tap(s.openDesk)
	w.q.settle(w.u)
	if got := w.u.orgScopeID(); got != w.own[0].Org().ID || w.u.screens[w.u.current].title != "工作台" {
		t.Errorf("打开工作台 after the sort: filter %q, screen %s", got, w.u.screens[w.u.current].title)
	}
}

// TestOverviewSortWithoutKeyClearsTheDetail: a table that cannot keep its
// selection across a sort tells the screen, which then shows no stale
// detail and disables 打开工作台.
func TestOverviewSortWithoutKeyClearsTheDetail(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1366, 768))
	s := overviewOf(t, w.u)
	s.table.rowKey = nil
	s.table.selectRow(s.rowOf(w.name[1]))
	s.table.sortBy(0)
	if s.table.selectedRow() != -1 || !s.openDesk.Disabled() || strings.HasPrefix(s.detail.Text, w.name[1]) {
		t.Errorf("after a sort: row %d, 打开工作台 disabled %v, detail %q", s.table.selectedRow(), s.openDesk.Disabled(), s.detail.Text)
	}
}
