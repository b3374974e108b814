package app

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data/rules"
)

// trainingScreen is the 学习培训 screen. Its 党员学时 view shows each
// member's 集中学习 hours of the year against the requirement, as the
// calculator counts them (rules.Figures.TrainingHours) as of the year's
// check day; its 培训记录 view lists the year's sessions, to find, edit
// and delete them. 新增培训 records a session with its attendees.
type trainingScreen struct {
	u        *UI
	year     *widget.Select
	rows     []trainingRow
	table    *dataTable
	sortCol  int // the column the hours are sorted by, -1 for the calculator's order
	sortDesc bool
	summary  *widget.Label
	sessions *sessionsView
	views    *container.AppTabs
	record   *trainingDialog // the training dialog last opened
	courses  []refOption     // the 二级党校's courses, a session's 党校课程 choices
	loads    *loader
}

// trainingRow is one member's line, its cells formatted when read.
type trainingRow struct {
	id, name, branch string
	hours            float64
	cells            [trainingColumnCount]string
}

var trainingColumns = []column{{"姓名", 100}, {"所在支部", 240}, {"集中学习学时", 110}, {"应完成", 80}, {"状态", 80}}

const trainingColumnCount = 5

// The 状态 of a member's hours.
const (
	trainingMet        = "达标"
	trainingShort      = "不足"
	trainingNotChecked = "不考核"
)

func newTrainingScreen(u *UI) fyne.CanvasObject {
	s := &trainingScreen{u: u, loads: newLoader(u)}
	u.training = s
	s.summary = widget.NewLabel("正在读取…")
	s.table = newDataTable(u, "training.hours", trainingColumns, func() int { return len(s.rows) }, s.cell, rowActions{})
	s.sortCol = -1
	s.table.sortable(func(col int, desc bool) {
		s.sortCol, s.sortDesc = col, desc
		sortTrainingRows(s.rows, col, desc)
		s.table.refresh()
	})
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.load() }
	add := widget.NewButton("新增培训", s.openRecord)
	add.Importance = widget.HighImportance
	if u.inCommittee() {
		add.Hide() // the organizations keep their sessions
	}
	top := container.NewBorder(nil, nil, widget.NewLabel("年度"), container.NewHBox(add), container.NewHBox(s.year, s.summary))
	s.sessions = newSessionsView(s)
	s.views = container.NewAppTabs(
		container.NewTabItem("党员学时", s.table.object()),
		container.NewTabItem("培训记录", s.sessions.object()),
	)
	s.load()
	// Read the members for the dialog's pickers now, not when it opens.
	u.memberDirectory().check()
	return u.scoped(container.NewBorder(top, nil, nil, nil, s.views), s.load)
}

func (s *trainingScreen) cell(row, col int) string { return s.rows[row].cells[col] }

// trainingData is what the screen reads: the lines, how many are short,
// and the year's sessions.
type trainingData struct {
	rows              []trainingRow
	short, notChecked int
	sessions          []sessionRow
	courses           []refOption
}

// trainingRowsOf lays out the calculator's hours, in its order (branch,
// then member), with the branches' labels.
func trainingRowsOf(hours []rules.MemberHours, labels map[string]string) trainingData {
	d := trainingData{rows: make([]trainingRow, len(hours))}
	for i, h := range hours {
		r := trainingRow{id: h.Member.ID, name: h.Member.Name, branch: labels[h.Member.BranchID], hours: h.Hours}
		state := trainingMet
		switch {
		case !h.Checked:
			state = trainingNotChecked
			d.notChecked++
		case h.Short():
			state = trainingShort
			d.short++
		}
		r.cells = [trainingColumnCount]string{r.name, r.branch, hoursText(h.Hours), strconv.Itoa(h.Required), state}
		d.rows[i] = r
	}
	return d
}

// hoursText prints hours as the ledgers do: 2, 2.5, 1.25.
func hoursText(h float64) string {
	return strconv.FormatFloat(math.Round(h*100)/100, 'f', -1, 64)
}

func (s *trainingScreen) load() {
	if s.table == nil {
		return
	}
	year, store, orgID := selectedYear(s.year), s.u.store, s.u.orgScopeID()
	load(s.loads, func(ctx context.Context) (trainingData, error) {
		refs, err := branchRefsIn(ctx, store, orgID)
		if err != nil {
			return trainingData{}, err
		}
		labels := make(map[string]string, len(refs))
		for _, b := range refs {
			labels[b.ID] = b.Label
		}
		fig, err := s.u.figuresIn(ctx, store, orgID, year, appcore.CheckDay(year, store.Now()))
		if err != nil {
			return trainingData{}, err
		}
		d := trainingRowsOf(fig.TrainingHours(), labels)
		if d.sessions, err = readSessionsIn(ctx, store, year, orgID); err != nil {
			return d, err
		}
		d.courses, err = courseOptions(ctx, store)
		return d, err
	}, func(d trainingData, err error) {
		if err != nil {
			s.summary.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.rows, s.courses = d.rows, d.courses
		text := fmt.Sprintf("在册党员%d名，学时不足%d名", len(d.rows), d.short)
		if d.notChecked > 0 {
			text += fmt.Sprintf("，本年不考核%d名", d.notChecked)
		}
		s.summary.SetText(text)
		sortTrainingRows(s.rows, s.sortCol, s.sortDesc)
		s.table.refresh()
		s.sessions.set(d.sessions)
	})
}

// hoursOf returns a member's hours as shown.
func (s *trainingScreen) hoursOf(id string) float64 {
	for _, r := range s.rows {
		if r.id == id {
			return r.hours
		}
	}
	return -1
}

// sortTrainingRows orders the lines by a column as the shared tables do
// (hours by value, names by 拼音); col -1 keeps the calculator's order.
func sortTrainingRows(rows []trainingRow, col int, desc bool) {
	if col < 0 {
		return
	}
	sortRowsBy(rows, col, desc, func(i int) string { return rows[i].cells[col] })
}
