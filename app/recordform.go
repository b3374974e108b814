package app

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
)

// recordForm edits a record's fields: one input per field, chosen by the
// field's type (a type-ahead picker for a member), the fields the store
// requires marked with *, a red message under each field the store
// refuses and a summary of them all at the top.
type recordForm struct {
	// OnSubmit, when set, runs when Enter is pressed in a text field.
	OnSubmit func()

	rec     data.Record
	spec    formSpec
	form    *widget.Form
	inputs  map[string]fieldInput
	errors  map[string]*widget.Label
	boxes   map[string]fyne.CanvasObject // each field's input with its message
	labels  map[string]string            // column → the field's label
	general *widget.Label                // a refusal not about one field
	summary *widget.Label                // every problem, above the fields
	scroll  *container.Scroll            // the scrolling view, when built
	opened  map[string]string            // each input's state as opened, for dirty
}

// scrollView is the form in a scrolling view that grows when messages appear
// under the fields, below the summary of the problems.
func (f *recordForm) scrollView() fyne.CanvasObject {
	f.scroll = container.NewVScroll(container.NewVBox(f.form, f.general))
	return container.NewBorder(f.summary, nil, nil, nil, f.scroll)
}

// relayout makes room for messages that appeared or went.
func (f *recordForm) relayout() {
	f.form.Refresh()
	if f.scroll != nil {
		f.scroll.Content.Refresh()
		f.scroll.Refresh()
	}
}

// fieldInput is one field's widget, read back into the record.
type fieldInput struct {
	// object is the input to set in code and tests: a *widget.Entry,
	// *widget.Select, *widget.Check or *memberPicker.
	object fyne.CanvasObject
	read   func() error // parses the widget into the field; a parse error is the field's
	write  func()       // shows the field's current value
	state  func() string
	// view is what the form shows when it is not object itself: a text
	// field, drop-down or check box that passes Esc to the window, around
	// its *widget.Entry, *widget.Select or *widget.Check.
	view fyne.CanvasObject
}

// shown is the widget the form lays out.
func (in fieldInput) shown() fyne.CanvasObject {
	if in.view != nil {
		return in.view
	}
	return in.object
}

// refOption is a choice for a reference field: the id and what to show.
type refOption struct{ ID, Label string }

// formSpec says how to edit some fields: drop-down choices, references,
// fields to leave out.
type formSpec struct {
	choices map[string][]string    // column → allowed values
	months  map[string]bool        // text columns holding a month, kept as 2026-04
	refs    map[string][]refOption // column → the rows it may point to
	skip    map[string]bool        // columns not shown
	// u, when set, is the window the form shows in: references to members
	// become type-ahead pickers over its member index, the fields the
	// store requires are marked, and a new record's dates start at today.
	u *UI
	// keepDates leaves a new record's empty dates empty (a member's dates
	// are not today's).
	keepDates bool
	// order, when set, lays the fields listed out first, in its order (a
	// field beside the ones it goes with); the others follow as the record
	// lists them.
	order []string
}

// memberRefColumns are the reference columns that point at a member.
var memberRefColumns = map[string]bool{"member_id": true, "speaker_id": true, "host_id": true}

func newRecordForm(rec data.Record, spec formSpec) *recordForm {
	f := &recordForm{rec: rec, spec: spec, inputs: map[string]fieldInput{},
		errors: map[string]*widget.Label{}, boxes: map[string]fyne.CanvasObject{}, labels: map[string]string{},
		general: widget.NewLabel(""), summary: widget.NewLabel("")}
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.summary.Importance = widget.DangerImportance
	f.summary.Wrapping = fyne.TextWrapWord
	f.summary.Hide()
	if spec.u != nil && !spec.keepDates && isNewRecord(rec) {
		today := data.DateOf(spec.u.store.Now())
		for _, fl := range rec.Fields() {
			if d, ok := fl.Ptr.(*data.Date); ok && d.IsZero() && todayColumns[fl.Col] {
				*d = today
			}
		}
	}
	var items []*widget.FormItem
	for _, fl := range orderedFields(rec.Fields(), spec.order) {
		if spec.skip[fl.Col] {
			continue
		}
		in, ok := f.inputFor(fl)
		if !ok {
			continue
		}
		msg := widget.NewLabel("")
		msg.Importance = widget.DangerImportance
		msg.Hide()
		f.inputs[fl.Col], f.errors[fl.Col], f.labels[fl.Col] = in, msg, fl.Label
		if e, ok := in.object.(*widget.Entry); ok && !e.MultiLine {
			e.OnSubmitted = func(string) { f.submit() }
		}
		in.write()
		box := container.NewVBox(in.shown(), msg)
		f.boxes[fl.Col] = box
		items = append(items, widget.NewFormItem(fl.Label, box))
	}
	// One form of all the items: appending them one by one lays the form
	// out again at each.
	f.form = widget.NewForm(items...)
	f.markOpened()
	if spec.u != nil {
		requiredColumns(spec.u, rec, f.markRequired)
	}
	return f
}

// orderedFields puts the fields of the columns in order first, in that
// order, then the others in theirs.
func orderedFields(fields []data.Field, order []string) []data.Field {
	if len(order) == 0 {
		return fields
	}
	place := make(map[string]int, len(order))
	for i, col := range order {
		place[col] = i
	}
	out := slices.Clone(fields)
	sort.SliceStable(out, func(i, j int) bool {
		pi, oki := place[out[i].Col]
		pj, okj := place[out[j].Col]
		switch {
		case oki && okj:
			return pi < pj
		default:
			return oki && !okj
		}
	})
	return out
}

// todayColumns are the dates of an event, which start at today in a new
// record.
var todayColumns = map[string]bool{"date": true, "issued_date": true, "received_date": true}

func (f *recordForm) submit() {
	if f.OnSubmit != nil {
		f.OnSubmit()
	}
}

// markOpened takes the inputs' states as the ones dirty compares with.
func (f *recordForm) markOpened() {
	f.opened = make(map[string]string, len(f.inputs))
	for col, in := range f.inputs {
		f.opened[col] = in.state()
	}
}

// dirty reports whether an input differs from what it showed when the form
// opened (or was last saved).
func (f *recordForm) dirty() bool {
	for col, in := range f.inputs {
		if in.state() != f.opened[col] {
			return true
		}
	}
	return false
}

// markRequired puts * after the labels of the columns the store requires.
func (f *recordForm) markRequired(cols map[string]bool) {
	for _, it := range f.form.Items {
		for col, label := range f.labels {
			if it.Text == label && cols[col] {
				it.Text = label + " *"
			}
		}
	}
	f.form.Refresh()
}

// isRequired reports whether the field of the column is marked.
func (f *recordForm) isRequired(col string) bool {
	for _, it := range f.form.Items {
		if it.Text == f.labels[col]+" *" {
			return true
		}
	}
	return false
}

// inputFor makes the widget of one field.
func (f *recordForm) inputFor(fl data.Field) (fieldInput, bool) {
	spec := f.spec
	switch p := fl.Ptr.(type) {
	case *string:
		if choices, ok := spec.choices[fl.Col]; ok {
			esc := newEscSelect(append([]string{""}, choices...), nil)
			sel := &esc.Select
			return fieldInput{object: sel, view: esc, read: func() error { *p = sel.Selected; return nil },
				write: func() { sel.SetSelected(*p) }, state: func() string { return sel.Selected }}, true
		}
		if spec.months[fl.Col] {
			return monthInput(p), true
		}
		view, e := textEntry()
		if data.MaxChars(f.rec.Table(), fl.Col) == data.LimitLongText { // paragraphs: 内容, 承诺事项, 备注…
			m := newMultiLineEntry()
			m.SetMinRowsVisible(3)
			view, e = m, &m.Entry
		}
		return fieldInput{object: e, view: view, read: func() error { *p = strings.TrimSpace(e.Text); return nil },
			write: func() { e.SetText(*p) }, state: func() string { return e.Text }}, true
	case *data.Ref:
		if memberRefColumns[fl.Col] && (spec.u != nil || spec.refs[fl.Col] != nil) {
			var pk *memberPicker
			if spec.u != nil {
				pk = newMemberPicker(spec.u)
			} else {
				pk = newPickerOver(indexOfOptions(spec.refs[fl.Col]))
			}
			pk.OnSubmit = f.submit
			return fieldInput{object: pk, read: func() error { *p = data.Ref(pk.id()); return nil },
				write: func() { pk.setID(string(*p)) }, state: pk.id}, true
		}
		return refInput(p, spec.refs[fl.Col]), true
	case *data.Date:
		view, e := textEntry()
		e.SetPlaceHolder("如 2019-07-01")
		return fieldInput{object: e, view: view, read: func() error {
			if strings.TrimSpace(e.Text) == "" {
				*p = data.Date{}
				return nil
			}
			t, err := field.ParseDate(e.Text)
			if err != nil {
				return err
			}
			*p = data.DateOf(t)
			return nil
		}, write: func() { e.SetText(p.String()) }, state: func() string { return e.Text }}, true
	case *bool:
		esc := newEscCheck("是", nil)
		c := &esc.Check
		return fieldInput{object: c, view: esc, read: func() error { *p = c.Checked; return nil },
			write: func() { c.SetChecked(*p) }, state: func() string { return strconv.FormatBool(c.Checked) }}, true
	case *data.Money:
		view, e := textEntry()
		return fieldInput{object: e, view: view, read: func() error {
			if strings.TrimSpace(e.Text) == "" {
				*p = 0
				return nil
			}
			cents, err := field.ParseMoney(e.Text)
			*p = data.Money(cents)
			return err
		}, write: func() { e.SetText(p.String()) }, state: func() string { return e.Text }}, true
	case *float64:
		view, e := textEntry()
		return fieldInput{object: e, view: view, read: func() error {
			if strings.TrimSpace(e.Text) == "" {
				*p = 0
				return nil
			}
			h, err := field.ParseHours(e.Text)
			*p = h
			return err
		}, write: func() { e.SetText(strconv.FormatFloat(*p, 'f', -1, 64)) }, state: func() string { return e.Text }}, true
	case *int:
		view, e := textEntry()
		return fieldInput{object: e, view: view, read: func() error {
			n, err := strconv.Atoi(strings.TrimSpace(e.Text))
			if err != nil && strings.TrimSpace(e.Text) != "" {
				return fmt.Errorf("应为整数")
			}
			*p = n
			return nil
		}, write: func() { e.SetText(strconv.Itoa(*p)) }, state: func() string { return e.Text }}, true
	}
	return fieldInput{}, false
}

// refInput is a drop-down of the rows a reference may point to (a branch,
// a 党小组), 「请选择」 until one is chosen.
func refInput(p *data.Ref, opts []refOption) fieldInput {
	labels := []string{""}
	for _, o := range opts {
		labels = append(labels, o.Label)
	}
	esc := newEscSelect(labels, nil)
	sel := &esc.Select
	return fieldInput{object: sel, view: esc, read: func() error {
		*p = ""
		for _, o := range opts {
			if o.Label == sel.Selected {
				*p = data.Ref(o.ID)
			}
		}
		return nil
	}, write: func() {
		sel.SetSelected("")
		for _, o := range opts {
			if o.ID == string(*p) {
				sel.SetSelected(o.Label)
			}
		}
	}, state: func() string { return sel.Selected }}
}

// textEntry is a one-line text field that passes Esc to the window: the
// widget to lay out, and its entry to set and read.
func textEntry() (fyne.CanvasObject, *widget.Entry) {
	e := newEntry()
	return e, &e.Entry
}

// isNewRecord reports whether rec was never saved (its id is not set).
func isNewRecord(rec data.Record) bool {
	v := reflect.ValueOf(rec)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return false
	}
	id := v.Elem().FieldByName("ID")
	return id.IsValid() && id.Kind() == reflect.String && id.String() == ""
}

// monthInput edits a month kept as text: 2026-04 and 2026年4月 (any form
// field.ParseMonth reads) are kept as 2026-04; empty stays empty.
func monthInput(p *string) fieldInput {
	view, e := textEntry()
	e.SetPlaceHolder("如 2026-04 或 2026年4月")
	return fieldInput{object: e, view: view, read: func() error {
		if strings.TrimSpace(e.Text) == "" {
			*p = ""
			return nil
		}
		t, err := field.ParseMonth(e.Text)
		if err != nil {
			return errors.New("应为年月，如2026-04或2026年4月")
		}
		*p = field.FormatMonth(t)
		return nil
	}, write: func() { e.SetText(*p) }, state: func() string { return e.Text }}
}

// read copies the inputs into the record; false when a value cannot be
// parsed (the message shows under its field and in the summary).
func (f *recordForm) read() bool {
	f.clearErrors()
	var problems []data.Problem
	for _, fl := range f.rec.Fields() {
		in, shown := f.inputs[fl.Col]
		if !shown {
			continue
		}
		if err := in.read(); err != nil {
			problems = append(problems, data.Problem{Col: fl.Col, Label: fl.Label, Msg: err.Error()})
		}
	}
	if len(problems) > 0 {
		f.showProblems(problems)
		return false
	}
	return true
}

// showSaveError shows the store's refusal: each problem under its field,
// all of them in the summary at the top.
func (f *recordForm) showSaveError(err error) {
	f.clearErrors()
	problems := data.ProblemsOf(err)
	if len(problems) == 0 {
		f.general.SetText(err.Error())
		f.summary.SetText(err.Error())
		f.summary.Show()
		return
	}
	f.showProblems(problems)
}

// showProblems puts each problem under its field (or below the form when
// no field shows it), lists them all in the summary and scrolls to the
// first field with a problem.
func (f *recordForm) showProblems(problems []data.Problem) {
	var items []string
	first := ""
	for _, p := range problems {
		items = append(items, "「"+p.Label+"」"+p.Msg)
		if _, ok := f.errors[p.Col]; ok {
			f.showError(p.Col, p.Msg)
			if first == "" {
				first = p.Col
			}
		} else {
			f.general.SetText(f.general.Text + "「" + p.Label + "」" + p.Msg + " ")
		}
	}
	f.summary.SetText(fmt.Sprintf("有%d处需要修改：", len(items)) + strings.Join(items, "；"))
	f.summary.Show()
	f.relayout()
	if first != "" {
		f.scrollTo(first)
	}
}

// scrollTo scrolls the form so that the field of the column shows.
func (f *recordForm) scrollTo(col string) {
	box := f.boxes[col]
	if f.scroll == nil || box == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(box).Y - d.AbsolutePositionForObject(f.scroll.Content).Y
	if y < 0 {
		y = 0
	}
	f.scroll.ScrollToOffset(fyne.NewPos(0, y))
}

// problems is the summary's text, for tests.
func (f *recordForm) problems() string {
	if !f.summary.Visible() {
		return ""
	}
	return f.summary.Text
}

func (f *recordForm) showError(col, msg string) {
	l := f.errors[col]
	l.SetText(msg)
	l.Show()
}

func (f *recordForm) clearErrors() {
	for _, l := range f.errors {
		l.SetText("")
		l.Hide()
	}
	f.general.SetText("")
	f.summary.SetText("")
	f.summary.Hide()
}

// historyLines describes a record's audit entries for people.
func historyLines(entries []data.AuditEntry, labels map[string]string) []string {
	var out []string
	for _, e := range entries {
		action := map[string]string{"create": "新建", "update": "修改", "delete": "删除", "restore": "恢复"}[e.Action]
		line := e.At.In(time.Local).Format("2006-01-02 15:04") + " " + e.Actor + " " + action
		if e.Action == "update" {
			var parts []string
			for col, change := range e.Changes {
				name := labels[col]
				if name == "" {
					name = col
				}
				if pair, ok := change.([]any); ok && len(pair) == 2 {
					parts = append(parts, fmt.Sprintf("%s：%v → %v", name, pair[0], pair[1]))
				}
			}
			sort.Strings(parts)
			line += " " + strings.Join(parts, "；")
		}
		out = append(out, line)
	}
	return out
}
