package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// meetingsScreen is the 组织生活 screen: the year's meetings (三会一课,
// 主题党日, …) of one branch or all, with their attendance counts, the
// months without a 主题党日, and a dialog to record or edit a meeting with
// each member's 出席/请假/缺席.
type meetingsScreen struct {
	u      *UI
	year   *widget.Select
	branch *branchSelect
	count  *widget.Label
	gaps   *widget.Label // months without a 主题党日
	table  *widget.Table
	rows   []meetingRow
	dialog *meetingDialog // the dialog last opened
	loads  *loader
}

// meetingRow is one meeting as listed, with its attendance counts.
type meetingRow struct {
	meeting data.Meeting
	branch  string
	counts  [3]int // 出席, 请假, 缺席, in data.Attendances order
}

var meetingColumns = []column{{"日期", 100}, {"所在支部", 200}, {"类型", 110}, {"主题", 280}, {"主持人", 90}, {"出席", 60}, {"请假", 60}, {"缺席", 60}}

func newMeetingsScreen(u *UI) fyne.CanvasObject {
	s := &meetingsScreen{u: u, loads: newLoader(u)}
	u.keep("meetings", s)
	s.year = newYearSelect(u.store.Now())
	s.branch = newBranchSelect(allBranches)
	s.count = widget.NewLabel("正在读取…")
	s.gaps = widget.NewLabel("")
	s.gaps.Wrapping = fyne.TextWrapWord
	s.table = columnTable(meetingColumns, func() int { return len(s.rows) },
		func(row, col int) string { return s.cell(&s.rows[row], col) })
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) {
			s.openMeeting(s.rows[id.Row].meeting.ID)
		}
		s.table.UnselectAll()
	}
	s.year.OnChanged = func(string) { s.load() }
	s.branch.OnChanged = func(string) { s.load() }
	add := widget.NewButton("新增", func() { s.openMeeting("") })
	add.Importance = widget.HighImportance
	wide := container.NewGridWrap(fyne.NewSize(240, s.branch.MinSize().Height), s.branch.Select) // room for a branch's name
	filters := container.NewHBox(widget.NewLabel("年度"), s.year, widget.NewLabel("支部"), wide, s.count)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, add, filters), s.gaps)
	s.load()
	return container.NewBorder(top, nil, nil, nil, s.table)
}

// cell shows column col of a row.
func (s *meetingsScreen) cell(r *meetingRow, col int) string {
	m := &r.meeting
	switch col {
	case 0:
		return m.Date.String()
	case 1:
		return r.branch
	case 2:
		return m.Kind
	case 3:
		return m.Topic
	case 4:
		return m.Host
	case 5, 6, 7:
		return strconv.Itoa(r.counts[col-5])
	}
	return ""
}

// meetingsData is what the screen reads.
type meetingsData struct {
	branches []data.BranchRef
	rows     []meetingRow
	gaps     string
}

func (s *meetingsScreen) load() {
	if s.table == nil {
		return
	}
	year, branchID, store := selectedYear(s.year), s.branch.id(), s.u.store
	load(s.loads, func(ctx context.Context) (meetingsData, error) {
		return readMeetings(ctx, store, year, branchID)
	}, func(d meetingsData, err error) {
		if err != nil {
			s.count.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.rows = d.rows
		s.branch.set(d.branches)
		s.count.SetText(fmt.Sprintf("共%d次", len(d.rows)))
		s.gaps.SetText(d.gaps)
		s.table.Refresh()
	})
}

// readMeetings reads the meetings of the year, of the branch with
// branchID or of all (""), newest first, with their attendance counts.
func readMeetings(ctx context.Context, store *data.Store, year int, branchID string) (meetingsData, error) {
	var d meetingsData
	var err error
	if d.branches, err = store.BranchRefs(ctx); err != nil {
		return d, err
	}
	names := map[string]string{}
	var shown []data.Branch // the branches whose 主题党日 gaps are shown
	one := false
	for _, b := range d.branches {
		names[b.ID] = b.Name
		if b.ID == branchID {
			shown, one = []data.Branch{b.Branch}, true
		}
	}
	if !one {
		for _, b := range d.branches {
			shown = append(shown, b.Branch)
		}
	}
	conds := []data.Cond{data.InYear("date", year), data.OrderBy("-date", "-id")}
	if one {
		conds = append(conds, data.Where("branch_id", shown[0].ID))
	}
	meetings, err := store.Meetings.List(ctx, conds...)
	if err != nil {
		return d, err
	}
	index := map[string]int{}
	ids := make([]string, len(meetings))
	for i, m := range meetings {
		d.rows = append(d.rows, meetingRow{meeting: m, branch: names[string(m.BranchID)]})
		index[m.ID] = i
		ids[i] = m.ID
	}
	// The attendance of many meetings, a few hundred at a time.
	for len(ids) > 0 {
		n := min(len(ids), 500)
		err := store.MeetingAttendance.Each(ctx, func(a *data.MeetingAttendance) error {
			for k, st := range data.Attendances {
				if a.Status == st {
					d.rows[index[string(a.MeetingID)]].counts[k]++
				}
			}
			return nil
		}, data.WhereIn("meeting_id", ids[:n]))
		if err != nil {
			return d, err
		}
		ids = ids[n:]
	}
	d.gaps = themeDayGaps(year, store.Now(), shown, meetings, one)
	return d, nil
}

// themeDayGaps describes the months of the year, up to today's, in which
// each branch held no 主题党日. one is true when a single branch was chosen:
// its line is shown even without gaps.
func themeDayGaps(year int, today time.Time, branches []data.Branch, meetings []data.Meeting, one bool) string {
	held := map[string]map[time.Month]bool{}
	for _, m := range meetings {
		if m.Kind != "主题党日" || m.Date.Year() != year {
			continue
		}
		if held[string(m.BranchID)] == nil {
			held[string(m.BranchID)] = map[time.Month]bool{}
		}
		held[string(m.BranchID)][m.Date.Month()] = true
	}
	var lines []string
	for _, b := range branches {
		missing, current, required := monthsWithout(year, today, b.Founded, held[b.ID])
		var parts []string
		if len(missing) > 0 {
			parts = append(parts, "缺主题党日: "+monthList(missing))
		}
		if current != 0 {
			parts = append(parts, fmt.Sprintf("本月(%d月)尚未开展", current))
		}
		switch {
		case len(parts) > 0:
			lines = append(lines, b.Name+"  "+strings.Join(parts, ";"))
		case one && required == 0:
			lines = append(lines, b.Name+"  本年度没有应开展主题党日的月份")
		case one:
			lines = append(lines, b.Name+"  各月均已开展主题党日")
		}
	}
	if len(lines) == 0 {
		return "各支部均已按月开展主题党日"
	}
	return strings.Join(lines, "\n")
}

// monthsWithout returns the ended months of the year since the branch was
// founded without a 主题党日, the current month when it has none yet (0
// otherwise), and how many months owe one. A branch founded mid-month owes
// from the next month, as the THEME-DAY rule has it.
func monthsWithout(year int, today time.Time, founded data.Date, held map[time.Month]bool) (missing []time.Month, current time.Month, required int) {
	last := time.Month(0)
	switch {
	case year < today.Year():
		last = time.December
	case year == today.Year():
		last = today.Month()
	}
	first := time.January
	if !founded.IsZero() {
		switch {
		case founded.Year() > year:
			return nil, 0, 0
		case founded.Year() == year:
			first = founded.Month()
			if founded.Day() != 1 {
				first++
			}
		}
	}
	for m := first; m <= last; m++ {
		required++
		if held[m] {
			continue
		}
		if year == today.Year() && m == today.Month() {
			current = m
		} else {
			missing = append(missing, m)
		}
	}
	return missing, current, required
}

// monthList writes months as 3月、7月.
func monthList(ms []time.Month) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = strconv.Itoa(int(m)) + "月"
	}
	return strings.Join(parts, "、")
}

// meetingDialog records or edits one meeting: its fields, each member's
// attendance and the minutes.
type meetingDialog struct {
	s        *meetingsScreen
	rec      *data.Meeting
	isNew    bool
	form     *recordForm
	minutes  *widget.Entry
	branches []refOption
	members  []data.Member                 // every member, for the attendance list
	status   map[string]string             // statuses chosen so far, by member id
	recorded map[string]bool               // members with a stored attendance row
	people   *fyne.Container               // the attendance list
	shown    []string                      // member ids in the list, in order
	radios   map[string]*widget.RadioGroup // by member id
	tally    *widget.Label
	body     *fyne.Container // the dialog's content
	dlg      *dialog.CustomDialog
}

// meetingDialogData is what the dialog reads.
type meetingDialogData struct {
	rec        *data.Meeting
	branches   []refOption
	members    []data.Member
	attendance map[string]string
}

// openMeeting shows the dialog for the meeting with id, or for a new
// meeting when id is empty.
func (s *meetingsScreen) openMeeting(id string) {
	store, branchID := s.u.store, s.branch.id()
	load(s.u.reader(), func(ctx context.Context) (meetingDialogData, error) {
		var in meetingDialogData
		branches, err := store.BranchRefs(ctx)
		if err != nil {
			return in, err
		}
		in.branches = branchRefOptions(branches)
		if in.members, err = store.Members.List(ctx, data.OrderBy("name")); err != nil {
			return in, err
		}
		if id == "" {
			in.rec = &data.Meeting{Kind: "主题党日", Date: data.DateOf(store.Now()), BranchID: data.Ref(branchID)}
			in.attendance = map[string]string{}
			return in, nil
		}
		if in.rec, err = store.Meetings.Get(ctx, id); err != nil {
			return in, err
		}
		in.attendance, err = store.MeetingAttendanceOf(ctx, id)
		return in, err
	}, func(in meetingDialogData, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.showMeetingDialog(in, id == "")
	})
}

func (s *meetingsScreen) showMeetingDialog(in meetingDialogData, isNew bool) {
	d := &meetingDialog{s: s, rec: in.rec, isNew: isNew, branches: in.branches, members: in.members,
		status: in.attendance, recorded: map[string]bool{}, radios: map[string]*widget.RadioGroup{}}
	for id := range in.attendance {
		d.recorded[id] = true
	}
	d.form = newRecordForm(d.rec, formSpec{
		choices: map[string][]string{"kind": data.MeetingKinds},
		refs:    map[string][]refOption{"branch_id": in.branches},
		skip:    map[string]bool{"group_id": true, "host_id": true, "minutes": true},
	})
	d.form.OnSubmit = d.save
	d.form.inputs["branch_id"].object.(*widget.Select).OnChanged = func(string) { d.fillPeople() }
	d.minutes = widget.NewMultiLineEntry()
	d.minutes.Wrapping = fyne.TextWrapWord
	d.minutes.SetMinRowsVisible(8)
	d.minutes.SetPlaceHolder("会议议程、发言要点、决议事项")
	d.minutes.SetText(d.rec.Minutes)

	d.people = container.New(layout.NewFormLayout())
	d.tally = widget.NewLabel("")
	all := widget.NewButton("全部出席", func() {
		for _, id := range d.shown {
			d.radios[id].SetSelected("出席")
		}
	})
	d.fillPeople()

	save := widget.NewButton("保存", d.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { d.dlg.Hide() })
	left := container.NewVScroll(container.NewVBox(d.form.form, widget.NewLabel("会议记录"), d.minutes, d.form.general))
	right := container.NewBorder(container.NewHBox(widget.NewLabel("出席情况"), all), d.tally, nil, nil,
		container.NewVScroll(d.people))
	title := "新增组织生活"
	if !isNew {
		title = "编辑组织生活"
	}
	d.body = container.NewBorder(nil, container.NewHBox(save, cancel), nil, nil, container.NewGridWithColumns(2, left, right))
	d.dlg = dialog.NewCustomWithoutButtons(title, d.body, s.u.win)
	d.dlg.Resize(fyne.NewSize(1000, 640))
	s.dialog = d
	d.dlg.Show()
}

// branchID is the branch chosen in the form.
func (d *meetingDialog) branchID() string {
	sel := d.form.inputs["branch_id"].object.(*widget.Select).Selected
	for _, o := range d.branches {
		if o.Label == sel {
			return o.ID
		}
	}
	return ""
}

// fillPeople lists the chosen branch's members on the rolls, and anyone
// already recorded for the meeting, each with a 出席/请假/缺席 choice. A
// member's choice survives a change of branch; a new meeting starts every
// member at 出席, an edited one leaves members not recorded unchosen.
func (d *meetingDialog) fillPeople() {
	d.keepChoices()
	branch := d.branchID()
	names := map[string]string{}
	for _, o := range d.branches {
		names[o.ID] = o.Label
	}
	d.people.Objects = nil
	d.shown = nil
	d.radios = map[string]*widget.RadioGroup{}
	for _, m := range d.members {
		inBranch := branch != "" && string(m.BranchID) == branch && m.Active()
		if !inBranch && !d.recorded[m.ID] {
			continue
		}
		label := m.Name
		if string(m.BranchID) != branch {
			label += "(" + names[string(m.BranchID)] + ")"
		}
		if !m.Active() {
			label += "[" + m.Status + "]"
		}
		r := widget.NewRadioGroup(data.Attendances, nil)
		r.Horizontal = true
		choice, ok := d.status[m.ID]
		if !ok && d.isNew {
			choice = "出席"
		}
		if choice != "" {
			r.SetSelected(choice)
			r.Required = true
		}
		r.OnChanged = func(v string) {
			if v != "" {
				r.Required = true // chosen once, it cannot be cleared by a second tap
			}
			d.showTally()
		}
		d.shown = append(d.shown, m.ID)
		d.radios[m.ID] = r
		d.people.Add(widget.NewLabel(label))
		d.people.Add(r)
	}
	if len(d.shown) == 0 {
		d.people.Add(widget.NewLabel(""))
		d.people.Add(widget.NewLabel("请先选择支部"))
	}
	d.people.Refresh()
	d.showTally()
}

// keepChoices remembers the choices of the members listed.
func (d *meetingDialog) keepChoices() {
	for id, r := range d.radios {
		if r.Selected == "" {
			delete(d.status, id)
		} else {
			d.status[id] = r.Selected
		}
	}
}

// attendance is the attendance as chosen: member id → status.
func (d *meetingDialog) attendance() map[string]string {
	out := map[string]string{}
	for _, id := range d.shown {
		if v := d.radios[id].Selected; v != "" {
			out[id] = v
		}
	}
	return out
}

func (d *meetingDialog) showTally() {
	var counts [3]int
	for _, v := range d.attendance() {
		for k, st := range data.Attendances {
			if v == st {
				counts[k]++
			}
		}
	}
	d.tally.SetText(fmt.Sprintf("出席%d人,请假%d人,缺席%d人", counts[0], counts[1], counts[2]))
}

// choose sets the member's attendance by name (for tests and keyboard use).
func (d *meetingDialog) choose(name, status string) bool {
	for _, m := range d.members {
		if r, ok := d.radios[m.ID]; ok && m.Name == name {
			r.SetSelected(status)
			return true
		}
	}
	return false
}

func (d *meetingDialog) save() {
	if !d.form.read() {
		return
	}
	d.rec.Minutes = strings.TrimRight(d.minutes.Text, " \t\n")
	rec, attendance, store := *d.rec, d.attendance(), d.s.u.store
	async(d.s.u, func() (struct{}, error) {
		return struct{}{}, store.SaveMeeting(context.Background(), &rec, attendance)
	}, func(_ struct{}, err error) {
		if err != nil {
			d.form.showSaveError(err)
			d.body.Refresh() // lay out again with the messages shown
			return
		}
		d.dlg.Hide()
		d.s.load()
	})
}
