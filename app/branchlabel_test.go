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
