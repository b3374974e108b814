package app

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/vocab"
)

// trainingDialog records a session, or edits a saved one, with who
// attended; a saved one can be deleted from it.
type trainingDialog struct {
	s        *trainingScreen
	rec      *data.Training
	isNew    bool
	form     *recordForm
	people   *attendeePicker
	opened   []string // the attendees when the dialog opened
	dlg      *dialog.CustomDialog
	attendee *widget.Label // message about the attendees
	certs    *certDialog   // the 学时与证书 dialog last opened
	saving   saveOnce      // the save in flight
}

// openRecord opens the dialog of a new session, dated today.
func (s *trainingScreen) openRecord() {
	rec := &data.Training{Form: string(vocab.FormGroupStudy), Date: data.DateOf(s.u.store.Now())}
	s.showTrainingDialog(rec, nil, true)
}

// openSession opens a saved session with its attendees, read off the UI
// goroutine.
func (s *trainingScreen) openSession(t data.Training) {
	store := s.u.store
	load(s.u.reader(), func(ctx context.Context) ([]string, error) {
		return store.TrainingAttendeesOf(ctx, t.ID)
	}, func(ids []string, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		rec := t
		s.showTrainingDialog(&rec, ids, false)
	})
}

func (s *trainingScreen) showTrainingDialog(rec *data.Training, ids []string, isNew bool) {
	d := &trainingDialog{s: s, rec: rec, isNew: isNew, opened: append([]string(nil), ids...)}
	d.form = newRecordForm(d.rec, formSpec{choices: map[string][]string{"form": data.TrainingForms},
		refs: map[string][]refOption{"course_id": s.courses}, u: s.u})
	d.form.OnSubmit = d.save
	if e, ok := d.form.inputs["location"].object.(*widget.Entry); ok {
		e.SetPlaceHolder("如：学院会议室（行政楼305）")
	}
	d.people = newAttendeePicker(s.u)
	d.people.setIDs(ids)
	d.attendee = widget.NewLabel("")
	d.attendee.Importance = widget.DangerImportance
	save := widget.NewButton("保存", d.save)
	save.Importance = widget.HighImportance
	d.saving.button = save
	cancel := widget.NewButton("取消", nil)
	buttons := container.NewHBox(save, cancel)
	title := "新增学习培训"
	if !isNew {
		title = "编辑学习培训"
		del := widget.NewButton("删除", d.remove)
		del.Importance = widget.DangerImportance
		buttons.Add(del)
		buttons.Add(widget.NewButton("学时与证书", d.openCertificates))
	}
	people := container.NewBorder(widget.NewLabel("参加人员"), d.attendee, nil, nil, d.people)
	body := container.NewHSplit(d.form.scrollView(), people)
	body.Offset = 0.4 // the attendee lists take the wider part
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, body), s.u.win)
	d.dlg.Resize(fyne.NewSize(1000, 640))
	cancel.OnTapped = s.u.guardDialog(d.dlg, d.dirty)
	s.record = d
	d.dlg.Show()
}

// dirty reports whether a field or the attendees were changed.
func (d *trainingDialog) dirty() bool {
	return d.form.dirty() || !sameMembers(d.people.ids(), d.opened)
}

// sameMembers reports whether a and b hold the same ids, in any order.
func sameMembers(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// check adds the attendee with the name (for tests and keyboard use).
func (d *trainingDialog) check(name string) {
	x := d.people.index
	if x == nil {
		return
	}
	for i := range x.members {
		if x.members[i].name == name {
			d.people.add([]string{x.members[i].id})
		}
	}
}

// save writes the session and its attendance off the UI goroutine; a
// second 保存 or Enter while it runs does nothing.
func (d *trainingDialog) save() {
	if d.saving.running || !d.form.read() || !d.saving.begin() {
		return
	}
	ids := d.people.ids()
	rec, store := *d.rec, d.s.u.store
	d.attendee.SetText("")
	async(d.s.u, func() (data.Training, error) {
		err := store.RecordTraining(context.Background(), &rec, ids)
		return rec, err
	}, func(saved data.Training, err error) {
		d.saving.end()
		if err != nil {
			if p := data.ProblemsOf(err); len(p) == 1 && p[0].Col == "member_id" {
				d.attendee.SetText(p[0].Msg)
				return
			}
			d.form.showSaveError(err)
			return
		}
		*d.rec = saved
		d.opened = ids
		d.form.markOpened()
		d.dlg.Hide()
		d.s.u.notify("已保存学习培训" + trainingName(&saved))
		d.s.load()
	})
}

// remove deletes the session with its attendance, after a confirmation
// naming it; 撤销 brings both back.
func (d *trainingDialog) remove() {
	d.s.removeSession(*d.rec, d.dlg.Hide)
}

// removeSession deletes a session with its attendance, after a
// confirmation naming it; 撤销 brings both back. closed runs once it is
// deleted.
func (s *trainingScreen) removeSession(rec data.Training, closed func()) {
	store := s.u.store
	deleted := false
	s.u.deleteWithUndo("学习培训"+trainingName(&rec),
		func(ctx context.Context) error { return store.DeleteTraining(ctx, &rec) },
		func(ctx context.Context) error { return store.RestoreDeleted(ctx, rec.Table(), rec.ID) },
		func() {
			if !deleted && closed != nil {
				deleted = true
				closed()
			}
			s.load()
		})
}

// trainingName names a session for people: 「2026-03-05 学习新修订的党章」.
func trainingName(t *data.Training) string {
	return "“" + t.Date.String() + " " + t.Topic + "”"
}
