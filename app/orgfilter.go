package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// allOrgs is the 二级党组织 choice that shows the whole university.
const allOrgs = "全部组织"

// orgFilter is the 二级党组织 choice atop a screen in committee mode. It
// shows the one filter every screen shares (orgScope): choosing an
// organization on one screen makes every screen look at it.
type orgFilter struct {
	*widget.Select
	u      *UI
	ids    map[string]string // label → organization id
	labels map[string]string // organization id → label
}

// scoped puts the 二级党组织 filter above a screen's content in committee
// mode; changed runs on the UI goroutine whenever the filter changes,
// here or on another screen, while the screen is shown. Outside committee
// mode the content is returned as it is and changed never runs.
func (u *UI) scoped(content fyne.CanvasObject, changed func()) fyne.CanvasObject {
	if !u.inCommittee() {
		return content
	}
	f := u.newOrgFilter()
	u.onOrgScope(func(string) {
		f.show()
		if changed != nil {
			changed()
		}
	})
	wide := container.NewGridWrap(fyne.NewSize(orgFilterWidth, f.MinSize().Height), f.Select)
	note := widget.NewLabel(viewOnlyNote)
	note.Importance = widget.LowImportance
	note.Truncation = fyne.TextTruncateEllipsis
	row := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("二级党组织"), wide), nil, note)
	return container.NewBorder(row, nil, nil, nil, content)
}

// orgFilterWidth is the width of the choice: room for a long name such
// as 马克思主义学院党委.
const orgFilterWidth = 260

// newOrgFilter makes the choice and reads the organizations (once per
// database) to offer.
func (u *UI) newOrgFilter() *orgFilter {
	f := &orgFilter{u: u, Select: widget.NewSelect([]string{allOrgs}, nil)}
	f.Selected = allOrgs
	f.OnChanged = func(label string) { u.setOrgScope(f.ids[label]) }
	u.scope.filter = f
	store := u.store
	if u.scope.store == store && u.scope.orgs != nil {
		f.set(u.scope.orgs)
		return f
	}
	load(newLoader(u), store.OrgsInOrder, func(orgs []data.Org, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.scope.orgs, u.scope.store = orgs, store
		f.set(orgs)
		if id := u.orgScopeID(); id != "" && f.labels[id] == "" {
			u.setOrgScope("") // not in this database (consolidated again without it)
		}
	})
	return f
}

// set offers the organizations, under 全部组织, and shows the one the
// screens look at.
func (f *orgFilter) set(orgs []data.Org) {
	labels := orgLabels(orgs)
	f.ids = make(map[string]string, len(orgs))
	f.labels = make(map[string]string, len(orgs))
	options := []string{allOrgs}
	for i, o := range orgs {
		f.ids[labels[i]], f.labels[o.ID] = o.ID, labels[i]
		options = append(options, labels[i])
	}
	f.Options = options
	f.show()
}

// show selects the organization the screens look at, without telling
// anyone: the scope already holds it.
func (f *orgFilter) show() {
	label := allOrgs
	if id := f.u.orgScopeID(); id != "" && f.labels[id] != "" {
		label = f.labels[id]
	}
	f.Selected = label
	f.Refresh()
}

// choose makes the screens look at the organization with the id ("" for
// the whole university), as a choice of the user's does.
func (f *orgFilter) choose(id string) {
	if id == "" {
		f.SetSelected(allOrgs)
		return
	}
	f.SetSelected(f.labels[id])
}

// orgLabels are the organizations' names, numbered (数学学院党委（2）) where
// several share one, so that each stays a choice of its own.
func orgLabels(orgs []data.Org) []string {
	count := map[string]int{}
	for _, o := range orgs {
		count[o.Name]++
	}
	seen := map[string]int{}
	labels := make([]string, len(orgs))
	for i, o := range orgs {
		labels[i] = o.Name
		if count[o.Name] > 1 {
			seen[o.Name]++
			labels[i] += "（" + strconv.Itoa(seen[o.Name]) + "）"
		}
	}
	return labels
}

// orgNames maps each organization's id to its name, for the screens'
// 所属组织 column; read with the rest of a screen's data.
func orgNames(ctx context.Context, store *data.Store) (map[string]string, error) {
	orgs, err := store.Orgs.List(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(orgs))
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	return names, nil
}
