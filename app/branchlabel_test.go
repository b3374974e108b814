package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"dangjian/data"
)

// TestCommitteeOneOrganizationShowsPlainBranchNames: with one organization
// chosen in the 二级党组织 filter, which names it, the screens name its
// branches plainly (第一党支部); under 全部组织 「组织 · 支部」 tells the
// namesakes of the organizations apart.
func TestCommitteeOneOrganizationShowsPlainBranchNames(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1200, 800))
	qualified := func(org int) string { return f.name[org] + data.BranchSeparator + "第一党支部" }

	f.open(t, "工作台")
	s := f.u.built["dashboard"].(*dashboardScreen)
	f.choose(t, 1)
	if got := barLabels(s.meetings); !slices.Equal(got, []string{"第一党支部"}) {
		t.Errorf("工作台 of %s charts %q", f.name[1], got)
	}
	for id, label := range s.groups.branches {
		if id != "" && label != "第一党支部" {
			t.Errorf("工作台 of %s names a finding's branch %q", f.name[1], label)
		}
	}
	for _, g := range s.groups.byBranch {
		if g.key != "" && g.label != "第一党支部" {
			t.Errorf("工作台 of %s, 按支部: %q", f.name[1], g.label)
		}
	}
	f.choose(t, -1)
	if got := barLabels(s.meetings); !slices.Equal(got, []string{qualified(0), qualified(1)}) {
		t.Errorf("工作台 of 全部组织 charts %q", got)
	}

	f.open(t, "党费")
	dues := f.u.built["dues"].(*duesScreen)
	f.choose(t, 0)
	for _, b := range dues.view.branches {
		if b.Label != "第一党支部" {
			t.Errorf("党费 of %s labels a branch %q", f.name[0], b.Label)
		}
	}

	f.open(t, "党员")
	if want := []string{allBranches, "第一党支部"}; !slices.Equal(f.u.members.branch.Options, want) {
		t.Errorf("党员 of %s offers %q, want %q", f.name[0], f.u.members.branch.Options, want)
	}
	f.choose(t, -1)
	if want := []string{allBranches, qualified(0), qualified(1)}; !slices.Equal(f.u.members.branch.Options, want) {
		t.Errorf("党员 of 全部组织 offers %q, want %q", f.u.members.branch.Options, want)
	}
}

// TestCommitteeDuesAndSessionsSayTheirOrganization: in committee mode the
// 党费 grid has a 所属组织 column after 姓名, each line naming its member's
// organization; the 培训记录's 主办单位, which several organizations share
// (第一党支部), is 「组织 · 主办单位」 under 全部组织 and plain with one
// organization chosen.
func TestCommitteeDuesAndSessionsSayTheirOrganization(t *testing.T) {
	f := newTwoOrgs(t, fyne.NewSize(1366, 768))
	f.open(t, "党费")
	dues := f.u.built["dues"].(*duesScreen)
	if dues.orgCol < 0 || dues.cols[dues.orgCol].title != "所属组织" || dues.cols[dues.orgCol-1].title != "姓名" {
		t.Fatalf("党费 columns: %v", dues.cols)
	}
	if len(dues.shown) != len(f.people[0])+len(f.people[1]) {
		t.Fatalf("党费 of 全部组织 lists %d lines", len(dues.shown))
	}
	orgsSeen := map[string]bool{}
	for row, r := range dues.shown {
		org := f.orgOf(r.line.Member.ID)
		if got := dues.shownCell(row, dues.orgCol); got != f.name[org] {
			t.Errorf("党费: %s of %s says %q", r.line.Member.Name, f.name[org], got)
		}
		orgsSeen[dues.shownCell(row, dues.orgCol)] = true
		if got := dues.shownCell(row, dues.orgCol+1); got != r.cells[duesColBase] {
			t.Errorf("党费: the column after 所属组织 shows %q, want the 党费基数 %q", got, r.cells[duesColBase])
		}
	}
	if len(orgsSeen) != 2 {
		t.Errorf("党费 names the organizations %v", orgsSeen)
	}

	f.open(t, "学习培训")
	tr := f.u.training
	if len(tr.sessions.all) != 2 {
		t.Fatalf("培训记录 of 全部组织: %d sessions", len(tr.sessions.all))
	}
	for _, r := range tr.sessions.all {
		org := 0
		if r.rec.OrgID == f.id[1] {
			org = 1
		}
		if want := f.name[org] + data.BranchSeparator + "第一党支部"; r.cells[4] != want {
			t.Errorf("培训记录 of 全部组织: 主办单位 %q, want %q", r.cells[4], want)
		}
	}
	f.choose(t, 1)
	if len(tr.sessions.all) != 1 || tr.sessions.all[0].cells[4] != "第一党支部" {
		t.Errorf("培训记录 of %s: %v", f.name[1], tr.sessions.all)
	}
}
