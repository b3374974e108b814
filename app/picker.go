package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pickerLimit is how many matches a member picker lists.
const pickerLimit = 50

// memberPicker chooses one member by typing: 姓名, 拼音首字母 (zs finds
// 张三), 拼音 or 工号或学号. Up to pickerLimit matches show below the field
// as 姓名 · 工号 · 支部; Up/Down and Enter, or a click, choose one; the
// field then shows the member chosen, and the clear button empties it.
type memberPicker struct {
	widget.BaseWidget
	// OnChanged, when set, runs after the user chose or cleared a member.
	OnChanged func(id string)
	// OnSubmit, when set, runs when Enter is pressed with no match listed.
	OnSubmit func()

	index   *memberIndex
	filter  memberFilter
	chosen  string // the member's id, "" when none
	shown   string // the text the field shows for the member chosen
	entry   *pickerEntry
	hits    []int // positions in the index of the matches listed
	cursor  int   // the match Up/Down point at
	list    *widget.List
	results *fyne.Container
	box     *fyne.Container
	setting bool // the field's text is being set, not typed
}

// newMemberPicker makes a picker over the UI's member index; it follows
// the index as it is rebuilt.
func newMemberPicker(u *UI) *memberPicker {
	p := newPickerOver(u.memberDirectory().current())
	u.memberDirectory().use(p.setIndex)
	return p
}

// newPickerOver makes a picker over an index (nil until one is set).
func newPickerOver(x *memberIndex) *memberPicker {
	p := &memberPicker{index: x}
	p.entry = newPickerEntry(p)
	p.entry.SetPlaceHolder("输入姓名、拼音首字母或工号搜索")
	p.entry.OnChanged = p.typed
	p.list = widget.NewList(func() int { return len(p.hits) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if i >= len(p.hits) {
				return
			}
			l.TextStyle.Bold = i == p.cursor
			l.SetText(p.index.members[p.hits[i]].label())
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.UnselectAll()
		p.choose(i)
	}
	size := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	size.SetMinSize(fyne.NewSize(320, 180))
	p.results = container.NewStack(size, p.list)
	p.results.Hide()
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), p.clear)
	clear.Importance = widget.LowImportance
	p.box = container.NewVBox(container.NewBorder(nil, nil, nil, clear, p.entry), p.results)
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer lays the field, its clear button and the matches out.
func (p *memberPicker) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.box) }

// id is the member chosen, "" when none.
func (p *memberPicker) id() string { return p.chosen }

// setID shows the member with the id as chosen ("" for none), without
// calling OnChanged.
func (p *memberPicker) setID(id string) {
	p.chosen = id
	p.showChosen()
	p.hideResults()
}

// setIndex takes a newer index, keeping the member chosen and the search.
func (p *memberPicker) setIndex(x *memberIndex) {
	p.index = x
	switch {
	case p.chosen != "":
		p.showChosen()
	case p.entry.Text != "":
		p.search(p.entry.Text) // what was typed before the members were read
	}
}

// showChosen writes the member chosen into the field.
func (p *memberPicker) showChosen() {
	p.shown = ""
	if e, ok := p.index.get(p.chosen); ok {
		p.shown = e.label()
	} else if p.chosen != "" {
		p.shown = "（正在读取…）"
	}
	p.setting = true
	p.entry.SetText(p.shown)
	p.setting = false
}

// typed searches as the user types; editing the text of a member chosen
// drops the choice.
func (p *memberPicker) typed(text string) {
	if p.setting || text == p.shown && p.chosen != "" {
		return
	}
	if p.chosen != "" {
		p.chosen, p.shown = "", ""
		if p.OnChanged != nil {
			p.OnChanged("")
		}
	}
	p.search(text)
}

// search lists the members matching q (nothing when q is blank).
func (p *memberPicker) search(q string) {
	p.hits, p.cursor = nil, 0
	if q != "" {
		p.hits = p.index.search(q, p.filter, pickerLimit)
	}
	p.list.Refresh()
	if len(p.hits) == 0 {
		p.hideResults()
		return
	}
	p.list.ScrollToTop()
	p.results.Show()
	p.box.Refresh()
}

// matches are the labels of the members listed, for tests.
func (p *memberPicker) matches() []string {
	out := make([]string, len(p.hits))
	for i, h := range p.hits {
		out[i] = p.index.members[h].label()
	}
	return out
}

// choose takes the i-th match listed.
func (p *memberPicker) choose(i int) {
	if i < 0 || i >= len(p.hits) {
		return
	}
	p.chosen = p.index.members[p.hits[i]].id
	p.showChosen()
	p.hideResults()
	if p.OnChanged != nil {
		p.OnChanged(p.chosen)
	}
}

// clear drops the member chosen and the search.
func (p *memberPicker) clear() {
	had := p.chosen != ""
	p.chosen = ""
	p.showChosen()
	p.hideResults()
	if had && p.OnChanged != nil {
		p.OnChanged("")
	}
}

func (p *memberPicker) hideResults() {
	p.hits = nil
	if p.results.Visible() {
		p.results.Hide()
		p.box.Refresh()
	}
}

// move points the cursor at the next (+1) or previous (-1) match.
func (p *memberPicker) move(by int) {
	if len(p.hits) == 0 {
		return
	}
	p.cursor = (p.cursor + by + len(p.hits)) % len(p.hits)
	p.list.Refresh()
	p.list.ScrollTo(p.cursor)
}

// pickerEntry is the picker's text field: Up/Down move among the matches,
// Enter chooses the one pointed at, Esc closes the list; with no list,
// Enter submits and Esc goes to the window, as in any dialog field.
type pickerEntry struct {
	widget.Entry
	p *memberPicker
}

func newPickerEntry(p *memberPicker) *pickerEntry {
	e := &pickerEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the keys that work the list of matches.
func (e *pickerEntry) TypedKey(ev *fyne.KeyEvent) {
	open := e.p.results.Visible() && len(e.p.hits) > 0
	switch {
	case ev.Name == fyne.KeyDown && open:
		e.p.move(1)
	case ev.Name == fyne.KeyUp && open:
		e.p.move(-1)
	case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && open:
		e.p.choose(e.p.cursor)
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		if e.p.OnSubmit != nil {
			e.p.OnSubmit()
		}
	case ev.Name == fyne.KeyEscape && open:
		e.p.hideResults()
	case ev.Name == fyne.KeyEscape:
		passKey(e, ev)
	default:
		e.Entry.TypedKey(ev)
	}
}
