package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// trainingScreen is the 学习培训 screen: each member's 集中学习 hours of
// the year against the requirement, and recording a session with its
// attendees.
type trainingScreen struct {
	u       *UI
	year    *widget.Select
	rows    []trainingRow
	table   *widget.Table
	summary *widget.Label
	members []data.Member
	record  *trainingDialog // the last 新增培训 dialog
	loads   *loader
}

// trainingRow is one member's line: name, branch, hours, requirement.
type trainingRow struct {
	id, name, branch string
	hours, required  float64
}

var trainingColumns = []column{{"姓名", 100}, {"所在支部", 240}, {"集中学习学时", 110}, {"应完成", 80}, {"状态", 80}}

func newTrainingScreen(u *UI) fyne.CanvasObject {
	s := &trainingScreen{u: u, loads: newLoader(u)}
	u.training = s
	s.summary = widget.NewLabel("正在读取…")
	s.table = truncated(columnTable(trainingColumns, func() int { return len(s.rows) }, s.cell))
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.load() }
	add := widget.NewButton("新增培训", s.openRecord)
	add.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, widget.NewLabel("年度"), container.NewHBox(add), container.NewHBox(s.year, s.summary))
	s.load()
	return container.NewBorder(top, nil, nil, nil, s.table)
}

func (s *trainingScreen) cell(row, col int) string {
	r := s.rows[row]
	switch col {
	case 0:
		return r.name
	case 1:
		return r.branch
	case 2:
		return strconv.FormatFloat(r.hours, 'f', -1, 64)
	case 3:
		return strconv.FormatFloat(r.required, 'f', -1, 64)
	}
	if r.hours < r.required {
		return "不足"
	}
	return "达到"
}

// trainingData is what the screen reads.
type trainingData struct {
	rows    []trainingRow
	members []data.Member
}

func (s *trainingScreen) load() {
	if s.table == nil {
		return
	}
	year, store := selectedYear(s.year), s.u.store
	load(s.loads, func(ctx context.Context) (trainingData, error) {
		set, err := store.RuleSettings(ctx)
		if err != nil {
			return trainingData{}, err
		}
		hours, err := store.TrainingHours(ctx, year)
		if err != nil {
			return trainingData{}, err
		}
		branches, err := store.Branches.List(ctx)
		if err != nil {
			return trainingData{}, err
		}
		names := map[string]string{}
		for _, b := range branches {
			names[b.ID] = b.Name
		}
		members, err := store.Members.List(ctx, data.WhereIn("status", data.ActiveStatuses), data.OrderBy("branch_id", "name"))
		if err != nil {
			return trainingData{}, err
		}
		var out trainingData
		out.members = members
		for _, m := range members {
			req := float64(set.TrainingHours)
			if m.IsCommittee() {
				req = float64(set.LeaderTrainingHours)
			}
			out.rows = append(out.rows, trainingRow{id: m.ID, name: m.Name, branch: names[string(m.BranchID)],
				hours: hours[m.ID], required: req})
		}
		sort.SliceStable(out.rows, func(i, j int) bool { return out.rows[i].branch < out.rows[j].branch })
		return out, nil
	}, func(d trainingData, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.rows, s.members = d.rows, d.members
		short := 0
		for _, r := range d.rows {
			if r.hours < r.required {
				short++
			}
		}
		s.summary.SetText(fmt.Sprintf("在册党员%d名,学时不足%d名", len(d.rows), short))
		s.table.Refresh()
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

// trainingDialog records one session and who attended.
type trainingDialog struct {
	s        *trainingScreen
	rec      *data.Training
	form     *recordForm
	checks   []*widget.Check
	dlg      *dialog.CustomDialog
	attendee *widget.Label // message about the attendees
}

func (s *trainingScreen) openRecord() {
	d := &trainingDialog{s: s, rec: &data.Training{Form: "集体学习", Date: data.DateOf(s.u.store.Now())}}
	d.form = newRecordForm(d.rec, formSpec{
		choices: map[string][]string{"form": data.TrainingForms},
		skip:    map[string]bool{"speaker_id": true},
	})
	d.form.OnSubmit = d.save
	list := container.NewVBox()
	branchOf := map[string]string{}
	for _, r := range s.rows {
		branchOf[r.id] = r.branch
	}
	for _, m := range s.members {
		c := widget.NewCheck(m.Name+"  "+branchOf[m.ID], nil)
		d.checks = append(d.checks, c)
		list.Add(c)
	}
	all := widget.NewButton("全选", func() {
		for _, c := range d.checks {
			c.SetChecked(true)
		}
	})
	d.attendee = widget.NewLabel("")
	d.attendee.Importance = widget.DangerImportance
	save := widget.NewButton("保存", d.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { d.dlg.Hide() })
	people := container.NewBorder(container.NewHBox(widget.NewLabel("参加人员"), all), d.attendee, nil, nil,
		container.NewVScroll(list))
	body := container.NewGridWithColumns(2, container.NewVBox(d.form.form, d.form.general), people)
	d.dlg = dialog.NewCustomWithoutButtons("新增学习培训", container.NewBorder(nil, container.NewHBox(save, cancel), nil, nil, body), s.u.win)
	d.dlg.Resize(fyne.NewSize(900, 600))
	s.record = d
	d.dlg.Show()
}

// check ticks the attendee with the name (for tests and keyboard use).
func (d *trainingDialog) check(name string) {
	for i, m := range d.s.members {
		if m.Name == name {
			d.checks[i].SetChecked(true)
		}
	}
}

func (d *trainingDialog) save() {
	if !d.form.read() {
		return
	}
	var ids []string
	for i, c := range d.checks {
		if c.Checked {
			ids = append(ids, d.s.members[i].ID)
		}
	}
	rec, store := *d.rec, d.s.u.store
	d.attendee.SetText("")
	async(d.s.u, func() (struct{}, error) {
		return struct{}{}, store.RecordTraining(context.Background(), &rec, ids)
	}, func(_ struct{}, err error) {
		if err != nil {
			if p := data.ProblemsOf(err); len(p) == 1 && p[0].Col == "member_id" {
				d.attendee.SetText(p[0].Msg)
				return
			}
			d.form.showSaveError(err)
			return
		}
		d.dlg.Hide()
		d.s.load()
	})
}
