package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The choices of the attendee picker's filters that keep everyone.
const (
	anyBranch = "全部支部"
	anyGroup  = "全部党小组"
)

// attendeePicker chooses many members: a search (姓名, 拼音首字母, 工号)
// within a branch or 党小组, a click on a match adds it, 「加入本支部全部」
// and 「加入本党小组全部」 add everyone on the rolls of the branch or 党小组
// chosen, and the chosen list, with its count, removes with 移除. Both
// lists are virtual (widget.List), so that thousands of members cost no
// more to show than a screenful.
type attendeePicker struct {
	widget.BaseWidget
	// OnChanged, when set, runs after members were added or removed.
	OnChanged func()

	index    *memberIndex
	query    *escEntry
	branch   *escSelect // the branch filter; Esc in it reaches the dialog
	group    *escSelect
	branches map[string]string // label → branch id
	groups   map[string]string // label → 党小组 id
	hits     []int
	results  *widget.List
	found    *widget.Label
	chosen   []string // member ids, in the order added
	has      map[string]bool
	list     *widget.List
	count    *widget.Label
	addAll   *widget.Button // 加入本支部全部
	addGroup *widget.Button // 加入本党小组全部
	box      fyne.CanvasObject
}

// newAttendeePicker makes a picker over the UI's member index; it follows
// the index as it is rebuilt.
func newAttendeePicker(u *UI) *attendeePicker {
	p := newAttendeesOver(u.memberDirectory().current())
	u.memberDirectory().use(p.setIndex)
	return p
}

// newAttendeesOver makes a picker over an index (nil until one is set).
func newAttendeesOver(x *memberIndex) *attendeePicker {
	p := &attendeePicker{has: map[string]bool{}}
	p.query = newEntry()
	p.query.SetPlaceHolder("输入姓名、拼音首字母或工号查找")
	p.query.OnChanged = func(string) { p.refilter() }
	p.branch = newEscSelect(nil, func(string) { p.branchChosen() })
	p.group = newEscSelect(nil, func(string) { p.refilter() })
	p.found = widget.NewLabel("")
	p.results = widget.NewList(func() int { return len(p.hits) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.hits) {
				return
			}
			e := &p.index.members[p.hits[i]]
			text := e.label()
			if p.has[e.id] {
				text = "✓ " + text
			}
			o.(*widget.Label).SetText(text)
		})
	p.results.OnSelected = func(i widget.ListItemID) {
		p.results.UnselectAll()
		p.addMatch(i)
	}
	p.count = widget.NewLabel("")
	p.list = widget.NewList(func() int { return len(p.chosen) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewButton("移除", nil), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.chosen) {
				return
			}
			box := o.(*fyne.Container)
			id := p.chosen[i]
			box.Objects[0].(*widget.Label).SetText(p.labelOf(id))
			box.Objects[1].(*widget.Button).OnTapped = func() { p.remove(id) }
		})
	p.addAll = widget.NewButton("加入本支部全部", p.addBranchMembers)
	p.addGroup = widget.NewButton("加入本党小组全部", p.addGroupMembers)
	clearAll := widget.NewButton("全部移除", func() { p.setIDs(nil); p.changed() })
	filters := container.NewGridWithColumns(2, p.branch, p.group)
	top := container.NewVBox(p.query, filters, container.NewHBox(p.addAll, p.addGroup))
	results := container.NewBorder(p.found, nil, nil, nil, p.results)
	chosen := container.NewBorder(container.NewBorder(nil, nil, nil, clearAll, p.count), nil, nil, nil, p.list)
	// Found and chosen side by side: each list has the whole height (a
	// dozen rows on a 1024×768 screen).
	p.box = container.NewBorder(top, nil, nil, nil, container.NewGridWithColumns(2, results, chosen))
	p.setIndex(x)
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer lays the picker out.
func (p *attendeePicker) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.box) }

// ids are the members chosen, in the order added.
func (p *attendeePicker) ids() []string { return append([]string(nil), p.chosen...) }

// setIDs makes the ids the members chosen, without calling OnChanged.
func (p *attendeePicker) setIDs(ids []string) {
	p.chosen, p.has = nil, make(map[string]bool, len(ids))
	for _, id := range ids {
		if !p.has[id] {
			p.has[id] = true
			p.chosen = append(p.chosen, id)
		}
	}
	p.showChosen()
}

// setIndex takes a newer index, keeping the filters and the members
// chosen.
func (p *attendeePicker) setIndex(x *memberIndex) {
	p.index = x
	keep := p.branch.Selected
	p.branches = map[string]string{}
	options := []string{anyBranch}
	if x != nil {
		for _, b := range x.branches {
			p.branches[b.Label] = b.ID
			options = append(options, b.Label)
		}
	}
	p.branch.Options = options
	if p.branches[keep] == "" {
		keep = anyBranch
	}
	p.branch.Selected = keep
	p.branch.Refresh()
	p.branchChosen()
	p.showChosen()
}

// branchChosen offers the 党小组 of the branch chosen and searches again.
func (p *attendeePicker) branchChosen() {
	branch := p.branches[p.branch.Selected]
	keep := p.group.Selected
	p.groups = map[string]string{}
	options := []string{anyGroup}
	if p.index != nil {
		for _, g := range p.index.groups {
			if branch != "" && g.branchID != branch {
				continue
			}
			label := g.label
			if branch == "" {
				label = p.branchLabel(g.branchID) + " · " + g.label
			}
			p.groups[label] = g.id
			options = append(options, label)
		}
	}
	p.group.Options = options
	if p.groups[keep] == "" {
		keep = anyGroup
	}
	p.group.Selected = keep
	p.group.Refresh()
	p.refilter()
}

func (p *attendeePicker) branchLabel(id string) string {
	for label, b := range p.branches {
		if b == id {
			return label
		}
	}
	return ""
}

// filter is the branch and 党小组 chosen.
func (p *attendeePicker) filter() memberFilter {
	return memberFilter{branchID: p.branches[p.branch.Selected], groupID: p.groups[p.group.Selected]}
}

// refilter lists the members matching the search within the filters.
func (p *attendeePicker) refilter() {
	f := p.filter()
	p.hits = p.index.search(p.query.Text, f, 0)
	p.found.SetText(fmt.Sprintf("查找结果%d人（点击加入）", len(p.hits)))
	if f.branchID == "" {
		p.addAll.Disable()
	} else {
		p.addAll.Enable()
	}
	if f.groupID == "" {
		p.addGroup.Disable()
	} else {
		p.addGroup.Enable()
	}
	p.results.Refresh()
}

// search types q into the search box, for tests.
func (p *attendeePicker) search(q string) { p.query.SetText(q) }

// chooseBranch filters by the branch with the label ("" for every branch).
func (p *attendeePicker) chooseBranch(label string) {
	if label == "" {
		label = anyBranch
	}
	p.branch.SetSelected(label)
}

// chooseGroup filters by the 党小组 with the label ("" for every one).
func (p *attendeePicker) chooseGroup(label string) {
	if label == "" {
		label = anyGroup
	}
	p.group.SetSelected(label)
}

// addMatch adds the i-th member listed.
func (p *attendeePicker) addMatch(i int) {
	if i < 0 || i >= len(p.hits) {
		return
	}
	p.add([]string{p.index.members[p.hits[i]].id})
}

// addBranchMembers adds everyone on the rolls of the branch chosen.
func (p *attendeePicker) addBranchMembers() {
	f := p.filter()
	if f.branchID == "" {
		return
	}
	p.addFiltered(memberFilter{branchID: f.branchID, activeOnly: true})
}

// addGroupMembers adds everyone on the rolls of the 党小组 chosen.
func (p *attendeePicker) addGroupMembers() {
	f := p.filter()
	if f.groupID == "" {
		return
	}
	p.addFiltered(memberFilter{groupID: f.groupID, activeOnly: true})
}

func (p *attendeePicker) addFiltered(f memberFilter) {
	hits := p.index.search("", f, 0)
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = p.index.members[h].id
	}
	p.add(ids)
}

// add chooses the members not chosen yet.
func (p *attendeePicker) add(ids []string) {
	n := len(p.chosen)
	for _, id := range ids {
		if !p.has[id] {
			p.has[id] = true
			p.chosen = append(p.chosen, id)
		}
	}
	if len(p.chosen) != n {
		p.showChosen()
		p.changed()
	}
}

// remove takes the member out of the members chosen.
func (p *attendeePicker) remove(id string) {
	if !p.has[id] {
		return
	}
	delete(p.has, id)
	for i, c := range p.chosen {
		if c == id {
			p.chosen = append(p.chosen[:i:i], p.chosen[i+1:]...)
			break
		}
	}
	p.showChosen()
	p.changed()
}

func (p *attendeePicker) changed() {
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

// showChosen refreshes the chosen list, its count and the marks of the
// matches.
func (p *attendeePicker) showChosen() {
	p.count.SetText(fmt.Sprintf("已选%d人", len(p.chosen)))
	p.list.Refresh()
	p.results.Refresh()
}

// labelOf shows a member chosen.
func (p *attendeePicker) labelOf(id string) string {
	if e, ok := p.index.get(id); ok {
		return e.label()
	}
	if p.index == nil {
		return "（正在读取…）"
	}
	return "（已删除的党员）"
}
