package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// membersScreen is the 党员 screen: a searchable, filterable table.
type membersScreen struct {
	u        *UI
	loads    *loader
	all      []memberRow
	shown    []memberRow
	search   *widget.Entry
	branch   *branchSelect
	flag     *widget.Select
	sortCol  int // column sorted by, -1 for none
	sortDesc bool
	count    *widget.Label
	table    *widget.Table
	dialog   *memberDialog // the member form last opened
}

// allFlags is the situation choice that shows every member.
const allFlags = "全部党员"

func newMembersScreen(u *UI) fyne.CanvasObject {
	s := &membersScreen{u: u, loads: newLoader(u)}
	u.members = s
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("搜索姓名、公民身份号码、工号或学号")
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.branch = newBranchSelect(allBranches)
	s.branch.OnChanged = func(string) { s.applyFilter() }
	s.sortCol = -1
	s.flag = widget.NewSelect(append([]string{allFlags}, memberFlags...), func(string) { s.applyFilter() })
	s.flag.SetSelected(allFlags)
	s.count = widget.NewLabel("正在读取…")
	s.table = truncated(columnTable(memberColumns, func() int { return len(s.shown) },
		func(row, col int) string { return s.shown[row].cells[col] }))
	s.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			b := o.(*widget.Button)
			title := memberColumns[id.Col].title
			if id.Col == s.sortCol {
				title += map[bool]string{false: " ▲", true: " ▼"}[s.sortDesc]
			}
			b.SetText(title)
			col := id.Col
			b.OnTapped = func() { s.sortBy(col) }
		}
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.shown) {
			s.openMember(s.shown[id.Row].id)
		}
		s.table.UnselectAll()
	}
	add := widget.NewButton("新增党员", func() { s.openMember("") })
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.branch.Select, s.flag, s.count, add), s.search)
	s.load()
	return container.NewBorder(top, nil, nil, nil, s.table)
}

// memberData is what the screen reads.
type memberData struct {
	rows     []memberRow
	branches []data.BranchRef
}

func (s *membersScreen) load() {
	store := s.u.store
	load(s.loads, func(ctx context.Context) (memberData, error) {
		branches, err := store.BranchRefs(ctx)
		if err != nil {
			return memberData{}, err
		}
		names := make(map[string]string, len(branches))
		for _, b := range branches {
			names[b.ID] = b.Name
		}
		members, err := store.Members.List(ctx, data.OrderBy(data.ColBranchID, data.ColName))
		if err != nil {
			return memberData{}, err
		}
		return memberData{rows: memberRows(members, names), branches: branches}, nil
	}, func(d memberData, err error) {
		if err != nil {
			s.count.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.all = d.rows
		if s.sortCol >= 0 {
			sortMembers(s.all, s.sortCol, s.sortDesc)
		}
		s.branch.set(d.branches)
		s.applyFilter()
	})
}

// applyFilter shows the rows matching the search text and branch.
func (s *membersScreen) applyFilter() {
	if s.table == nil {
		return
	}
	flag := ""
	if s.flag != nil && s.flag.Selected != allFlags {
		flag = s.flag.Selected
	}
	s.shown = filterMembers(s.all, s.search.Text, s.branch.id(), flag)
	s.count.SetText(fmt.Sprintf("共%d人", len(s.shown)))
	s.table.Refresh()
}

// sortBy sorts the table by a column; a second tap reverses the order.
func (s *membersScreen) sortBy(col int) {
	if s.sortCol == col {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortCol, s.sortDesc = col, false
	}
	// Sorting all rows once keeps each keystroke's filter a plain scan.
	sortMembers(s.all, s.sortCol, s.sortDesc)
	s.applyFilter()
}
