package app

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/vocab"
)

// attendanceSearchFrom is the size of a list from which the meeting
// dialog's attendance offers a search by name.
const attendanceSearchFrom = 20

// attendee is one member listed in the meeting dialog's attendance.
type attendee struct {
	id       string
	name     string
	initials string // 拼音首字母, for the search
	pinyin   string
	label    string // the name, with the branch when of another, and the status when off the rolls
}

// person is a member read for the attendance, with the name's 拼音 worked
// out off the UI goroutine.
type person struct {
	data.Member
	initials, pinyin string
}

// attendanceList is the meeting dialog's 出席情况: the branch's members on
// the rolls and anyone already recorded, each with a 出席/请假/缺席 choice
// and, for 请假 and 缺席, a short entry for the reason (出差, 病假…), in a
// virtualized list (a branch of hundreds builds a screenful of rows), with
// a search by name when the list is long. The choices and reasons are kept
// by member id, so that they survive a change of branch or search.
type attendanceList struct {
	people []attendee        // listed, in order
	status map[string]string // member id → 出席/请假/缺席 chosen
	reason map[string]string // member id → the reason typed (kept while 出席, not saved)
	shown  []int             // indices into people that match the search
	search *escEntry         // 搜索姓名, shown for a long list
	list   *widget.List      // the rows of shown
	tally  *widget.Label     // 出席N人,请假N人,缺席N人
	empty  *widget.Label     // 「请先选择支部」 when nobody is listed
	box    fyne.CanvasObject // the whole, for the dialog
	fresh  bool              // a new meeting: members listed unchosen start at 出席
	edited func()            // called when a choice changes
}

// newAttendanceList lists the attendance with the reasons recorded (member
// id → reason; either map may be nil).
func newAttendanceList(status, reasons map[string]string, fresh bool) *attendanceList {
	a := &attendanceList{status: status, reason: maps.Clone(reasons), fresh: fresh, tally: widget.NewLabel(""),
		empty: widget.NewLabel("请先选择支部")}
	if a.status == nil {
		a.status = map[string]string{}
	}
	if a.reason == nil {
		a.reason = map[string]string{}
	}
	a.search = newEntry()
	a.search.SetPlaceHolder("搜索姓名或拼音首字母")
	a.search.OnChanged = func(string) { a.filter() }
	a.search.Hide()
	a.list = widget.NewList(func() int { return len(a.shown) }, a.createRow, a.updateRow)
	all := widget.NewButton("全部出席", a.allPresent)
	top := container.NewBorder(nil, a.search, widget.NewLabel("出席情况"), all)
	a.box = container.NewBorder(top, a.tally, nil, nil, container.NewStack(a.list, container.NewVBox(a.empty)))
	return a
}

// reasonWidth is the width of a row's entry for the reason: four or five
// characters show (出差, 病假, 外出学习).
const reasonWidth = 110

// createRow is a list row: the name, then a button per choice, the one
// chosen highlighted (plain buttons: a row of radio icons costs far more
// to draw, and a dialog shows dozens of rows at once), then the entry for
// the reason of 请假 or 缺席.
func (a *attendanceList) createRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	choices := container.NewHBox()
	for _, v := range data.Attendances {
		choices.Add(widget.NewButton(v, nil))
	}
	reason := newEntry()
	reason.SetPlaceHolder(reasonHint)
	box := container.NewGridWrap(fyne.NewSize(reasonWidth, reason.MinSize().Height), reason)
	return container.NewBorder(nil, nil, nil, container.NewHBox(choices, box), name)
}

// reasonHint is the placeholder of the reason's entry.
const reasonHint = "原因"

// rowParts are the widgets of a list row.
func rowParts(o fyne.CanvasObject) (*widget.Label, []fyne.CanvasObject, *escEntry) {
	c := o.(*fyne.Container)
	right := c.Objects[1].(*fyne.Container)
	return c.Objects[0].(*widget.Label), right.Objects[0].(*fyne.Container).Objects,
		right.Objects[1].(*fyne.Container).Objects[0].(*escEntry)
}

// updateRow shows the shown member i in a row: a tap on a choice sets the
// member's attendance (a second tap keeps it: a choice is not cleared).
func (a *attendanceList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(a.shown) {
		return
	}
	p := a.people[a.shown[i]]
	l, buttons, reason := rowParts(o)
	if l.Text != p.label {
		l.SetText(p.label)
	}
	a.showReason(reason, p.id)
	for _, b := range buttons {
		b := b.(*widget.Button)
		v := b.Text
		want := widget.MediumImportance
		if a.status[p.id] == v {
			want = widget.HighImportance
		}
		if b.Importance != want {
			b.Importance = want
			b.Refresh()
		}
		b.OnTapped = func() {
			a.status[p.id] = v
			a.list.RefreshItem(i)
			a.changed()
		}
	}
}

// showReason binds a row's entry to the member's reason: editable for 请假
// and 缺席, empty and disabled for 出席 (a reason typed before stays, and
// shows again if the member is marked absent once more).
func (a *attendanceList) showReason(e *escEntry, id string) {
	e.OnChanged = nil // a recycled row must not write the previous member's
	absent := a.status[id] != "" && a.status[id] != string(vocab.Present)
	text := ""
	if absent {
		text = a.reason[id]
	}
	if e.Text != text {
		e.SetText(text)
	}
	if absent && e.Disabled() {
		e.Enable()
	} else if !absent && !e.Disabled() {
		e.Disable()
	}
	e.OnChanged = func(s string) {
		a.reason[id] = s
		if a.edited != nil {
			a.edited()
		}
	}
}

// set lists the members: those of branch on the rolls, then the others
// recorded. Choices made so far are kept; on a new meeting the members
// without one start at 出席. labels names the branches, by id.
func (a *attendanceList) set(members []person, branch string, recorded map[string]bool, labels map[string]string) {
	a.people = a.people[:0]
	seen := map[string]bool{}
	add := func(m *person) {
		if seen[m.ID] {
			return
		}
		seen[m.ID] = true
		label := m.Name
		if string(m.BranchID) != branch {
			label += "（" + labels[string(m.BranchID)] + "）"
		}
		if !m.Active() {
			label += "[" + m.Status + "]"
		}
		a.people = append(a.people, attendee{id: m.ID, name: m.Name, initials: m.initials, pinyin: m.pinyin, label: label})
		if _, ok := a.status[m.ID]; !ok && a.fresh {
			a.status[m.ID] = string(vocab.Present)
		}
	}
	for i := range members {
		if m := &members[i]; branch != "" && string(m.BranchID) == branch && m.Active() {
			add(m)
		}
	}
	for i := range members {
		if m := &members[i]; recorded[m.ID] {
			add(m)
		}
	}
	a.search.Hidden = len(a.people) < attendanceSearchFrom
	a.search.Refresh()
	a.empty.Hidden = len(a.people) > 0
	a.empty.Refresh()
	a.filter()
}

// filter shows the people the search finds: by name, 拼音首字母 or 拼音.
func (a *attendanceList) filter() {
	q := a.search.Text
	a.shown = a.shown[:0]
	for i, p := range a.people {
		if hanzi.Matches(q, p.name, p.initials, p.pinyin) {
			a.shown = append(a.shown, i)
		}
	}
	a.list.Refresh()
	a.showTally()
}

// allPresent marks every member shown 出席.
func (a *attendanceList) allPresent() {
	for _, i := range a.shown {
		a.status[a.people[i].id] = string(vocab.Present)
	}
	a.list.Refresh()
	a.changed()
}

func (a *attendanceList) changed() {
	a.showTally()
	if a.edited != nil {
		a.edited()
	}
}

// attendance is the attendance as chosen of the members listed: member id
// → status.
func (a *attendanceList) attendance() map[string]string {
	out := map[string]string{}
	for _, p := range a.people {
		if v := a.status[p.id]; v != "" {
			out[p.id] = v
		}
	}
	return out
}

func (a *attendanceList) showTally() {
	var counts [3]int
	for _, v := range a.attendance() {
		if k := slices.Index(vocab.Attendances, vocab.Attendance(v)); k >= 0 {
			counts[k]++
		}
	}
	text := fmt.Sprintf("出席%d人，请假%d人，缺席%d人", counts[0], counts[1], counts[2])
	if len(a.shown) < len(a.people) {
		text = fmt.Sprintf("显示%d人，共%d人；", len(a.shown), len(a.people)) + text
	}
	a.tally.SetText(text)
}

// reasons are the reasons typed for the members listed 请假 or 缺席:
// member id → reason, blanks trimmed, those without one left out.
func (a *attendanceList) reasons() map[string]string {
	out := map[string]string{}
	for _, p := range a.people {
		st := a.status[p.id]
		if st == "" || st == string(vocab.Present) {
			continue
		}
		if r := strings.TrimSpace(a.reason[p.id]); r != "" {
			out[p.id] = r
		}
	}
	return out
}

// choose sets the attendance of the listed member by name (for tests and
// keyboard use); false when nobody listed has the name.
func (a *attendanceList) choose(name, status string) bool {
	for _, p := range a.people {
		if p.name == name {
			a.status[p.id] = status
			a.list.Refresh()
			a.changed()
			return true
		}
	}
	return false
}

// readAttendees reads the members the dialog lists for a branch: its
// members, and those of recorded (member ids) wherever they are now,
// ordered by 拼音. Only these are read, not the whole organization.
func readAttendees(ctx context.Context, store *data.Store, branch string, recorded []string) ([]person, error) {
	var out []data.Member
	if branch != "" {
		ms, err := store.Members.List(ctx, data.Where(data.ColBranchID, branch))
		if err != nil {
			return nil, err
		}
		out = ms
	}
	listed := make(map[string]bool, len(out))
	for _, m := range out {
		listed[m.ID] = true
	}
	var others []string
	for _, id := range recorded {
		if !listed[id] {
			others = append(others, id)
		}
	}
	for len(others) > 0 {
		n := min(len(others), 500)
		ms, err := store.Members.List(ctx, data.WhereIn(data.ColID, others[:n]))
		if err != nil {
			return nil, err
		}
		out = append(out, ms...)
		others = others[n:]
	}
	people := make([]person, len(out))
	keys := make(map[string]string, len(out))
	for i, m := range out {
		people[i] = person{Member: m, initials: hanzi.Initials(m.Name), pinyin: hanzi.Pinyin(m.Name)}
		keys[m.ID] = hanzi.PinyinKey(m.Name)
	}
	slices.SortStableFunc(people, func(a, b person) int {
		return cmp.Or(strings.Compare(keys[a.ID], keys[b.ID]), strings.Compare(a.Name, b.Name))
	})
	return people, nil
}
