package app

import (
	"context"
	"maps"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/vocab"
)

// meetingDialog records or edits one meeting: its fields, the attendance
// of the branch's members and the minutes. Only the members of the
// meeting's branch (and those already recorded) are read, off the UI
// goroutine, when it opens and when another branch is chosen.
type meetingDialog struct {
	s             *meetingsScreen
	rec           *data.Meeting
	isNew         bool
	form          *recordForm
	minutes       *escEntry
	branches      []refOption
	labels        map[string]string // branch id → label
	recorded      map[string]bool   // members with a stored attendance row
	opened        map[string]string // the attendance as it showed at opening
	openedReasons map[string]string // the reasons of 请假 and 缺席 at opening
	openedMinutes string
	held          []person // those members, wherever they are now
	people        *attendanceList
	loads         *loader // the members of the branch chosen
	body          *fyne.Container
	dlg           *dialog.CustomDialog
	// saving is the save in flight; 保存 also waits while the members of
	// a branch just chosen are read.
	saving saveOnce
}

// meetingDialogData is what the dialog reads when it opens.
type meetingDialogData struct {
	rec        *data.Meeting
	branches   []data.BranchRef
	members    []person // the branch's and those recorded
	attendance map[string]string
	reasons    map[string]string // member id → reason of 请假 or 缺席
}

// openMeeting shows the dialog for the meeting with id, or for a new
// meeting of the branch chosen on the screen when id is empty.
func (s *meetingsScreen) openMeeting(id string) {
	store, branchID := s.u.store, s.branch.id()
	load(s.u.reader(), func(ctx context.Context) (meetingDialogData, error) {
		return readMeetingDialog(ctx, store, id, branchID)
	}, func(in meetingDialogData, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.showMeetingDialog(in, id == "")
	})
}

// readMeetingDialog reads the meeting with id (a new one of branchID when
// id is empty), its attendance, the branches, and the members to list.
func readMeetingDialog(ctx context.Context, store *data.Store, id, branchID string) (meetingDialogData, error) {
	var in meetingDialogData
	var err error
	if in.branches, err = store.BranchRefs(ctx); err != nil {
		return in, err
	}
	if id == "" {
		in.rec = &data.Meeting{Kind: string(vocab.MeetingThemeDay), Date: data.DateOf(store.Now()), BranchID: data.Ref(branchID)}
		in.attendance = map[string]string{}
	} else {
		if in.rec, err = store.Meetings.Get(ctx, id); err != nil {
			return in, err
		}
		if in.attendance, err = store.MeetingAttendanceOf(ctx, id); err != nil {
			return in, err
		}
		if in.reasons, err = store.MeetingAbsenceReasons(ctx, id); err != nil {
			return in, err
		}
	}
	recorded := make([]string, 0, len(in.attendance))
	for id := range in.attendance {
		recorded = append(recorded, id)
	}
	in.members, err = readAttendees(ctx, store, string(in.rec.BranchID), recorded)
	return in, err
}

func (s *meetingsScreen) showMeetingDialog(in meetingDialogData, isNew bool) {
	d := &meetingDialog{s: s, rec: in.rec, isNew: isNew, branches: branchRefOptions(in.branches),
		labels: map[string]string{}, recorded: map[string]bool{}, loads: s.u.reader()}
	for _, b := range in.branches {
		d.labels[b.ID] = b.Label
	}
	for id := range in.attendance {
		d.recorded[id] = true
	}
	for _, m := range in.members {
		if d.recorded[m.ID] {
			d.held = append(d.held, m)
		}
	}
	d.form = newRecordForm(d.rec, formSpec{
		choices: map[string][]string{"kind": data.MeetingKinds},
		refs:    map[string][]refOption{"branch_id": d.branches},
		skip:    map[string]bool{"group_id": true, "host_id": true, "minutes": true},
		u:       s.u,
	})
	d.form.OnSubmit = d.save
	if e, ok := d.form.inputs["location"].object.(*widget.Entry); ok {
		e.SetPlaceHolder("如：党员活动室（行政楼201）")
	}
	d.minutes = newMultiLineEntry()
	d.minutes.SetMinRowsVisible(8)
	d.minutes.SetPlaceHolder("会议议程、发言要点、决议事项")
	d.minutes.SetText(d.rec.Minutes)
	d.openedMinutes = d.minutes.Text

	d.people = newAttendanceList(in.attendance, in.reasons, isNew)
	d.people.set(in.members, string(d.rec.BranchID), d.recorded, d.labels)
	d.opened, d.openedReasons = d.people.attendance(), d.people.reasons()
	d.branchSelect().OnChanged = func(string) { d.branchChosen() }

	save := widget.NewButton("保存", d.save)
	save.Importance = widget.HighImportance
	d.saving = saveOnce{button: save, waiting: d.loads.pending}
	buttons := container.NewHBox(save)
	if !isNew {
		remove := widget.NewButton("删除", func() { s.deleteMeeting(*d.rec, func() { d.dlg.Hide() }) })
		remove.Importance = widget.DangerImportance
		buttons.Add(remove)
	}
	cancel := widget.NewButton("取消", nil)
	buttons.Add(cancel)
	left := container.NewVScroll(container.NewVBox(d.form.summary, d.form.form, widget.NewLabel("会议记录"), d.minutes, d.form.general))
	title := "新增组织生活"
	if !isNew {
		title = "编辑组织生活"
	}
	d.body = container.NewBorder(nil, buttons, nil, nil, container.NewGridWithColumns(2, left, d.people.box))
	d.dlg = dialog.NewCustomWithoutButtons(title, d.body, s.u.win)
	d.dlg.Resize(fyne.NewSize(1000, 640))
	cancel.OnTapped = s.u.guardDialog(d.dlg, d.dirty)
	s.dialog = d
	d.dlg.Show()
}

// branchSelect is the form's choice of branch.
func (d *meetingDialog) branchSelect() *widget.Select {
	return d.form.inputs["branch_id"].object.(*widget.Select)
}

// branchID is the branch chosen in the form.
func (d *meetingDialog) branchID() string {
	sel := d.branchSelect().Selected
	for _, o := range d.branches {
		if o.Label == sel {
			return o.ID
		}
	}
	return ""
}

// branchChosen lists the members of the branch now chosen, read off the
// UI goroutine; the choices made so far are kept. Until they are listed,
// 保存 waits: the attendance shown is still the previous branch's.
func (d *meetingDialog) branchChosen() {
	branch, store := d.branchID(), d.s.u.store
	load(d.loads, func(ctx context.Context) ([]person, error) {
		return readAttendees(ctx, store, branch, nil)
	}, func(ms []person, err error) {
		defer d.saving.update()
		if d.form.general.Text == waitForBranch {
			d.form.general.SetText("")
		}
		if err != nil {
			// Only those recorded stay listed: not the previous branch's.
			d.people.set(d.held, branch, d.recorded, d.labels)
			d.s.u.showError(err)
			return
		}
		d.people.set(append(ms, d.held...), branch, d.recorded, d.labels)
	})
	d.saving.update()
}

// dirty reports whether anything was changed since the dialog opened.
func (d *meetingDialog) dirty() bool {
	return d.form.dirty() || d.minutes.Text != d.openedMinutes ||
		!maps.Equal(d.attendance(), d.opened) || !maps.Equal(d.people.reasons(), d.openedReasons)
}

// attendance is the attendance as chosen: member id → status.
func (d *meetingDialog) attendance() map[string]string { return d.people.attendance() }

// choose sets the member's attendance by name (for tests and keyboard use).
func (d *meetingDialog) choose(name, status string) bool { return d.people.choose(name, status) }

// waitForBranch is what 保存 says while the members of a branch just
// chosen are read.
const waitForBranch = "正在读取所选支部的党员，请稍候再保存"

// save writes the meeting and its attendance off the UI goroutine. It
// does nothing while a save runs, and refuses while the members of a
// branch just chosen are still being read.
func (d *meetingDialog) save() {
	if d.saving.running {
		return
	}
	if d.loads.pending() {
		d.form.general.SetText(waitForBranch)
		d.body.Refresh()
		return
	}
	if !d.form.read() || !d.saving.begin() {
		return
	}
	d.rec.Minutes = strings.TrimRight(d.minutes.Text, " \t\n")
	rec, attendance, reasons, store := *d.rec, d.attendance(), d.people.reasons(), d.s.u.store
	async(d.s.u, func() (struct{}, error) {
		return struct{}{}, store.SaveMeetingWithReasons(context.Background(), &rec, attendance, reasons)
	}, func(_ struct{}, err error) {
		d.saving.end()
		if err != nil {
			d.form.showSaveError(err)
			d.body.Refresh() // lay out again with the messages shown
			return
		}
		d.dlg.Hide()
		d.s.load()
	})
}
