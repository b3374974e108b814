package app

import (
	"errors"
	"fmt"
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
// field's type, and a red message under each field the store refuses.
type recordForm struct {
	// OnSubmit, when set, runs when Enter is pressed in a text field.
	OnSubmit func()

	rec     data.Record
	form    *widget.Form
	inputs  map[string]fieldInput
	errors  map[string]*widget.Label
	general *widget.Label
	scroll  *container.Scroll // the scrolling view, when built
}

// scrollView is the form in a scrolling view that grows when messages
// appear under the fields.
func (f *recordForm) scrollView() *container.Scroll {
	f.scroll = container.NewVScroll(container.NewVBox(f.form, f.general))
	return f.scroll
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
	object fyne.CanvasObject
	read   func() error // parses the widget into the field; a parse error is the field's
	write  func()       // shows the field's current value
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
}

func newRecordForm(rec data.Record, spec formSpec) *recordForm {
	f := &recordForm{rec: rec, form: widget.NewForm(), inputs: map[string]fieldInput{},
		errors: map[string]*widget.Label{}, general: widget.NewLabel("")}
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	for _, fl := range rec.Fields() {
		if spec.skip[fl.Col] {
			continue
		}
		in, ok := inputFor(fl, spec)
		if !ok {
			continue
		}
		msg := widget.NewLabel("")
		msg.Importance = widget.DangerImportance
		msg.Hide()
		f.inputs[fl.Col], f.errors[fl.Col] = in, msg
		if e, ok := in.object.(*widget.Entry); ok {
			e.OnSubmitted = func(string) {
				if f.OnSubmit != nil {
					f.OnSubmit()
				}
			}
		}
		in.write()
		f.form.Append(fl.Label, container.NewVBox(in.object, msg))
	}
	return f
}

// inputFor makes the widget of one field.
func inputFor(fl data.Field, spec formSpec) (fieldInput, bool) {
	switch p := fl.Ptr.(type) {
	case *string:
		if choices, ok := spec.choices[fl.Col]; ok {
			sel := widget.NewSelect(append([]string{""}, choices...), nil)
			return fieldInput{sel, func() error { *p = sel.Selected; return nil }, func() { sel.SetSelected(*p) }}, true
		}
		if spec.months[fl.Col] {
			return monthInput(p), true
		}
		e := widget.NewEntry()
		return fieldInput{e, func() error { *p = strings.TrimSpace(e.Text); return nil }, func() { e.SetText(*p) }}, true
	case *data.Ref:
		opts := spec.refs[fl.Col]
		labels := []string{""}
		for _, o := range opts {
			labels = append(labels, o.Label)
		}
		sel := widget.NewSelect(labels, nil)
		return fieldInput{sel, func() error {
			*p = ""
			for _, o := range opts {
				if o.Label == sel.Selected {
					*p = data.Ref(o.ID)
				}
			}
			return nil
		}, func() {
			sel.SetSelected("")
			for _, o := range opts {
				if o.ID == string(*p) {
					sel.SetSelected(o.Label)
				}
			}
		}}, true
	case *data.Date:
		e := widget.NewEntry()
		e.SetPlaceHolder("如 2019-07-01")
		return fieldInput{e, func() error {
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
		}, func() { e.SetText(p.String()) }}, true
	case *bool:
		c := widget.NewCheck("是", nil)
		return fieldInput{c, func() error { *p = c.Checked; return nil }, func() { c.SetChecked(*p) }}, true
	case *data.Money:
		e := widget.NewEntry()
		return fieldInput{e, func() error {
			if strings.TrimSpace(e.Text) == "" {
				*p = 0
				return nil
			}
			cents, err := field.ParseMoney(e.Text)
			*p = data.Money(cents)
			return err
		}, func() { e.SetText(p.String()) }}, true
	case *float64:
		e := widget.NewEntry()
		return fieldInput{e, func() error {
			if strings.TrimSpace(e.Text) == "" {
				*p = 0
				return nil
			}
			h, err := field.ParseHours(e.Text)
			*p = h
			return err
		}, func() { e.SetText(strconv.FormatFloat(*p, 'f', -1, 64)) }}, true
	case *int:
		e := widget.NewEntry()
		return fieldInput{e, func() error {
			n, err := strconv.Atoi(strings.TrimSpace(e.Text))
			if err != nil && strings.TrimSpace(e.Text) != "" {
				return fmt.Errorf("应为整数")
			}
			*p = n
			return nil
		}, func() { e.SetText(strconv.Itoa(*p)) }}, true
	}
	return fieldInput{}, false
}

// monthInput edits a month kept as text: 2026-04 and 2026年4月 (any form
// field.ParseMonth reads) are kept as 2026-04; empty stays empty.
func monthInput(p *string) fieldInput {
	e := widget.NewEntry()
	e.SetPlaceHolder("如 2026-04 或 2026年4月")
	return fieldInput{e, func() error {
		if strings.TrimSpace(e.Text) == "" {
			*p = ""
			return nil
		}
		t, err := field.ParseMonth(e.Text)
		if err != nil {
			return errors.New("应为年月,如2026-04或2026年4月")
		}
		*p = field.FormatMonth(t)
		return nil
	}, func() { e.SetText(*p) }}
}

// read copies the inputs into the record; false when a value cannot be
// parsed (the message shows under its field).
func (f *recordForm) read() bool {
	f.clearErrors()
	ok := true
	for _, fl := range f.rec.Fields() {
		in, shown := f.inputs[fl.Col]
		if !shown {
			continue
		}
		if err := in.read(); err != nil {
			f.showError(fl.Col, err.Error())
			ok = false
		}
	}
	if !ok {
		f.relayout()
	}
	return ok
}

// showSaveError shows the store's refusal: each problem under its field.
func (f *recordForm) showSaveError(err error) {
	f.clearErrors()
	problems := data.ProblemsOf(err)
	if len(problems) == 0 {
		f.general.SetText(err.Error())
		return
	}
	for _, p := range problems {
		if _, ok := f.errors[p.Col]; ok {
			f.showError(p.Col, p.Msg)
		} else {
			f.general.SetText(f.general.Text + "「" + p.Label + "」" + p.Msg + " ")
		}
	}
	f.relayout()
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
}

// historyLines describes a record's audit entries for people.
func historyLines(entries []data.AuditEntry, labels map[string]string) []string {
	var out []string
	for _, e := range entries {
		action := map[string]string{"create": "新建", "update": "修改", "delete": "删除"}[e.Action]
		line := e.At.In(time.Local).Format("2006-01-02 15:04") + " " + e.Actor + " " + action
		if e.Action == "update" {
			var parts []string
			for col, change := range e.Changes {
				name := labels[col]
				if name == "" {
					name = col
				}
				if pair, ok := change.([]any); ok && len(pair) == 2 {
					parts = append(parts, fmt.Sprintf("%s:%v → %v", name, pair[0], pair[1]))
				}
			}
			sort.Strings(parts)
			line += " " + strings.Join(parts, ";")
		}
		out = append(out, line)
	}
	return out
}
