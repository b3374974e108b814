package app

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Keyboard habits of office software: Esc closes the dialog on top, asking
// first when it holds unsaved edits, wherever the focus is; the window's
// shortcuts (Ctrl+F) work from inside a text field too.

// escEntry is a text field that passes Esc and the window's shortcuts on to
// the window: a plain widget.Entry swallows them.
type escEntry struct {
	widget.Entry
}

// newEntry is a one-line escEntry.
func newEntry() *escEntry {
	e := &escEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// newMultiLineEntry is a multi-line escEntry that wraps words.
func newMultiLineEntry() *escEntry {
	e := &escEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// newPasswordEntry is a one-line escEntry for a passphrase: what is typed
// shows as dots, and the eye at its end shows it in clear while pressed
// again.
func newPasswordEntry() *escEntry {
	e := &escEntry{}
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	var eye *widget.Button
	eye = widget.NewButtonWithIcon("", theme.VisibilityOffIcon(), func() {
		e.Password = !e.Password
		if e.Password {
			eye.SetIcon(theme.VisibilityOffIcon())
		} else {
			eye.SetIcon(theme.VisibilityIcon())
		}
		e.Refresh()
	})
	eye.Importance = widget.LowImportance
	e.ActionItem = eye
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey hands Esc to the window and every other key to the field.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		passKey(e, ev)
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut hands the window's own shortcuts to the window, and the
// others (copy, paste, undo…) to the field.
func (e *escEntry) TypedShortcut(s fyne.Shortcut) {
	if windowShortcut(s) {
		passShortcut(e, s)
		return
	}
	e.Entry.TypedShortcut(s)
}

// escSelect is a drop-down that passes Esc to the window: a widget.Select
// keeps the focus after a click and swallows Esc.
type escSelect struct {
	widget.Select
}

// newEscSelect is an escSelect of options, reading 「请选择」 while nothing
// is chosen; changed runs on a new choice.
func newEscSelect(options []string, changed func(string)) *escSelect {
	s := &escSelect{}
	s.Options = options
	s.OnChanged = changed
	s.PlaceHolder = "请选择"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey hands Esc to the window and every other key to the drop-down.
func (s *escSelect) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		passKey(s, ev)
		return
	}
	s.Select.TypedKey(ev)
}

// escCheck is a check box that passes Esc to the window: a widget.Check
// keeps the focus after a click and swallows Esc.
type escCheck struct {
	widget.Check
}

// newEscCheck is an escCheck labelled label; changed runs when it is ticked
// or cleared.
func newEscCheck(label string, changed func(bool)) *escCheck {
	c := &escCheck{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey hands Esc to the window and every other key to the check box.
func (c *escCheck) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		passKey(c, ev)
		return
	}
	c.Check.TypedKey(ev)
}

// windowShortcuts names the shortcuts bound on the window (see
// UI.addShortcuts), which focused widgets pass on.
var windowShortcuts = map[string]bool{}

// windowShortcut tells whether s is bound on the window.
func windowShortcut(s fyne.Shortcut) bool {
	_, custom := s.(*desktop.CustomShortcut)
	return custom && windowShortcuts[s.ShortcutName()]
}

// passKey gives a key event to the window of o, as if nothing had focus.
func passKey(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	c := canvasOf(o)
	if c == nil {
		return
	}
	if f := c.OnTypedKey(); f != nil {
		f(ev)
	}
}

// passShortcut gives a shortcut to the window of o.
func passShortcut(o fyne.CanvasObject, s fyne.Shortcut) {
	if c, ok := canvasOf(o).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// canvasOf is the canvas o is shown on, nil when none.
func canvasOf(o fyne.CanvasObject) fyne.Canvas {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	return a.Driver().CanvasForObject(o)
}

// guard is a dialog that Esc closes: asking first, when dirty says it
// holds unsaved edits.
type guard struct {
	d     dialog.Dialog
	dirty func() bool // nil: never dirty
	popup uintptr     // the dialog's overlay, 0 when not found
}

// guardDialog makes Esc (pressed anywhere in the window, even inside a text
// field) and the returned cancel function ask 「放弃未保存的修改?」
// (放弃修改 / 继续编辑) when dirty() is true, and close the dialog at once
// when it is false. Use cancel for the dialog's 取消 button.
func (u *UI) guardDialog(d dialog.Dialog, dirty func() bool) (cancel func()) {
	g := &guard{d: d, dirty: dirty, popup: popupOf(d)}
	u.guards = append(u.guards, g)
	d.SetOnClosed(func() { u.dropGuard(g) })
	return func() { u.cancelGuarded(g) }
}

// cancelGuarded closes g's dialog, asking first when it is dirty.
func (u *UI) cancelGuarded(g *guard) {
	if g.dirty == nil || !g.dirty() {
		g.d.Hide()
		return
	}
	ask := dialog.NewConfirm("放弃未保存的修改？", "所做的修改尚未保存，关闭后将丢失。", func(discard bool) {
		if discard {
			g.d.Hide()
		}
	}, u.win)
	ask.SetConfirmText("放弃修改")
	ask.SetConfirmImportance(widget.DangerImportance)
	ask.SetDismissText("继续编辑")
	u.guardDialog(ask, nil)
	ask.Show()
}

// dropGuard forgets g, once its dialog is closed.
func (u *UI) dropGuard(g *guard) {
	for i, h := range u.guards {
		if h == g {
			u.guards = append(u.guards[:i], u.guards[i+1:]...)
			return
		}
	}
}

// guardOn is the guard of the overlay top, nil when top is not a guarded
// dialog.
func (u *UI) guardOn(top fyne.CanvasObject) *guard {
	at := reflect.ValueOf(top).Pointer()
	for i := len(u.guards) - 1; i >= 0; i-- {
		if g := u.guards[i]; g.popup != 0 && g.popup == at {
			return g
		}
	}
	return nil
}

// popupOf finds the overlay a Fyne dialog shows itself in (its unexported
// field win, a *widget.PopUp); 0 when the dialog has none.
func popupOf(d dialog.Dialog) uintptr {
	v := reflect.ValueOf(d)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return 0
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return 0
	}
	f, ok := v.Type().FieldByName("win")
	if !ok || f.Type != reflect.TypeOf((*widget.PopUp)(nil)) {
		return 0
	}
	for _, i := range f.Index[:len(f.Index)-1] { // through the embedded *dialog
		v = v.Field(i)
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return 0
			}
			v = v.Elem()
		}
	}
	return v.Field(f.Index[len(f.Index)-1]).Pointer()
}

// escape answers Esc wherever it was pressed: a passphrase dialog is
// cancelled; a guarded dialog on top is closed, asking first when it holds
// unsaved edits; any other dialog or pop-up on top is closed.
func (u *UI) escape() {
	if u.asking != nil {
		u.asking.escape()
		return
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	if g := u.guardOn(top); g != nil {
		u.cancelGuarded(g)
		return
	}
	top.Hide()
	u.win.Canvas().Overlays().Remove(top)
}
