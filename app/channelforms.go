package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	snapshot "dangjian/sync"
)

// The forms of the 党委发布 screen: a notice or a task, the year's
// thresholds, the term calendar. Each checks what it can before the
// passphrase is asked, and says under its button how publishing went.

// noticeForm publishes a notice, or a task (with its id, given or
// numbered by the publication), with an optional deadline.
type noticeForm struct {
	s        *publishScreen
	kind     data.ChannelKind
	taskID   *widget.Entry // tasks only
	title    *widget.Entry
	text     *widget.Entry
	deadline *widget.Entry
	message  *widget.Label
	send     *widget.Button
}

func newNoticeForm(s *publishScreen, kind data.ChannelKind) *noticeForm {
	f := &noticeForm{s: s, kind: kind, title: widget.NewEntry(), text: widget.NewMultiLineEntry(),
		deadline: widget.NewEntry(), message: widget.NewLabel("")}
	f.text.SetMinRowsVisible(6)
	f.text.Wrapping = fyne.TextWrapWord
	f.deadline.SetPlaceHolder("可不填，如 2027-01-10")
	f.message.Wrapping = fyne.TextWrapWord
	if kind == data.ChannelTask {
		f.taskID = widget.NewEntry()
		f.taskID.SetPlaceHolder("可不填，自动编号（如 T12）；只能用字母、数字、- 和 _")
		f.title.SetPlaceHolder("如 1月10日前完成民主评议并上报")
	}
	f.send = widget.NewButton("发布"+kind.Label(), f.publish)
	f.send.Importance = widget.HighImportance
	return f
}

// object lays the form out.
func (f *noticeForm) object() fyne.CanvasObject {
	form := widget.NewForm()
	if f.taskID != nil {
		form.Append("任务编号", f.taskID)
	}
	form.Append("标题 *", f.title)
	form.Append("内容", f.text)
	form.Append("截止日期", f.deadline)
	note := "通知发给每个二级党组织，显示在其工作台上。"
	if f.kind == data.ChannelTask {
		note = "任务显示在各组织的工作台上，由组织标记完成（可附说明和文件），随其下次同步报回；完成情况见「任务完成情况」。"
	}
	hint := widget.NewLabel(note)
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewVScroll(container.NewVBox(hint, form, container.NewHBox(f.send), f.message))
}

// publish publishes what the form holds; a publication empties it.
func (f *noticeForm) publish() {
	deadline, err := channelDay(f.deadline.Text)
	if err != nil {
		showFormMessage(f.message, "未发布：截止日期"+err.Error(), true)
		return
	}
	body := snapshot.ChannelBody{Kind: f.kind, Title: strings.TrimSpace(f.title.Text), Text: f.text.Text, Deadline: deadline}
	if f.taskID != nil {
		body.TaskID = strings.TrimSpace(f.taskID.Text)
	}
	f.s.publish(body, f.kind.Label()+"“"+body.Title+"”", f.message, func() {
		for _, e := range []*widget.Entry{f.taskID, f.title, f.text, f.deadline} {
			if e != nil {
				e.SetText("")
			}
		}
	})
}

// channelDay reads a date typed in any of the usual ways as the channel
// writes it (2027-01-10); "" for none.
func channelDay(text string) (string, error) {
	t, err := field.ParseDate(text)
	if errors.Is(err, field.ErrEmpty) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return t.Format(time.DateOnly), nil
}

// thresholdsForm publishes the year's thresholds: the rule settings form
// of 设置, each setting with a 统一设定 check; the settings checked are
// those every organization then has and cannot change.
type thresholdsForm struct {
	s       *publishScreen
	year    *widget.Entry
	rules   *ruleSettings
	message *widget.Label
	send    *widget.Button
}

func newThresholdsForm(s *publishScreen) *thresholdsForm {
	f := &thresholdsForm{s: s, year: widget.NewEntry(), message: widget.NewLabel("")}
	f.message.Wrapping = fyne.TextWrapWord
	f.rules = newRuleForm(s.u, f.message, true)
	f.year.SetText(strconv.Itoa(s.u.store.Now().Year()))
	f.send = widget.NewButton("发布考核标准", f.publish)
	f.send.Importance = widget.HighImportance
	f.prefill(nil, s.u.store.Now().Year())
	return f
}

// object lays the form out.
func (f *thresholdsForm) object() fyne.CanvasObject {
	hint := widget.NewLabel("勾选「统一设定」的各项发给每个二级党组织，在其设置中显示为「" + data.SetByCommitteeLabel +
		"」且不能修改；未勾选的各项由组织自行设定。")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewVScroll(container.NewVBox(hint,
		widget.NewForm(widget.NewFormItem("年度", f.year)), f.rules.form, container.NewHBox(f.send), f.message))
}

// prefill shows the thresholds published last (pubs, by seq), checked;
// before any, the rules' defaults, every one checked but 记录起始月份,
// which each organization's records decide.
func (f *thresholdsForm) prefill(pubs []snapshot.Publication, year int) {
	values := rules.DefaultSettings().Values()
	picked := map[string]bool{}
	for _, d := range rules.SettingDefs {
		picked[d.Key] = d.Key != rules.RecordsSinceKey
	}
	for i := len(pubs) - 1; i >= 0; i-- {
		if b := pubs[i].Body; b.Kind == data.ChannelThresholds {
			picked = map[string]bool{}
			for k, v := range b.Thresholds {
				values[k], picked[k] = v, true
			}
			year = max(year, b.Year)
			break
		}
	}
	f.year.SetText(strconv.Itoa(year))
	f.rules.fill(values)
	for k, c := range f.rules.picks {
		c.SetChecked(picked[k])
	}
}

// publish publishes the settings checked, as the rules write them.
func (f *thresholdsForm) publish() {
	year, err := strconv.Atoi(strings.TrimSpace(field.Normalize(f.year.Text)))
	if err != nil {
		showFormMessage(f.message, "未发布：年度应为四位数字，如 2027", true)
		return
	}
	values, ok := f.rules.checked("未发布：")
	if !ok {
		f.message.Importance = widget.DangerImportance
		f.message.Refresh()
		return
	}
	picked := map[string]string{}
	for k, c := range f.rules.picks {
		if c.Checked {
			picked[k] = values[k]
		}
	}
	if len(picked) == 0 {
		showFormMessage(f.message, "未发布：没有勾选「统一设定」的项", true)
		return
	}
	body := snapshot.ChannelBody{Kind: data.ChannelThresholds, Year: year, Thresholds: picked}
	f.s.publish(body, fmt.Sprintf("%d年度的考核标准（%d项）", year, len(picked)), f.message, nil)
}

// calendarForm publishes the term calendar: a row per term, its name
// (2026-2027-1) and first and last days.
type calendarForm struct {
	s       *publishScreen
	rows    []*termRow
	box     *fyne.Container
	message *widget.Label
	send    *widget.Button
}

// termRow is a term of the calendar form.
type termRow struct {
	term, start, end *widget.Entry
	object           fyne.CanvasObject
}

func newCalendarForm(s *publishScreen) *calendarForm {
	f := &calendarForm{s: s, box: container.NewVBox(), message: widget.NewLabel("")}
	f.message.Wrapping = fyne.TextWrapWord
	f.send = widget.NewButton("发布学期安排", f.publish)
	f.send.Importance = widget.HighImportance
	return f
}

// object lays the form out.
func (f *calendarForm) object() fyne.CanvasObject {
	hint := widget.NewLabel("学期写作 2026-2027-1（第一学期，秋季）或 2026-2027-2（第二学期，春季）；汇总按此划分学期，各组织也收到。")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	head := container.NewGridWithColumns(4, widget.NewLabel("学期"), widget.NewLabel("开始日期"), widget.NewLabel("结束日期"),
		widget.NewLabel(""))
	add := widget.NewButton("添加学期", func() { f.addRow(snapshot.TermSpan{}) })
	return container.NewVScroll(container.NewVBox(hint, head, f.box, container.NewHBox(add, f.send), f.message))
}

// addRow adds a term's row.
func (f *calendarForm) addRow(span snapshot.TermSpan) {
	r := &termRow{term: widget.NewEntry(), start: widget.NewEntry(), end: widget.NewEntry()}
	r.term.SetPlaceHolder("2026-2027-1")
	r.start.SetPlaceHolder("2026-09-07")
	r.end.SetPlaceHolder("2027-01-17")
	r.term.SetText(span.Term)
	r.start.SetText(span.Start)
	r.end.SetText(span.End)
	remove := widget.NewButton("删除", nil)
	r.object = container.NewGridWithColumns(4, r.term, r.start, r.end, container.NewHBox(remove))
	remove.OnTapped = func() {
		for i, x := range f.rows {
			if x == r {
				f.rows = append(f.rows[:i], f.rows[i+1:]...)
			}
		}
		f.box.Remove(r.object)
	}
	f.rows = append(f.rows, r)
	f.box.Add(r.object)
}

// prefill shows the calendar published last; before any, the term of now
// and the next, at their usual dates.
func (f *calendarForm) prefill(calendar []snapshot.TermSpan, now time.Time) {
	f.rows = nil
	f.box.RemoveAll()
	if len(calendar) == 0 {
		calendar = defaultCalendar(now)
	}
	for _, span := range calendar {
		f.addRow(span)
	}
}

// defaultCalendar is the term of now and the next one at their usual
// dates.
func defaultCalendar(now time.Time) []snapshot.TermSpan {
	cur, err := snapshot.ParseTerm(snapshot.TermOn(now, nil))
	if err != nil {
		return nil
	}
	next := snapshot.Term{StartYear: cur.StartYear, Half: 2}
	if cur.Half == 2 {
		next = snapshot.Term{StartYear: cur.StartYear + 1, Half: 1}
	}
	var out []snapshot.TermSpan
	for _, t := range []snapshot.Term{cur, next} {
		start, end := t.DefaultSpan()
		out = append(out, snapshot.TermSpan{Term: t.String(), Start: start.Format(time.DateOnly), End: end.Format(time.DateOnly)})
	}
	return out
}

// publish publishes the rows filled in.
func (f *calendarForm) publish() {
	var spans []snapshot.TermSpan
	var names []string
	for i, r := range f.rows {
		term := strings.TrimSpace(field.Normalize(r.term.Text))
		if term == "" && r.start.Text == "" && r.end.Text == "" {
			continue
		}
		start, err1 := channelDay(r.start.Text)
		end, err2 := channelDay(r.end.Text)
		if err := errors.Join(err1, err2); err != nil || start == "" || end == "" {
			showFormMessage(f.message, fmt.Sprintf("未发布：第%d行的开始和结束日期应为日期，如 2026-09-07", i+1), true)
			return
		}
		spans = append(spans, snapshot.TermSpan{Term: term, Start: start, End: end})
		names = append(names, term)
	}
	if len(spans) == 0 {
		showFormMessage(f.message, "未发布：没有填写学期", true)
		return
	}
	body := snapshot.ChannelBody{Kind: data.ChannelCalendar, Calendar: spans}
	f.s.publish(body, "学期安排（"+strings.Join(names, "、")+"）", f.message, nil)
}
