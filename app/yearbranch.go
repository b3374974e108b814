package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// yearBranch is the 年度 and 党支部 choice atop the 民主评议 and 目标管理
// screens; changed runs when either changes, and once the branches are
// read and the first is chosen. In committee mode it offers the branches
// of the organization the screens look at.
type yearBranch struct {
	u       *UI
	year    *widget.Select
	branch  *branchSelect
	orgs    map[string]string // branch id → its organization's id
	changed func()
	loads   *loader
}

func newYearBranch(u *UI, changed func()) *yearBranch {
	yb := &yearBranch{u: u, changed: changed, loads: newLoader(u)}
	yb.year = newYearSelect(u.store.Now())
	yb.year.OnChanged = func(string) { yb.changed() }
	yb.branch = newBranchSelect("")
	yb.branch.PlaceHolder = "选择党支部"
	yb.branch.OnChanged = func(string) { yb.changed() }
	yb.reload()
	return yb
}

// reload reads the branches to offer (those of the organization the
// screens look at), keeping the branch chosen when it is among them.
func (yb *yearBranch) reload() {
	store, orgID := yb.u.store, yb.u.orgScopeID()
	load(yb.loads, func(ctx context.Context) ([]data.BranchRef, error) {
		return branchRefsIn(ctx, store, orgID)
	}, func(refs []data.BranchRef, err error) {
		if err != nil {
			yb.u.showError(err)
			return
		}
		yb.orgs = make(map[string]string, len(refs))
		for _, r := range refs {
			yb.orgs[r.ID] = r.OrgID
		}
		yb.branch.set(refs)
		yb.changed() // with no branch to choose, the screen shows none
	})
}

// figuresOrg is the organization whose figures the branch chosen is
// counted in: in committee mode the branch's own organization (its own
// settings), otherwise "" (the database's).
func (yb *yearBranch) figuresOrg() string {
	if !yb.u.inCommittee() {
		return ""
	}
	return yb.orgs[yb.branch.id()]
}

// selected returns the year and branch chosen; ok is false until both are.
func (yb *yearBranch) selected() (year int, branchID string, ok bool) {
	year, branchID = selectedYear(yb.year), yb.branch.id()
	return year, branchID, year != 0 && branchID != ""
}

// selectBranch chooses the branch shown under label.
func (yb *yearBranch) selectBranch(label string) { yb.branch.SetSelected(label) }

func (yb *yearBranch) view() fyne.CanvasObject {
	// A fixed width: room for 「组织 · 支部」 without widening the screen.
	wide := container.NewGridWrap(fyne.NewSize(200, yb.branch.MinSize().Height), yb.branch.Select)
	return container.NewHBox(widget.NewLabel("年度"), yb.year, widget.NewLabel("党支部"), wide)
}

// branchMembers lists a branch's members on the rolls, by name.
func branchMembers(ctx context.Context, q data.Tables, branchID string) ([]data.Member, error) {
	return q.Members.List(ctx, data.Where(data.ColBranchID, branchID), data.WhereIn(data.ColStatus, data.ActiveStatuses),
		data.OrderBy(data.ColName))
}

// memberIDs are the members' ids, in order.
func memberIDs(ms []data.Member) []string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}
