package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// The person's page: their particulars, the timeline of every step with
// each step's documents (the attachments UI), and 记录下一步. The form of
// a new 入党申请人 is the page's 基本信息 alone.

// applicantFormOrder lays the applicant's fields out as the member form
// does.
var applicantFormOrder = []string{"branch_id", "name", "gender", "ethnicity", "birth_date", "id_number",
	"native_place", "education", "person_type", "staff_no", "position", "phone", "note"}

// personPage is the page of one person in the pipeline (or the form of a
// new one).
type personPage struct {
	s      *pipelineScreen
	u      *UI
	rec    *data.Applicant
	person data.DevRecord
	isNew  bool
	form   *recordForm
	dlg    *dialog.CustomDialog
	saving saveOnce

	stage    *widget.Label
	member   *widget.Button
	steps    *widget.List
	lines    []string // the timeline's lines, for the list and tests
	chosen   int      // the step chosen in the timeline, -1 for none
	detail   *widget.Label
	attach   *attachmentsPanel
	editStep *widget.Button
	delStep  *widget.Button
	next     *widget.Button
	tabs     *container.AppTabs

	stepForm *stepForm // the step form last opened
}

// personInput is what the page reads.
type personInput struct {
	person   data.DevRecord
	branches []refOption
	names    map[string]string // member id → 姓名, of the members the steps name
	branch   string            // the person's branch, as labelled
}

// openApplicant opens the form of a new 入党申请人 (id "") or the page of
// the person with the id.
func (s *pipelineScreen) openApplicant(id string) {
	if id != "" {
		s.openPerson(id)
		return
	}
	store := s.u.store
	// The branch the board shows, else the only one: the 支部 field does
	// not start empty when there is a branch to start with.
	chosen := s.branch.id()
	load(s.u.reader(), func(ctx context.Context) (personInput, error) {
		in := personInput{person: data.DevRecord{Applicant: data.Applicant{PersonType: string(vocab.PersonStudent)}}}
		branches, err := store.BranchRefs(ctx)
		in.branches = branchRefOptions(branches)
		if chosen == "" && len(branches) == 1 {
			chosen = branches[0].ID
		}
		in.person.Applicant.BranchID = data.Ref(chosen)
		return in, err
	}, func(in personInput, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.showPage(in, true)
	})
}

// openPerson opens the page of the person with the id.
func (s *pipelineScreen) openPerson(id string) {
	store := s.u.store
	load(s.u.reader(), func(ctx context.Context) (personInput, error) {
		return readPerson(ctx, store, id)
	}, func(in personInput, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.showPage(in, false)
	})
}

// readPerson reads a person with their steps and the names of the
// members the steps name.
func readPerson(ctx context.Context, store *data.Store, id string) (personInput, error) {
	var in personInput
	p, err := store.PipelinePersonOf(ctx, id)
	if err != nil {
		return in, err
	}
	in.person = p
	branches, err := store.BranchRefs(ctx)
	if err != nil {
		return in, err
	}
	in.branches = branchRefOptions(branches)
	for _, b := range in.branches {
		if b.ID == string(p.Applicant.BranchID) {
			in.branch = b.Label
		}
	}
	in.names = map[string]string{}
	for _, st := range p.Steps {
		for _, m := range []data.Ref{st.PersonID, st.Person2ID} {
			if m == "" || in.names[string(m)] != "" {
				continue
			}
			if rec, err := store.Members.Get(ctx, string(m)); err == nil {
				in.names[string(m)] = rec.Name
			}
		}
	}
	return in, nil
}

// showPage shows the page (or the new applicant's form).
func (s *pipelineScreen) showPage(in personInput, isNew bool) {
	rec := in.person.Applicant
	p := &personPage{s: s, u: s.u, rec: &rec, person: in.person, isNew: isNew, chosen: -1}
	p.form = newRecordForm(p.rec, formSpec{
		choices:   map[string][]string{"gender": data.Genders, "person_type": data.PersonTypes},
		refs:      map[string][]refOption{"branch_id": in.branches},
		skip:      map[string]bool{"member_id": true},
		u:         s.u,
		keepDates: true,
		order:     applicantFormOrder,
	})
	p.form.OnSubmit = p.save
	fillFromIDNumberIn(p.form, s.u.store.Now())
	p.form.markOpened()
	save := widget.NewButton("保存", p.save)
	save.Importance = widget.HighImportance
	p.saving.button = save
	note := widget.NewLabel("带 * 的为必填项；出生日期和性别按公民身份号码自动填写。")
	info := container.NewBorder(note, container.NewHBox(save), nil, nil, p.form.scrollView())
	if s.u.inCommittee() {
		save.Hide()
	}
	title := "新增入党申请人"
	var body fyne.CanvasObject = info
	if !isNew {
		title = "发展党员 — " + rec.Name
		p.tabs = container.NewAppTabs(
			container.NewTabItem("发展过程", p.timeline(in.names, in.branch)),
			container.NewTabItem("基本信息", info))
		body = p.tabs
	}
	closeBtn := widget.NewButton("关闭", nil)
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeBtn), nil, nil, body), s.u.win)
	p.dlg.Resize(fyne.NewSize(min(860, s.u.win.Canvas().Size().Width-40), min(700, s.u.win.Canvas().Size().Height-40)))
	closeBtn.OnTapped = s.u.guardDialog(p.dlg, p.form.dirty)
	s.page = p
	p.dlg.Show()
}

// save writes the applicant's particulars.
func (p *personPage) save() {
	if p.s.u.inCommittee() || p.saving.running || !p.form.read() || !p.saving.begin() {
		return
	}
	rec, isNew, store := *p.rec, p.isNew, p.u.store
	async(p.u, func() (data.Applicant, error) {
		var err error
		if isNew {
			err = store.Applicants.Create(context.Background(), &rec)
		} else {
			err = store.Applicants.Update(context.Background(), &rec)
		}
		return rec, err
	}, func(saved data.Applicant, err error) {
		p.saving.end()
		if err != nil {
			p.form.showSaveError(err)
			return
		}
		*p.rec = saved
		p.form.markOpened()
		p.s.load()
		if isNew {
			p.u.notify("已新增入党申请人" + saved.Name)
			p.dlg.Hide()
			p.s.openPerson(saved.ID) // the page, to record the 入党申请书
			return
		}
		p.u.notify("已保存" + saved.Name + "的信息")
	})
}

// timeline is the 发展过程 tab: the stage, the steps, the step chosen with
// its documents, and the buttons.
func (p *personPage) timeline(names map[string]string, branch string) fyne.CanvasObject {
	p.stage = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.stage.Wrapping = fyne.TextWrapWord
	p.member = widget.NewButton("打开党员记录", p.openMember)
	p.lines = timelineLines(p.person.Steps, names)
	p.steps = widget.NewList(func() int { return len(p.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(p.lines) {
				o.(*widget.Label).SetText(p.lines[i])
			}
		})
	p.detail = widget.NewLabel("点击上方一个步骤查看其内容和附件。")
	p.detail.Wrapping = fyne.TextWrapWord
	p.attach = newAttachmentsPanel(p.u, "dev_steps", "")
	p.attach.view().Hide()
	p.editStep = widget.NewButton("修改此步骤", func() { p.openStep(p.chosen) })
	p.delStep = widget.NewButton("删除此步骤", p.removeStep)
	p.editStep.Disable()
	p.delStep.Disable()
	p.steps.OnSelected = func(i widget.ListItemID) { p.choose(i) }
	p.next = widget.NewButton("记录下一步…", func() { p.openStep(-1) })
	p.next.Importance = widget.HighImportance
	del := widget.NewButton("删除此人…", p.remove)
	del.Importance = widget.DangerImportance
	if p.u.inCommittee() {
		p.next.Hide()
		del.Hide()
		p.editStep.Hide()
		p.delStep.Hide()
	}
	p.showStage()
	head := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(p.member, p.next, del), p.stage),
		widget.NewLabel(particulars(p.person.Applicant, branch)))
	detail := container.NewVScroll(container.NewVBox(p.detail, container.NewHBox(p.editStep, p.delStep), p.attach.view()))
	split := container.NewVSplit(p.steps, detail)
	split.Offset = 0.5
	return container.NewBorder(head, nil, nil, nil, split)
}

// noStepsHint is said under an empty timeline.
const noStepsHint = "尚无步骤记录，请点“记录下一步”。"

// showStage writes the stage and shows 打开党员记录 once there is one.
func (p *personPage) showStage() {
	d := p.s.devRules()
	stage := rules.StageOf(p.person.Person.Steps)
	text := "当前阶段：" + string(stage)
	// 届满 on the day the rules, the documents and the member's 转正日期 say.
	if end := rules.ConfirmedOn(p.person.Person.Steps, d); !end.IsZero() && stage == vocab.StageProbation {
		text += "（预备期" + data.DateOf(end).String() + "届满）"
	}
	if due := p.s.due[p.person.Applicant.ID]; due != "" {
		text += "\n本月待办：" + due
	}
	p.stage.SetText(text)
	if len(p.person.Steps) == 0 && p.detail != nil {
		p.detail.SetText(noStepsHint)
	}
	if p.person.Applicant.MemberID != "" {
		p.member.Show()
	} else {
		p.member.Hide()
	}
	if len(nextSteps(p.person.Steps)) == 0 {
		p.next.Disable()
	} else {
		p.next.Enable()
	}
}

// timelineLines writes each step on a line: date, step, people, decision
// with votes, outcome, number, content.
func timelineLines(steps []data.DevStep, names map[string]string) []string {
	out := make([]string, len(steps))
	for i, st := range steps {
		out[i] = stepLine(st, names)
	}
	return out
}

// stepLine is one step as the timeline writes it.
func stepLine(st data.DevStep, names map[string]string) string {
	k := vocab.DevStep(st.Step)
	parts := []string{st.Date.String(), st.Step}
	if !st.Until.IsZero() {
		parts = append(parts, "至"+st.Until.String())
	}
	var people []string
	for _, m := range []data.Ref{st.PersonID, st.Person2ID} {
		if m != "" {
			people = append(people, names[string(m)])
		}
	}
	if len(people) > 0 {
		parts = append(parts, string(k.Role())+"："+strings.Join(people, "、"))
	}
	if st.People != "" {
		parts = append(parts, st.People)
	}
	if k.Votes() {
		parts = append(parts, fmt.Sprintf("应到%d人，实到%d人，赞成%d、反对%d、弃权%d",
			st.Eligible, st.Present, st.VotesFor, st.VotesAgainst, st.Abstain))
	}
	if st.Outcome != "" {
		o := st.Outcome
		if st.ExtendMonths > 0 {
			o += strconv.Itoa(st.ExtendMonths) + "个月"
		}
		parts = append(parts, o)
	}
	if st.Hours > 0 || st.Days > 0 {
		parts = append(parts, fmt.Sprintf("%s学时、%s天", fmtNum(st.Hours), fmtNum(st.Days)))
	}
	if st.Number != "" {
		parts = append(parts, "编号"+st.Number)
	}
	if st.Content != "" {
		parts = append(parts, firstLine(st.Content))
	}
	return strings.Join(parts, "  ")
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// firstLine is a text's first line.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + "…"
	}
	return s
}

// choose shows the step at i with its attachments.
func (p *personPage) choose(i int) {
	if i < 0 || i >= len(p.person.Steps) {
		return
	}
	p.chosen = i
	st := p.person.Steps[i]
	text := p.lines[i]
	if st.Content != "" {
		text += "\n" + st.Content
	}
	if st.Note != "" {
		text += "\n备注：" + st.Note
	}
	p.detail.SetText(text)
	p.attach.setOwner(st.ID)
	p.attach.view().Show()
	p.editStep.Enable()
	p.delStep.Enable()
}

// reload reads the person again after a step was recorded or deleted.
func (p *personPage) reload() {
	store, id := p.u.store, p.person.Applicant.ID
	load(p.u.reader(), func(ctx context.Context) (personInput, error) {
		return readPerson(ctx, store, id)
	}, func(in personInput, err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.person = in.person
		*p.rec = in.person.Applicant
		p.form.markOpened()
		for _, in := range p.form.inputs {
			in.write()
		}
		p.form.markOpened()
		p.lines = timelineLines(in.person.Steps, in.names)
		p.chosen = -1
		p.steps.UnselectAll()
		p.steps.Refresh()
		p.detail.SetText("点击上方一个步骤查看其内容和附件。")
		p.attach.view().Hide()
		p.editStep.Disable()
		p.delStep.Disable()
		p.showStage()
	})
	p.s.load()
}

// openMember opens the member record the 党委's approval made.
func (p *personPage) openMember() {
	id := string(p.person.Applicant.MemberID)
	if id == "" {
		return
	}
	if p.u.inCommittee() {
		p.u.viewMember(id)
		return
	}
	if p.u.members == nil {
		newMembersScreen(p.u)
	}
	p.u.members.openMember(id)
}

// removeStep deletes the step chosen (to the 回收站).
func (p *personPage) removeStep() {
	if p.chosen < 0 || p.chosen >= len(p.person.Steps) {
		return
	}
	st := p.person.Steps[p.chosen]
	store := p.u.store
	what := "发展步骤“" + st.Date.String() + " " + st.Step + "”"
	note := ""
	if k := vocab.DevStep(st.Step); p.person.Applicant.MemberID != "" &&
		(k == vocab.StepApproval || k == vocab.StepConfirmApproval || k == vocab.StepEnd) {
		note = "据此步骤建立或修改的党员记录不随之改变，如有需要请在“党员”中修改。"
	}
	p.u.deleteWithUndoNote(what, note,
		func(ctx context.Context) error { return store.DevSteps.Delete(ctx, &st) },
		func(ctx context.Context) error { return store.DevSteps.Restore(ctx, st.ID) },
		p.reload)
}

// remove deletes the person with their steps (to the 回收站).
func (p *personPage) remove() {
	a := p.person.Applicant
	store := p.u.store
	what := "“" + a.Name + "”的发展党员记录（含" + strconv.Itoa(len(p.person.Steps)) + "个步骤）"
	p.u.deleteWithUndoNote(what, "已建立的党员记录不随之删除。",
		func(ctx context.Context) error { return store.Applicants.Delete(ctx, &a) },
		func(ctx context.Context) error { return store.Applicants.Restore(ctx, a.ID) },
		func() {
			p.dlg.Hide()
			p.s.load()
		})
}

// particulars is the person's line above the timeline: 支部, 性别, 出生日期,
// 人员类别, 工号或学号.
func particulars(a data.Applicant, branch string) string {
	var parts []string
	for _, v := range []string{branch, a.Gender, a.BirthDate.String(), a.PersonType, a.StaffNo, a.Position} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " · ")
}
