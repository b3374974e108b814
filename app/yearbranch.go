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
// read and the first is chosen.
type yearBranch struct {
	year    *widget.Select
	branch  *branchSelect
	changed func()
}

func newYearBranch(u *UI, changed func()) *yearBranch {
	yb := &yearBranch{changed: changed}
	yb.year = newYearSelect(u.store.Now())
	yb.year.OnChanged = func(string) { yb.changed() }
	yb.branch = newBranchSelect("")
	yb.branch.PlaceHolder = "选择党支部"
	yb.branch.OnChanged = func(string) { yb.changed() }
	store := u.store
	load(newLoader(u), store.BranchRefs, func(refs []data.BranchRef, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		yb.branch.set(refs)
		if yb.branch.id() != "" {
			yb.changed()
		}
	})
	return yb
}

// selected returns the year and branch chosen; ok is false until both are.
func (yb *yearBranch) selected() (year int, branchID string, ok bool) {
	year, branchID = selectedYear(yb.year), yb.branch.id()
	return year, branchID, year != 0 && branchID != ""
}

// selectBranch chooses the branch shown under label.
func (yb *yearBranch) selectBranch(label string) { yb.branch.SetSelected(label) }

func (yb *yearBranch) view() fyne.CanvasObject {
	return container.NewHBox(widget.NewLabel("年度"), yb.year, widget.NewLabel("党支部"), yb.branch.Select)
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
