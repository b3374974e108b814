package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// membersScreen is the 党员 screen: a searchable, filterable table.
type membersScreen struct {
	u         *UI
	loads     *loader
	all       []memberRow
	versions  map[string]int64 // member id → the version the rows show
	shown     []memberRow
	search    *escEntry
	branch    *branchSelect
	flag      *widget.Select
	nameOrder *widget.Select // 姓名排序: 按拼音 or 按姓氏笔画
	sortCol   int            // column sorted by, -1 for the default order
	sortDesc  bool
	count     *widget.Label
	table     memberTable
	dialog    *memberDialog // the member form last opened
}

// memberTable is the 党员 table.
type memberTable struct{ *dataTable }

// Length is the rows and columns the table widget shows.
func (t memberTable) Length() (int, int) { return t.table.Length() }

// allFlags is the situation choice that shows every member.
const allFlags = "全部党员"

// memberDeleteNote is what the confirmation of a member's deletion adds.
const memberDeleteNote = "党员转出、停止党籍或去世请在党员信息中修改党籍状态；删除只用于录入错误。"

// newMembersScreen builds the 党员 screen and starts reading the members.
func newMembersScreen(u *UI) fyne.CanvasObject {
	s := &membersScreen{u: u, loads: newLoader(u), sortCol: -1}
	u.members = s
	s.search = newEntry()
	s.search.SetPlaceHolder("搜索姓名、拼音首字母、公民身份号码、工号或学号")
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.branch = newBranchSelect(allBranches)
	s.branch.OnChanged = func(string) { s.applyFilter() }
	s.flag = widget.NewSelect(append([]string{allFlags}, memberFlags...), func(string) { s.applyFilter() })
	s.flag.SetSelected(allFlags)
	prefs := u.app.Preferences()
	s.nameOrder = widget.NewSelect(nameOrderTexts, nil)
	s.nameOrder.SetSelected(nameOrderTexts[nameOrderOf(prefs.String(prefNameOrder))])
	s.nameOrder.OnChanged = func(text string) {
		prefs.SetString(prefNameOrder, text)
		s.sortRows(s.sortCol, s.sortDesc)
	}
	s.count = widget.NewLabel("正在读取…")
	name, cols := "党员", memberColumns
	if u.inCommittee() {
		name, cols = "党员·党委汇总", committeeMemberColumns
	}
	s.table.dataTable = newDataTable(u, name, cols, func() int { return len(s.shown) },
		func(row, col int) string {
			if row < 0 || row >= len(s.shown) {
				return ""
			}
			return s.shown[row].cells[col]
		},
		rowActions{open: func(row int) {
			switch {
			case row < 0 || row >= len(s.shown):
			case u.inCommittee(): // the organizations keep their members
				u.viewMember(s.shown[row].id)
			default:
				s.openMember(s.shown[row].id)
			}
		}, remove: u.editable(s.removeRow)})
	s.table.sortable(s.sortRows)
	add := widget.NewButton("新增党员", func() { s.openMember("") })
	printForm := widget.NewButton("打印…", s.printSelected)
	filters := container.NewHBox(s.branch.Select, s.flag, widget.NewLabel("姓名排序"), s.nameOrder, s.count, add, printForm)
	if u.inCommittee() {
		add.Hide() // the organizations keep their members
	}
	top := container.NewBorder(nil, nil, nil, filters, s.search)
	s.load()
	return u.scoped(container.NewBorder(top, nil, nil, nil, s.table.object()), s.load)
}

// memberData is what the screen reads.
type memberData struct {
	rows     []memberRow
	versions map[string]int64
	branches []data.BranchRef
}

// load reads the members and sorts them off the UI goroutine, in the
// order chosen when the load starts.
func (s *membersScreen) load() {
	store, orgID, committee := s.u.store, s.u.orgScopeID(), s.u.inCommittee()
	col, desc, order := s.sortCol, s.sortDesc, nameOrderOf(s.nameOrder.Selected)
	load(s.loads, func(ctx context.Context) (memberData, error) {
		branches, err := branchRefsIn(ctx, store, orgID)
		if err != nil {
			return memberData{}, err
		}
		names := make(map[string]string, len(branches))
		for _, b := range branches {
			names[b.ID] = b.Label
		}
		members, err := store.Members.List(ctx, data.InOrg(orgID))
		if err != nil {
			return memberData{}, err
		}
		var orgs map[string]string
		if committee {
			if orgs, err = orgNames(ctx, store); err != nil {
				return memberData{}, err
			}
		}
		versions := make(map[string]int64, len(members))
		for i := range members {
			versions[members[i].ID] = members[i].Version
		}
		rows := memberRowsIn(members, names, orgs)
		sortMembers(rows, col, desc, order)
		return memberData{rows: rows, versions: versions, branches: branches}, nil
	}, func(d memberData, err error) {
		if err != nil {
			s.count.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.all, s.versions = d.rows, d.versions
		s.branch.set(d.branches)
		if col != s.sortCol || desc != s.sortDesc || order != nameOrderOf(s.nameOrder.Selected) {
			s.sortRows(s.sortCol, s.sortDesc) // the order changed meanwhile
			return
		}
		s.applyFilter()
	})
}

// applyFilter shows the rows matching the search text and branch.
func (s *membersScreen) applyFilter() {
	if s.table.dataTable == nil {
		return
	}
	flag := ""
	if s.flag != nil && s.flag.Selected != allFlags {
		flag = s.flag.Selected
	}
	s.shown = filterMembers(s.all, s.search.Text, s.branch.id(), flag)
	s.count.SetText(countText(len(s.shown), len(s.all), "人"))
	s.table.refresh()
}

// sortRows orders the table by a column (姓名 in the 姓名排序 chosen), or
// by branch and 姓名 for col -1.
func (s *membersScreen) sortRows(col int, desc bool) {
	if col >= len(memberColumns) && (col != memberOrgCol || !s.u.inCommittee()) {
		col = -1
	}
	s.sortCol, s.sortDesc = col, desc
	// Sorting all rows once keeps each keystroke's filter a plain scan.
	sortMembers(s.all, col, desc, nameOrderOf(s.nameOrder.Selected))
	s.applyFilter()
}

// sortBy sorts the table by a column; a second call reverses the order.
func (s *membersScreen) sortBy(col int) {
	desc := s.sortCol == col && !s.sortDesc
	s.sortRows(col, desc)
}

// removeRow deletes the member shown at row after a confirmation that
// says leaving the party is a status, not a deletion; the store refuses
// when records refer to the member, and when the member was changed
// since the row was read (the version confirmed is the one deleted).
func (s *membersScreen) removeRow(row int) {
	if row < 0 || row >= len(s.shown) {
		return
	}
	r := s.shown[row]
	store, id := s.u.store, r.id
	shown := &data.Member{Meta: data.Meta{ID: id, Version: s.versions[id]}}
	what := "党员“" + r.cells[0] + "（" + r.cells[2] + "）”"
	s.u.deleteWithUndoNote(what, memberDeleteNote,
		func(ctx context.Context) error { return store.Members.Delete(ctx, shown) },
		func(ctx context.Context) error { return store.Members.Restore(ctx, id) },
		s.load)
}
