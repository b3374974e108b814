package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	search *widget.Entry // 搜索: branch, kind, topic, date or host
	count  *widget.Label
	banner *themeDayBanner
	gaps   *widget.Label // the banner's lines as shown (folded when many)
	table  *dataTable
	read   meetingsData   // the year as read
	rows   []meetingRow   // the meetings of the chosen branch
	dialog *meetingDialog // the dialog last opened
	loads  *loader

	sortCol  int // the column the user sorted by; -1: newest first
	sortDesc bool
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
	s := &meetingsScreen{u: u, loads: newLoader(u), sortCol: -1}
	u.keep("meetings", s)
	s.year = newYearSelect(u.store.Now())
	s.branch = newBranchSelect(allBranches)
	s.count = widget.NewLabel("正在读取…")
	s.banner = newThemeDayBanner()
	s.gaps = s.banner.gaps.label
	s.table = newDataTable(u, "meetings", meetingColumns, func() int { return len(s.rows) },
		func(row, col int) string { return s.cell(&s.rows[row], col) },
		rowActions{open: s.openRow, remove: u.editable(s.deleteRow)})
	s.table.sortable(func(col int, desc bool) {
		s.sortCol, s.sortDesc = col, desc
		s.sortRows()
	})
	s.year.OnChanged = func(string) { s.load() }
	s.branch.OnChanged = func(string) { s.filter() }
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("搜索支部、类型、主题、日期")
	s.search.OnChanged = func(string) { s.filter() }
	add := widget.NewButton("新增", func() { s.openMeeting("") })
	add.Importance = widget.HighImportance
	wide := container.NewGridWrap(fyne.NewSize(240, s.branch.MinSize().Height), s.branch.Select) // room for a branch's name
	find := container.NewGridWrap(fyne.NewSize(220, s.search.MinSize().Height), s.search)
	filters := container.NewHBox(widget.NewLabel("年度"), s.year, widget.NewLabel("党支部"), wide, find, s.count)
	if u.inCommittee() {
		add.Hide() // the organizations keep their meetings
	}
	top := container.NewVBox(container.NewBorder(nil, nil, nil, add, filters), s.banner.object())
	s.load()
	return u.scoped(container.NewBorder(top, nil, nil, nil, s.table.object()), s.load)
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
	year, store, orgID := selectedYear(s.year), s.u.store, s.u.orgScopeID()
	load(s.loads, func(ctx context.Context) (meetingsData, error) {
		return readMeetingsIn(ctx, s.u, store, year, orgID)
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

// filter shows the meetings of the chosen branch, or of every branch,
// that match the search, and the branch's 主题党日 gaps.
func (s *meetingsScreen) filter() {
	if s.table == nil {
		return
	}
	id := s.branch.id()
	words := strings.Fields(s.search.Text)
	s.rows = s.rows[:0:0]
	inBranch := 0
	for _, r := range s.read.rows {
		if id != "" && string(r.meeting.BranchID) != id {
			continue
		}
		inBranch++
		if r.matches(words) {
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
	if len(s.rows) == inBranch {
		s.count.SetText(fmt.Sprintf("共%d次", inBranch))
	} else {
		s.count.SetText(fmt.Sprintf("显示%d次，共%d次", len(s.rows), inBranch))
	}
	s.banner.set(figures, s.read.labels, s.read.asOf, id != "")
	s.sortRows()
}

// sortRows orders the rows by the column the user chose (the counts as
// numbers), or newest first, and shows them.
func (s *meetingsScreen) sortRows() {
	if s.sortCol >= 0 {
		col := s.sortCol
		slices.SortStableFunc(s.rows, func(a, b meetingRow) int {
			var c int
			if col >= 5 {
				c = cmp.Compare(a.counts[col-5], b.counts[col-5])
			} else {
				c = strings.Compare(s.cell(&a, col), s.cell(&b, col))
			}
			if s.sortDesc {
				return -c
			}
			return c
		})
	}
	s.table.refresh()
}

// openRow opens the meeting of a row.
func (s *meetingsScreen) openRow(row int) {
	switch {
	case row < 0 || row >= len(s.rows):
	case s.u.inCommittee(): // the organizations keep their meetings
		r := s.rows[row]
		var counts []*widget.FormItem
		for i, a := range vocab.Attendances {
			counts = append(counts, widget.NewFormItem(string(a), widget.NewLabel(strconv.Itoa(r.counts[i]))))
		}
		s.u.viewRecord("会议", &r.meeting, s.read.labels, counts...)
	default:
		s.openMeeting(s.rows[row].meeting.ID)
	}
}

// deleteRow deletes the meeting of a row, after a confirmation naming it.
func (s *meetingsScreen) deleteRow(row int) {
	if row >= 0 && row < len(s.rows) {
		s.deleteMeeting(s.rows[row].meeting, nil)
	}
}

// meetingTitle names a meeting for people: 第一党支部 2026-04-10 支部党员大会.
func meetingTitle(branch string, m *data.Meeting) string {
	return branch + " " + m.Date.String() + " " + m.Kind
}

// deleteMeeting deletes a meeting with its attendance after a confirmation
// naming it, with 撤销 in the status bar; gone (may be nil) runs once it
// is deleted. The year is read again after the deletion and the undo.
func (s *meetingsScreen) deleteMeeting(m data.Meeting, gone func()) {
	store := s.u.store
	what := "会议“" + meetingTitle(s.read.labels[string(m.BranchID)], &m) + "”及其出席记录"
	deleted := false
	s.u.deleteWithUndo(what, func(ctx context.Context) error {
		return store.DeleteMeeting(ctx, &m)
	}, func(ctx context.Context) error {
		return store.RestoreDeleted(ctx, m.Table(), m.ID)
	}, func() {
		if !deleted && gone != nil {
			deleted = true
			gone()
		}
		s.load()
	})
}

// matches reports whether every word is in the meeting's branch, kind,
// topic, date (2026-04-10, or 2026-04 for a month) or host.
func (r *meetingRow) matches(words []string) bool {
	m := &r.meeting
	for _, w := range words {
		if !strings.Contains(r.branch, w) && !strings.Contains(m.Kind, w) && !strings.Contains(m.Topic, w) &&
			!strings.Contains(m.Date.String(), w) && !strings.Contains(m.Host, w) {
			return false
		}
	}
	return true
}

// readMeetingsIn reads the meetings of the year of one organization (""
// for every one), newest first, with their attendance counts, its
// branches, and the calculator's meeting figures of the year as of its
// check day (the organization's own).
func readMeetingsIn(ctx context.Context, u *UI, store *data.Store, year int, orgID string) (meetingsData, error) {
	var d meetingsData
	var err error
	if d.branches, err = branchRefsIn(ctx, store, orgID); err != nil {
		return d, err
	}
	d.labels = map[string]string{}
	for _, b := range d.branches {
		d.labels[b.ID] = b.Label
	}
	meetings, err := store.Meetings.List(ctx, data.InOrg(orgID), data.InYear(data.ColDate, year),
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
	fig, err := u.figuresIn(ctx, store, orgID, year, d.asOf)
	if err != nil {
		return d, err
	}
	d.figures = fig.Meetings()
	return d, nil
}
