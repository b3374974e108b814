package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
	"dangjian/reports/documents"
)

// memberDialog is the form of one member: every field, the store's
// messages under the fields it refuses, and the record's history.
type memberDialog struct {
	s       *membersScreen
	rec     *data.Member
	isNew   bool
	form    *recordForm
	dlg     *dialog.CustomDialog
	history *widget.Label
	file    *memberTimeline // the 党员档案 tab, for a saved member
	study   []string        // what the 学习档案 tab shows, a line a row, for tests
	tabs    *container.AppTabs
	saving  saveOnce // the save in flight
}

// memberFormData is what the form needs from the store.
type memberFormData struct {
	branches []refOption
	groups   []refOption
	history  []data.AuditEntry
	file     *data.MemberFile // the member's file as a timeline, nil for a new member
	fileErr  error            // why the file could not be read
	study    studyFile
}

// openMember shows the form for the member with id, or for a new member
// when id is empty.
func (s *membersScreen) openMember(id string) {
	store := s.u.store
	load(s.u.reader(), func(ctx context.Context) (*memberDialogInput, error) {
		in := &memberDialogInput{rec: &data.Member{Category: string(vocab.CategoryFull), PersonType: string(vocab.PersonStaff),
			Status: string(vocab.StatusNormal)}}
		if id != "" {
			m, err := store.Members.Get(ctx, id)
			if err != nil {
				return nil, err
			}
			in.rec = m
			if in.data.history, err = store.History(ctx, id); err != nil {
				return nil, err
			}
			// The file's own failure leaves the form usable.
			in.data.file, in.data.fileErr = store.MemberFile(ctx, id)
			in.data.study = readStudyFile(ctx, store, m)
		}
		branches, err := store.BranchRefs(ctx)
		if err != nil {
			return nil, err
		}
		in.data.branches = branchRefOptions(branches)
		labels := map[string]string{}
		for _, b := range in.data.branches {
			labels[b.ID] = b.Label
		}
		groups, err := store.GroupsInOrder(ctx)
		if err != nil {
			return nil, err
		}
		for _, g := range groups {
			in.data.groups = append(in.data.groups, refOption{g.ID, labels[string(g.BranchID)] + " " + g.Name})
		}
		return in, nil
	}, func(in *memberDialogInput, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.showMemberDialog(in.rec, id == "", in.data)
	})
}

type memberDialogInput struct {
	rec  *data.Member
	data memberFormData
}

func (s *membersScreen) showMemberDialog(rec *data.Member, isNew bool, fd memberFormData) {
	d := &memberDialog{s: s, rec: rec, isNew: isNew}
	d.form = newRecordForm(rec, formSpec{
		choices: map[string][]string{"gender": data.Genders, "person_type": data.PersonTypes,
			"category": data.Categories, "status": data.MemberStatuses, "degree": data.Degrees},
		refs:      map[string][]refOption{"branch_id": fd.branches, "group_id": fd.groups},
		u:         s.u,
		keepDates: true,
		order:     memberFormOrder,
	})
	d.form.OnSubmit = d.save
	placeHolders(d.form, map[string]string{
		"work_unit":         "如：计算机学院 副教授",
		"household_place":   "如：江苏省南京市玄武区",
		"residence":         "如：南京市栖霞区文苑路1号",
		"archive_unit":      "如：学校人事处",
		"lost_circumstance": "如：" + string(vocab.LostAway) + "、" + string(vocab.LostMoved),
	})
	d.fillFromIDNumber()
	d.form.markOpened() // what the number filled in is not an edit of the user's
	labels := map[string]string{}
	for _, f := range rec.Fields() {
		labels[f.Col] = f.Label
	}
	history := "新党员，尚无修改记录。"
	if !isNew {
		history = ""
		for _, line := range historyLines(fd.history, labels) {
			history += line + "\n"
		}
	}
	d.history = widget.NewLabel(history)
	d.history.Wrapping = fyne.TextWrapWord
	save := widget.NewButton("保存", d.save)
	save.Importance = widget.HighImportance
	d.saving.button = save
	cancel := widget.NewButton("取消", nil)
	note := widget.NewLabel("带 * 的为必填项；出生日期和性别按公民身份号码自动填写。")
	tabs := container.NewAppTabs(
		container.NewTabItem("基本信息", container.NewBorder(note, nil, nil, nil, d.form.scrollView())))
	if !isNew {
		d.file = newMemberTimeline(fd.file, fd.fileErr, func(screen, query string) {
			if d.form.dirty() {
				d.s.u.notify("请先保存或取消对党员信息的修改，再查看记录")
				return
			}
			d.dlg.Hide()
			d.s.u.openSearching(screen, query)
		})
		u := d.s.u
		printFile := widget.NewButton("打印党员档案…", func() { u.printMemberFile(rec.ID, rec.Name) })
		tabs.Append(container.NewTabItem("党员档案", container.NewBorder(nil,
			container.NewHBox(layout.NewSpacer(), printFile), nil, nil, d.file.object())))
		var study fyne.CanvasObject
		study, d.study = newStudyView(fd.study)
		printStudy := widget.NewButton("打印学习管理档案…", func() { u.printMemberAs(rec.ID, rec.Name, documents.StudyFile) })
		tabs.Append(container.NewTabItem("学习档案", container.NewBorder(nil,
			container.NewHBox(layout.NewSpacer(), printStudy), nil, nil, study)))
	}
	tabs.Append(container.NewTabItem("修改记录", container.NewVScroll(d.history)))
	d.tabs = tabs
	title := "新增党员"
	if !isNew {
		title = "党员信息 — " + rec.Name
	}
	d.dlg = dialog.NewCustomWithoutButtons(title,
		container.NewBorder(nil, container.NewHBox(save, cancel), nil, nil, tabs), s.u.win)
	d.dlg.Resize(fyne.NewSize(640, 720))
	cancel.OnTapped = s.u.guardDialog(d.dlg, d.form.dirty)
	s.dialog = d
	d.dlg.Show()
}

// memberFormOrder lays the 全国党员管理信息系统's fields out beside the
// ones they go with: 户籍所在地 and 现居住地 after 籍贯, 学位 and 毕业院校
// after 学历, 工作单位及职务 and 档案所在单位 after 单位职务, 失联情形 and
// 失联日期 after 失联党员.
var memberFormOrder = []string{
	"branch_id", "group_id", "name", "gender", "ethnicity", "birth_date", "id_number",
	"native_place", "household_place", "residence", "education", "degree", "school",
	"person_type", "staff_no", "position", "work_unit", "archive_unit",
	"joined_date", "confirmed_date", "category", "status", "party_post", "is_leader", "phone",
	"in_difficulty", "floating", "floating_to", "lost_contact", "lost_circumstance", "lost_date",
}

// fillFromIDNumber fills 出生日期 and 性别 from the 公民身份号码 as it is
// typed (fillFromIDNumberIn).
func (d *memberDialog) fillFromIDNumber() { fillFromIDNumberIn(d.form, d.s.u.store.Now()) }

// fillFromIDNumberIn fills a person's form (a member's, an applicant's):
// as the 公民身份号码 is typed, a valid number sets 出生日期 and 性别 and
// makes them read-only; otherwise they are typed by hand.
func fillFromIDNumberIn(f *recordForm, today time.Time) {
	id, ok := f.inputs["id_number"].object.(*widget.Entry)
	birth, okBirth := f.inputs["birth_date"].object.(*widget.Entry)
	gender, okGender := f.inputs["gender"].object.(*widget.Select)
	if !ok || !okBirth || !okGender {
		return
	}
	fill := func(text string) {
		n, err := field.ParseIDNumber(text, today)
		if err != nil {
			birth.Enable()
			gender.Enable()
			return
		}
		birth.SetText(data.DateOf(n.Birth).String())
		gender.SetSelected(string(map[bool]vocab.Gender{true: vocab.Male, false: vocab.Female}[n.Male]))
		birth.Disable()
		gender.Disable()
	}
	prev := id.OnChanged
	id.OnChanged = func(text string) {
		if prev != nil {
			prev(text)
		}
		fill(text)
	}
	fill(id.Text)
}

// save writes the member off the UI goroutine; the dialog stays open with
// the messages when the store refuses, and closes with 「已保存」 in the
// status bar when it accepts. A second 保存 or Enter while it runs does
// nothing.
func (d *memberDialog) save() {
	if d.saving.running || !d.form.read() || !d.saving.begin() {
		return
	}
	rec, isNew, store := *d.rec, d.isNew, d.s.u.store
	async(d.s.u, func() (data.Member, error) {
		var err error
		if isNew {
			err = store.Members.Create(context.Background(), &rec)
		} else {
			err = store.Members.Update(context.Background(), &rec)
		}
		return rec, err
	}, func(saved data.Member, err error) {
		d.saving.end()
		if err != nil {
			d.form.showSaveError(err)
			return
		}
		*d.rec = saved
		d.isNew = false
		d.form.markOpened()
		d.dlg.Hide()
		if isNew {
			d.s.u.notify("已新增党员" + saved.Name)
		} else {
			d.s.u.notify("已保存党员" + saved.Name + "的信息")
		}
		d.s.load()
	})
}
