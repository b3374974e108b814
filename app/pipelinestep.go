package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// The form of a step of 发展党员, for one person (记录下一步, 修改此步骤)
// or several (批量记录): the fields fit the step chosen. Before anything
// is written the DEV- rules are asked (Store.CheckDevStep): a refusal
// shows with the rule's id and text and nothing is written; warnings are
// shown and the user confirms (确认记录) or not (取消).

// stepForm is the form of a step.
type stepForm struct {
	u       *UI
	ids     []string // the people the step is recorded for
	names   map[string]string
	editing *data.DevStep // the step edited, nil for a new one
	done    func()        // after a step was recorded
	batch   bool

	kind    *widget.Select
	date    *widget.Entry
	until   *widget.Entry
	p1, p2  *memberPicker
	people  *widget.Entry
	votes   [5]*widget.Entry // 应到, 实到, 赞成, 反对, 弃权
	outcome *widget.Select
	extend  *widget.Entry
	hours   *widget.Entry
	days    *widget.Entry
	number  *widget.Entry
	content *widget.Entry
	note    *widget.Entry

	fields  *fyne.Container // the form of the step chosen
	message *widget.Label   // why it was not recorded
	save    *widget.Button
	dlg     *dialog.CustomDialog
	confirm dialog.Dialog // the warnings' 确认记录, while shown
	// refusals is the list of a batch nobody of which can be recorded,
	// in a scrolling dialog of its own (the form keeps one line).
	refusals *widget.Label
	saved    string        // typed() when the form opened
	who      *widget.Label // a batch's names
	top      *fyne.Container
	cancel   *widget.Button
	open     bool // the form is shown
	// admitted is the member record the 党委's approval made, for the
	// message after it.
	admitted string
}

// openStep opens the form of the step at i of the timeline (修改此步骤)
// or, for -1, of the next step (记录下一步).
func (p *personPage) openStep(i int) {
	if p.u.inCommittee() {
		return
	}
	offered := nextSteps(p.person.Steps)
	f := &stepForm{u: p.u, ids: []string{p.person.Applicant.ID},
		names: map[string]string{p.person.Applicant.ID: p.person.Applicant.Name}, done: p.reload}
	title := "记录下一步 — " + p.person.Applicant.Name
	if i >= 0 && i < len(p.person.Steps) {
		st := p.person.Steps[i]
		f.editing = &st
		offered = []vocab.DevStep{vocab.DevStep(st.Step)}
		title = "修改步骤 — " + p.person.Applicant.Name
	}
	f.build(title, offered, firstNext(offered))
	p.stepForm = f
}

// openBatch opens the form of a step for the people checked.
func (s *pipelineScreen) openBatch() {
	ids := s.checkedIDs()
	if len(ids) == 0 || s.u.inCommittee() {
		return
	}
	names := map[string]string{}
	count := map[vocab.DevStep]int{}
	for _, id := range ids {
		r, _ := s.row(id)
		names[id] = r.name
		if k := firstNext(nextSteps(r.person.Steps)); k != "" {
			count[k]++
		}
	}
	// The step most of them wait for comes first.
	var first vocab.DevStep
	for _, k := range vocab.DevSteps {
		if count[k] > count[first] {
			first = k
		}
	}
	var offered []vocab.DevStep
	for _, k := range vocab.DevSteps {
		if k != vocab.StepApply {
			offered = append(offered, k)
		}
	}
	f := &stepForm{u: s.u, ids: ids, names: names, batch: true, done: s.load}
	f.build(fmt.Sprintf("批量记录（%d人）", len(ids)), offered, first)
	s.lastBatch = &batchRun{form: f}
}

// build lays the form out and shows it.
func (f *stepForm) build(title string, offered []vocab.DevStep, first vocab.DevStep) {
	f.kind = widget.NewSelect(vocab.Texts(offered), func(string) {
		// A message said of the step chosen before would seem to be said of
		// this one.
		f.message.Hide()
		f.layout()
	})
	f.kind.PlaceHolder = "请选择步骤"
	f.date = newDateEntry()
	f.until = newDateEntry()
	f.p1, f.p2 = newMemberPicker(f.u), newMemberPicker(f.u)
	f.people = widget.NewEntry()
	for i := range f.votes {
		f.votes[i] = widget.NewEntry()
	}
	f.outcome = widget.NewSelect(nil, nil)
	f.extend = widget.NewEntry()
	f.hours, f.days = widget.NewEntry(), widget.NewEntry()
	f.number = widget.NewEntry()
	f.content = widget.NewMultiLineEntry()
	f.content.SetMinRowsVisible(3)
	f.content.Wrapping = fyne.TextWrapWord
	f.note = widget.NewEntry()
	f.message = widget.NewLabel("")
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Hide()
	f.fields = container.NewVBox()

	if st := f.editing; st != nil {
		f.kind.SetSelected(st.Step)
		f.date.SetText(st.Date.String())
		f.until.SetText(st.Until.String())
		f.p1.setID(string(st.PersonID))
		f.p2.setID(string(st.Person2ID))
		f.people.SetText(st.People)
		for i, n := range []int{st.Eligible, st.Present, st.VotesFor, st.VotesAgainst, st.Abstain} {
			f.votes[i].SetText(intText(n))
		}
		f.outcome.SetSelected(st.Outcome)
		f.extend.SetText(intText(st.ExtendMonths))
		f.hours.SetText(numText(st.Hours))
		f.days.SetText(numText(st.Days))
		f.number.SetText(st.Number)
		f.content.SetText(st.Content)
		f.note.SetText(st.Note)
	} else {
		f.date.SetText(data.DateOf(f.u.store.Now()).String())
		if first == "" && len(offered) > 0 {
			first = offered[0]
		}
		f.kind.SetSelected(string(first))
	}
	f.layout()
	f.saved = f.typed()
	f.save = widget.NewButton("保存", f.check)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", nil)
	f.cancel = cancel
	head := widget.NewForm(widget.NewFormItem("步骤", f.kind))
	top := container.NewVBox(head)
	f.top = top
	if f.batch {
		// Who the step is for, before saving (a short scroll when many).
		var who []string
		for _, id := range f.ids {
			who = append(who, f.names[id])
		}
		f.who = widget.NewLabel(fmt.Sprintf("为以下%d人记录：%s", len(who), strings.Join(who, "、")))
		f.who.Wrapping = fyne.TextWrapWord
		if len(who) > 15 {
			scroll := container.NewVScroll(f.who)
			scroll.SetMinSize(fyne.NewSize(0, 3*theme.TextSize()+4*theme.InnerPadding()))
			top.Add(scroll)
		} else {
			top.Add(f.who)
		}
	}
	top.Add(f.message)
	body := container.NewBorder(top, container.NewHBox(f.save, cancel), nil, nil,
		container.NewVScroll(f.fields))
	f.dlg = dialog.NewCustomWithoutButtons(title, body, f.u.win)
	size := f.u.win.Canvas().Size()
	f.dlg.Resize(fyne.NewSize(min(600, size.Width-40), min(660, size.Height-40)))
	cancelGuarded := f.u.guardDialog(f.dlg, f.dirty)
	cancel.OnTapped = func() {
		if !f.dirty() {
			f.close()
			return
		}
		cancelGuarded() // 放弃未保存的修改？
	}
	f.open = true
	f.dlg.Show()
}

// typed is what the form's fields hold, to tell unsaved edits.
func (f *stepForm) typed() string {
	parts := []string{f.date.Text, f.until.Text, f.p1.id(), f.p2.id(), f.people.Text,
		f.extend.Text, f.hours.Text, f.days.Text, f.number.Text, f.content.Text, f.note.Text}
	for _, v := range f.votes {
		parts = append(parts, v.Text)
	}
	return strings.Join(parts, "\x00")
}

// dirty reports whether a field was changed since the form opened (the
// step chosen alone is no edit).
func (f *stepForm) dirty() bool { return f.typed() != f.saved }

// close hides the form.
func (f *stepForm) close() {
	f.open = false
	f.dlg.Hide()
}

// newDateEntry is a date field.
func newDateEntry() *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("如 2026-07-01")
	return e
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func numText(x float64) string {
	if x == 0 {
		return ""
	}
	return fmtNum(x)
}

// layout shows the fields the step chosen takes.
func (f *stepForm) layout() {
	k := vocab.DevStep(f.kind.Selected)
	form := widget.NewForm(widget.NewFormItem("日期 *", f.date))
	switch k {
	case vocab.StepPublicity:
		form.Append("公示截止日期", f.until)
	case vocab.StepTraining:
		form.Append("培训结束日期", f.until)
	}
	if role := k.Role(); role != vocab.RoleNone {
		two := k == vocab.StepContacts || k == vocab.StepIntroducers || k == vocab.StepReview
		if two {
			form.Append(string(role)+"（一）", f.p1)
			form.Append(string(role)+"（二）", f.p2)
		} else {
			form.Append(string(role), f.p1)
		}
	}
	if k.Organ() != "" || k.Role() != vocab.RoleNone {
		form.Append("其他人员", f.people)
	}
	if k.Votes() {
		for i, label := range []string{"应到会有表决权人数 *", "实到会有表决权人数", "赞成票", "反对票", "弃权票"} {
			form.Append(label, f.votes[i])
		}
	}
	if outs := k.Outcomes(); outs != nil {
		keep := f.outcome.Selected
		f.outcome.Options = vocab.Texts(outs)
		f.outcome.Selected = ""
		for _, o := range f.outcome.Options {
			if o == keep {
				f.outcome.Selected = keep
			}
		}
		if f.outcome.Selected == "" {
			f.outcome.Selected = f.outcome.Options[0]
		}
		f.outcome.Refresh()
		form.Append("结果 *", f.outcome)
	}
	if k == vocab.StepConfirmVote || k == vocab.StepConfirmApproval {
		form.Append("延长预备期（月）", f.extend)
	}
	if k == vocab.StepTraining {
		form.Append("学时", f.hours)
		form.Append("天数", f.days)
	}
	if label := numberLabel(k); label != "" {
		form.Append(label, f.number)
	}
	form.Append(contentLabel(k), f.content)
	form.Append("备注", f.note)
	f.fields.Objects = []fyne.CanvasObject{form}
	f.fields.Refresh()
}

// numberLabel is what the step's 编号 is, "" for a step without one.
func numberLabel(k vocab.DevStep) string {
	switch k {
	case vocab.StepForm:
		return "志愿书编号"
	case vocab.StepTraining:
		return "结业证书编号"
	case vocab.StepActivistFiled, vocab.StepCandidateFiled, vocab.StepApprovalFiled:
		return "备案编号"
	case vocab.StepApproval, vocab.StepConfirmApproval, vocab.StepPreReview:
		return "批复文号"
	}
	return ""
}

// contentLabel is what the step's 内容 is.
func contentLabel(k vocab.DevStep) string {
	switch k {
	case vocab.StepTalk, vocab.StepPartyTalk:
		return "谈话内容"
	case vocab.StepReview:
		return "考察意见"
	case vocab.StepReport:
		return "汇报主题"
	case vocab.StepPublicity:
		return "公示内容"
	case vocab.StepVetting:
		return "政审结论"
	}
	return "内容"
}

// read is the step the form holds, for the applicant; a Chinese error
// names a field that cannot be read.
func (f *stepForm) read(applicantID string) (*data.DevStep, error) {
	st := &data.DevStep{}
	if f.editing != nil {
		*st = *f.editing
	}
	st.ApplicantID = data.Ref(applicantID)
	k := vocab.DevStep(f.kind.Selected)
	if k == "" {
		return nil, errors.New("请选择步骤")
	}
	st.Step = string(k)
	var err error
	if st.Date, err = readDate("日期", f.date.Text, true); err != nil {
		return nil, err
	}
	st.Until = data.Date{}
	if k == vocab.StepPublicity || k == vocab.StepTraining {
		if st.Until, err = readDate("截止日期", f.until.Text, false); err != nil {
			return nil, err
		}
	}
	st.PersonID, st.Person2ID = "", ""
	if k.Role() != vocab.RoleNone {
		st.PersonID = data.Ref(f.p1.id())
		if k == vocab.StepContacts || k == vocab.StepIntroducers || k == vocab.StepReview {
			st.Person2ID = data.Ref(f.p2.id())
		}
		if st.PersonID == "" {
			st.PersonID, st.Person2ID = st.Person2ID, ""
		}
	}
	st.People = ""
	if k.Organ() != "" || k.Role() != vocab.RoleNone {
		st.People = strings.TrimSpace(f.people.Text)
	}
	st.Eligible, st.Present, st.VotesFor, st.VotesAgainst, st.Abstain = 0, 0, 0, 0, 0
	if k.Votes() {
		labels := []string{"应到会有表决权人数", "实到会有表决权人数", "赞成票", "反对票", "弃权票"}
		ptrs := []*int{&st.Eligible, &st.Present, &st.VotesFor, &st.VotesAgainst, &st.Abstain}
		for i, e := range f.votes {
			if *ptrs[i], err = readInt(labels[i], e.Text); err != nil {
				return nil, err
			}
		}
	}
	st.Outcome = ""
	if k.Outcomes() != nil {
		st.Outcome = f.outcome.Selected
	}
	st.ExtendMonths = 0
	if k == vocab.StepConfirmVote || k == vocab.StepConfirmApproval {
		if st.ExtendMonths, err = readInt("延长预备期（月）", f.extend.Text); err != nil {
			return nil, err
		}
	}
	st.Hours, st.Days = 0, 0
	if k == vocab.StepTraining {
		if st.Hours, err = readNum("学时", f.hours.Text); err != nil {
			return nil, err
		}
		if st.Days, err = readNum("天数", f.days.Text); err != nil {
			return nil, err
		}
	}
	st.Number = ""
	if numberLabel(k) != "" {
		st.Number = strings.TrimSpace(f.number.Text)
	}
	st.Content = strings.TrimSpace(f.content.Text)
	st.Note = strings.TrimSpace(f.note.Text)
	return st, nil
}

func readDate(label, text string, required bool) (data.Date, error) {
	if strings.TrimSpace(text) == "" {
		if required {
			return data.Date{}, fmt.Errorf("「%s」不能为空", label)
		}
		return data.Date{}, nil
	}
	t, err := field.ParseDate(text)
	if err != nil {
		return data.Date{}, fmt.Errorf("「%s」%s", label, err.Error())
	}
	return data.DateOf(t), nil
}

func readInt(label, text string) (int, error) {
	text = strings.TrimSpace(field.Normalize(text))
	if text == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("「%s」应为不小于0的整数", label)
	}
	return n, nil
}

func readNum(label, text string) (float64, error) {
	text = strings.TrimSpace(field.Normalize(text))
	if text == "" {
		return 0, nil
	}
	x, err := strconv.ParseFloat(text, 64)
	if err != nil || x < 0 {
		return 0, fmt.Errorf("「%s」应为不小于0的数", label)
	}
	return x, nil
}

// tell shows why nothing was recorded.
func (f *stepForm) tell(text string) {
	f.message.SetText(text)
	f.message.Show()
	if f.top != nil {
		f.top.Refresh() // lay the form out again below the message
	}
}

// issueText writes the rules' issues a line each, with the rule's id
// after a space: a wrapped label breaks there rather than inside the id
// (「DEV-QU」「ORUM」).
func issueText(issues []rules.StepIssue) string {
	var lines []string
	for _, is := range issues {
		lines = append(lines, is.Text+" （"+string(is.Rule)+"）")
	}
	return strings.Join(lines, "\n")
}

// stepCheck is what the rules said of the step for one person.
type stepCheck struct {
	id       string
	step     *data.DevStep
	refused  []rules.StepIssue
	warnings []rules.StepIssue
	err      error // a failure to check, or the store's refusal on writing
}

// check asks the rules before anything is written: refusals show and
// nothing is written; warnings ask for 确认记录.
func (f *stepForm) check() {
	var steps []*data.DevStep
	for _, id := range f.ids {
		st, err := f.read(id)
		if err != nil {
			f.tell(err.Error())
			return
		}
		steps = append(steps, st)
	}
	f.message.Hide()
	f.save.Disable()
	store := f.u.store
	async(f.u, func() ([]stepCheck, error) {
		out := make([]stepCheck, len(steps))
		for i, st := range steps {
			out[i] = stepCheck{id: f.ids[i], step: st}
			issues, err := store.CheckDevStep(context.Background(), st)
			if err != nil {
				out[i].err = err
				continue
			}
			for _, is := range issues {
				if is.Refuse {
					out[i].refused = append(out[i].refused, is)
				} else {
					out[i].warnings = append(out[i].warnings, is)
				}
			}
		}
		return out, nil
	}, func(checks []stepCheck, _ error) {
		f.save.Enable()
		if f.batch {
			f.confirmBatch(checks)
			return
		}
		c := checks[0]
		switch {
		case c.err != nil:
			f.tell(errText(c.err))
		case len(c.refused) > 0:
			f.tell("不能记录：\n" + issueText(c.refused))
		case len(c.warnings) > 0:
			f.askConfirm("请注意：\n"+issueText(c.warnings)+"\n\n仍要记录此步骤？", func() { f.record(checks) })
		default:
			f.record(checks)
		}
	})
}

// errText is a refusal as the user reads it: the store's problems, each
// with its field.
func errText(err error) string {
	if ps := data.ProblemsOf(err); len(ps) > 0 {
		var items []string
		for _, p := range ps {
			items = append(items, "「"+p.Label+"」"+p.Msg)
		}
		return "不能记录：" + strings.Join(items, "；")
	}
	return "不能记录：" + err.Error()
}

// askConfirm shows the warnings with 确认记录 and 取消.
func (f *stepForm) askConfirm(text string, yes func()) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("确认记录", "确认记录", "取消", container.NewVScroll(l), func(ok bool) {
		f.confirm = nil
		if ok {
			yes()
		}
	}, f.u.win)
	size := f.u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(520, size.Width-60), min(360, size.Height-60)))
	f.confirm = d
	d.Show()
}

// record writes the steps not refused, each person in a write of their
// own, and says how it went.
func (f *stepForm) record(checks []stepCheck) {
	f.save.Disable()
	store := f.u.store
	async(f.u, func() ([]stepCheck, error) {
		for i := range checks {
			c := &checks[i]
			if c.err != nil || len(c.refused) > 0 {
				continue
			}
			warnings, err := store.RecordDevStep(context.Background(), c.step)
			if err != nil {
				c.err = err
				continue
			}
			c.warnings = warnings
		}
		return checks, nil
	}, func(checks []stepCheck, _ error) {
		f.save.Enable()
		if f.batch {
			f.close()
			f.summarize(checks)
			f.done()
			return
		}
		c := checks[0]
		if c.err != nil {
			f.tell(errText(c.err))
			return
		}
		f.close()
		f.u.notify("已记录" + f.names[c.id] + "的“" + c.step.Step + "”")
		f.done()
		if vocab.DevStep(c.step.Step) == vocab.StepApproval && vocab.DevOutcome(c.step.Outcome) == vocab.OutcomePassed {
			f.showAdmitted(c.id)
		}
	})
}

// showAdmitted says that the 党委's approval made the member record, and
// offers to open it.
func (f *stepForm) showAdmitted(applicantID string) {
	store := f.u.store
	load(f.u.reader(), func(ctx context.Context) (*data.Applicant, error) {
		return store.Applicants.Get(ctx, applicantID)
	}, func(a *data.Applicant, err error) {
		if err != nil || a.MemberID == "" {
			return
		}
		f.admitted = string(a.MemberID)
		msg := widget.NewLabel("党委审批通过，已按" + a.Name + "的发展党员记录建立预备党员的党员记录（无需重新录入）。")
		msg.Wrapping = fyne.TextWrapWord
		var d dialog.Dialog
		open := widget.NewButton("打开党员记录", func() {
			d.Hide()
			if f.u.members == nil {
				newMembersScreen(f.u)
			}
			f.u.members.openMember(string(a.MemberID))
		})
		open.Importance = widget.HighImportance
		d = dialog.NewCustom("已建立党员记录", "关闭", container.NewVBox(msg, open), f.u.win)
		d.Resize(fyne.NewSize(min(480, f.u.win.Canvas().Size().Width-60), 200))
		d.Show()
	})
}

// batchRun is a batch step: its form and what it gave.
type batchRun struct {
	form     *stepForm
	recorded []string // names
	refused  []string // 姓名：why
	warned   []string // 姓名：the warnings
	summary  string
}

// confirmBatch shows who would be recorded and who the rules refuse, and
// records the others on 确认记录; when nobody can be recorded it says so.
func (f *stepForm) confirmBatch(checks []stepCheck) {
	ok, refused := 0, 0
	var lines []string
	for _, c := range checks {
		switch {
		case c.err != nil:
			refused++
			lines = append(lines, f.names[c.id]+"："+strings.TrimPrefix(errText(c.err), "不能记录："))
		case len(c.refused) > 0:
			refused++
			lines = append(lines, f.names[c.id]+"："+strings.ReplaceAll(issueText(c.refused), "\n", "；"))
		default:
			ok++
			if len(c.warnings) > 0 {
				lines = append(lines, f.names[c.id]+"（提醒）："+strings.ReplaceAll(issueText(c.warnings), "\n", "；"))
			}
		}
	}
	head := fmt.Sprintf("“%s”：可记录%d人，不能记录%d人。", f.kind.Selected, ok, refused)
	if ok == 0 {
		f.tell(head + "未写入任何内容，原因见弹出的清单。")
		f.refusals = widget.NewLabel(head + "\n" + strings.Join(lines, "\n"))
		f.refusals.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom("不能记录", "关闭", container.NewVScroll(f.refusals), f.u.win)
		size := f.u.win.Canvas().Size()
		d.Resize(fyne.NewSize(min(560, size.Width-60), min(480, size.Height-60)))
		d.Show()
		return
	}
	text := head
	if len(lines) > 0 {
		text += "\n" + strings.Join(lines, "\n")
	}
	f.askConfirm(text+fmt.Sprintf("\n\n为可记录的%d人记录此步骤？不能记录的人不写入任何内容。", ok), func() { f.record(checks) })
}

// summarize lists who was recorded, who was refused and why, with the
// warnings.
func (f *stepForm) summarize(checks []stepCheck) {
	run := &batchRun{form: f}
	for _, c := range checks {
		name := f.names[c.id]
		switch {
		case c.err != nil:
			run.refused = append(run.refused, name+"："+strings.TrimPrefix(errText(c.err), "不能记录："))
		case len(c.refused) > 0:
			run.refused = append(run.refused, name+"："+strings.ReplaceAll(issueText(c.refused), "\n", "；"))
		default:
			run.recorded = append(run.recorded, name)
			if len(c.warnings) > 0 {
				run.warned = append(run.warned, name+"："+strings.ReplaceAll(issueText(c.warnings), "\n", "；"))
			}
		}
	}
	text := fmt.Sprintf("“%s”已为%d人记录", f.kind.Selected, len(run.recorded))
	if len(run.recorded) > 0 {
		text += "：" + strings.Join(run.recorded, "、")
	}
	text += "。"
	if len(run.refused) > 0 {
		text += fmt.Sprintf("\n\n未记录%d人：\n", len(run.refused)) + strings.Join(run.refused, "\n")
	}
	if len(run.warned) > 0 {
		text += "\n\n提醒：\n" + strings.Join(run.warned, "\n")
	}
	run.summary = text
	if s, ok := f.u.built["pipeline"].(*pipelineScreen); ok {
		s.lastBatch = run
		s.checked = map[string]bool{}
		for _, c := range checks {
			if c.err != nil || len(c.refused) > 0 {
				s.checked[c.id] = true // those left, to try again
			}
		}
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("批量记录结果", "关闭", container.NewVScroll(l), f.u.win)
	size := f.u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(560, size.Width-60), min(480, size.Height-60)))
	d.Show()
}
