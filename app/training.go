package app

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// trainingScreen is the 学习培训 screen: each member's 集中学习 hours of
// the year against the requirement, as the calculator counts them
// (rules.Figures.TrainingHours) as of the year's check day, and recording
// a session with its attendees.
type trainingScreen struct {
	u       *UI
	year    *widget.Select
	rows    []trainingRow
	table   *widget.Table
	summary *widget.Label
	record  *trainingDialog // the last 新增培训 dialog
	loads   *loader
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
	s.table = truncated(columnTable(trainingColumns, func() int { return len(s.rows) }, s.cell))
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.load() }
	add := widget.NewButton("新增培训", s.openRecord)
	add.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, widget.NewLabel("年度"), container.NewHBox(add), container.NewHBox(s.year, s.summary))
	s.load()
	return container.NewBorder(top, nil, nil, nil, s.table)
}

func (s *trainingScreen) cell(row, col int) string { return s.rows[row].cells[col] }

// trainingData is what the screen reads: the lines and how many are short.
type trainingData struct {
	rows              []trainingRow
	short, notChecked int
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
	year, store := selectedYear(s.year), s.u.store
	load(s.loads, func(ctx context.Context) (trainingData, error) {
		refs, err := store.BranchRefs(ctx)
		if err != nil {
			return trainingData{}, err
		}
		labels := make(map[string]string, len(refs))
		for _, b := range refs {
			labels[b.ID] = b.Label
		}
		fig, err := store.Figures(ctx, year, appcore.CheckDay(year, store.Now()))
		if err != nil {
			return trainingData{}, err
		}
		return trainingRowsOf(fig.TrainingHours(), labels), nil
	}, func(d trainingData, err error) {
		if err != nil {
			s.summary.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.rows = d.rows
		text := fmt.Sprintf("在册党员%d名,学时不足%d名", len(d.rows), d.short)
		if d.notChecked > 0 {
			text += fmt.Sprintf(",本年不考核%d名", d.notChecked)
		}
		s.summary.SetText(text)
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
	people   []trainingRow // the members offered, as the screen listed them
	checks   []*widget.Check
	dlg      *dialog.CustomDialog
	attendee *widget.Label // message about the attendees
}

func (s *trainingScreen) openRecord() {
	d := &trainingDialog{s: s, people: s.rows,
		rec: &data.Training{Form: string(vocab.FormGroupStudy), Date: data.DateOf(s.u.store.Now())}}
	d.form = newRecordForm(d.rec, formSpec{
		choices: map[string][]string{"form": data.TrainingForms},
		skip:    map[string]bool{"speaker_id": true},
	})
	d.form.OnSubmit = d.save
	list := container.NewVBox()
	for _, r := range d.people {
		c := widget.NewCheck(r.name+"  "+r.branch, nil)
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
	for i, r := range d.people {
		if r.name == name {
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
			ids = append(ids, d.people[i].id)
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
