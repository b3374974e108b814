package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// meetingsScreen is the 组织生活 screen: the year's meetings (三会一课,
// 主题党日, …) of one branch or all, with their attendance counts, the
// calculator's months without a 主题党日 (rules.Figures.Meetings), and a
// dialog to record or edit a meeting with each member's 出席/请假/缺席. A
// year is read at once; choosing a branch filters what was read.
type meetingsScreen struct {
	u      *UI
	year   *widget.Select
	branch *branchSelect
	count  *widget.Label
	banner *themeDayBanner
	gaps   *widget.Label // the banner's lines, one per branch
	table  *widget.Table
	read   meetingsData   // the year as read
	rows   []meetingRow   // the meetings of the chosen branch
	dialog *meetingDialog // the dialog last opened
	loads  *loader
}

// meetingRow is one meeting as listed, with its attendance counts.
type meetingRow struct {
	meeting data.Meeting
	branch  string
	counts  [3]int // 出席, 请假, 缺席, in vocab.Attendances order
}

var meetingColumns = []column{{"日期", 100}, {"所在支部", 200}, {"类型", 110}, {"主题", 280}, {"主持人", 90},
	{string(vocab.Present), 60}, {string(vocab.Excused), 60}, {string(vocab.Absent), 60}}

func newMeetingsScreen(u *UI) fyne.CanvasObject {
	s := &meetingsScreen{u: u, loads: newLoader(u)}
	u.keep("meetings", s)
	s.year = newYearSelect(u.store.Now())
	s.branch = newBranchSelect(allBranches)
	s.count = widget.NewLabel("正在读取…")
	s.banner = newThemeDayBanner()
	s.gaps = s.banner.gaps
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
	s.branch.OnChanged = func(string) { s.filter() }
	add := widget.NewButton("新增", func() { s.openMeeting("") })
	add.Importance = widget.HighImportance
	wide := container.NewGridWrap(fyne.NewSize(240, s.branch.MinSize().Height), s.branch.Select) // room for a branch's name
	filters := container.NewHBox(widget.NewLabel("年度"), s.year, widget.NewLabel("党支部"), wide, s.count)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, add, filters), s.banner.object())
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

// meetingsData is what the screen reads of a year.
type meetingsData struct {
	branches []data.BranchRef
	labels   map[string]string // branch id → label
	rows     []meetingRow      // every branch's, newest first
	figures  []rules.BranchMeetings
	asOf     time.Time // the check day of the figures
}

func (s *meetingsScreen) load() {
	if s.table == nil {
		return
	}
	year, store := selectedYear(s.year), s.u.store
	load(s.loads, func(ctx context.Context) (meetingsData, error) {
		return readMeetings(ctx, store, year)
	}, func(d meetingsData, err error) {
		if err != nil {
			s.count.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.read = d
		s.branch.set(d.branches)
		s.filter()
	})
}

// filter shows the meetings and the 主题党日 gaps of the chosen branch, or
// of every branch.
func (s *meetingsScreen) filter() {
	if s.table == nil {
		return
	}
	id := s.branch.id()
	s.rows = s.rows[:0:0]
	for _, r := range s.read.rows {
		if id == "" || string(r.meeting.BranchID) == id {
			s.rows = append(s.rows, r)
		}
	}
	figures := s.read.figures
	if id != "" {
		figures = nil
		for _, bm := range s.read.figures {
			if bm.Branch.ID == id {
				figures = append(figures, bm)
			}
		}
	}
	s.count.SetText(fmt.Sprintf("共%d次", len(s.rows)))
	s.banner.set(figures, s.read.labels, s.read.asOf, id != "")
	s.table.Refresh()
}

// readMeetings reads the meetings of the year, newest first, with their
// attendance counts, and the calculator's meeting figures of the year as
// of its check day.
func readMeetings(ctx context.Context, store *data.Store, year int) (meetingsData, error) {
	var d meetingsData
	var err error
	if d.branches, err = store.BranchRefs(ctx); err != nil {
		return d, err
	}
	d.labels = map[string]string{}
	for _, b := range d.branches {
		d.labels[b.ID] = b.Label
	}
	meetings, err := store.Meetings.List(ctx, data.InYear(data.ColDate, year),
		data.OrderBy(data.Desc(data.ColDate), data.Desc(data.ColID)))
	if err != nil {
		return d, err
	}
	index := map[string]int{}
	ids := make([]string, len(meetings))
	for i, m := range meetings {
		d.rows = append(d.rows, meetingRow{meeting: m, branch: d.labels[string(m.BranchID)]})
		index[m.ID] = i
		ids[i] = m.ID
	}
	// The attendance of many meetings, a few hundred at a time.
	for len(ids) > 0 {
		n := min(len(ids), 500)
		err := store.MeetingAttendance.Each(ctx, func(a *data.MeetingAttendance) error {
			if k := slices.Index(vocab.Attendances, vocab.Attendance(a.Status)); k >= 0 {
				d.rows[index[string(a.MeetingID)]].counts[k]++
			}
			return nil
		}, data.WhereIn(data.ColMeetingID, ids[:n]))
		if err != nil {
			return d, err
		}
		ids = ids[n:]
	}
	d.asOf = appcore.CheckDay(year, store.Now())
	fig, err := store.Figures(ctx, year, d.asOf)
	if err != nil {
		return d, err
	}
	d.figures = fig.Meetings()
	return d, nil
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
		if in.members, err = store.Members.List(ctx, data.OrderBy(data.ColName)); err != nil {
			return in, err
		}
		if id == "" {
			in.rec = &data.Meeting{Kind: string(vocab.MeetingThemeDay), Date: data.DateOf(store.Now()), BranchID: data.Ref(branchID)}
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
			d.radios[id].SetSelected(string(vocab.Present))
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
			choice = string(vocab.Present)
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
		if k := slices.Index(vocab.Attendances, vocab.Attendance(v)); k >= 0 {
			counts[k]++
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
