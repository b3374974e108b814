package app

import (
	"context"
	"dangjian/app/appcore"
	"dangjian/data/localfs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// termState is which term's consolidated result the committee's window
// shows: the current term's by default; an earlier term's is read-only
// (the committee records nothing against it, such as a finding's 处理情况).
type termState struct {
	terms []snapshot.TermResult // newest first
	shown *snapshot.TermResult  // the term of the database shown, nil when none matches
}

// termsOf is the window's term state, made on first use.
func termsOf(u *UI) *termState {
	if st, ok := u.built["terms"].(*termState); ok {
		return st
	}
	st := &termState{}
	u.keep("terms", st)
	return st
}

// termReadOnly tells whether the window shows an earlier term's result,
// which is only read.
func termReadOnly(u *UI) bool {
	if u.committee == nil {
		return false
	}
	st := termsOf(u)
	return st.shown != nil && !st.shown.Current
}

// shownTerm finds, among terms, the term whose result is the database at
// path.
func shownTerm(terms []snapshot.TermResult, path string) *snapshot.TermResult {
	for i := range terms {
		if localfs.SamePath(terms[i].Path, path) {
			return &terms[i]
		}
	}
	return nil
}

// shownTermOf reads the committee's terms and finds the one whose result
// is the database at path: nil outside committee mode, before the first
// consolidation into a term, or when the terms cannot be read.
func shownTermOf(c *snapshot.Committee, path string) *snapshot.TermResult {
	if c == nil {
		return nil
	}
	return appcore.TermOf(c, path)
}

// earlier tells whether t is a term other than the current one, whose
// result is only read.
func earlier(t *snapshot.TermResult) bool { return t != nil && !t.Current }

// termOption is how the term chooser names a term.
func termOption(t snapshot.TermResult) string {
	switch {
	case t.Current:
		return t.Label + "（当前学期）"
	case t.Ended:
		return t.Label + "（只读）"
	}
	return t.Label
}

// newTermChooser is the committee's 学期 choice: the terms consolidated,
// newest first, the one shown selected. Choosing another opens its result
// in the window, read-only when it is not the current term; onShown, when
// set, runs once the list is read. Nil outside committee mode.
func newTermChooser(u *UI, onShown func()) *widget.Select {
	if u.committee == nil {
		return nil
	}
	sel := widget.NewSelect(nil, nil)
	sel.PlaceHolder = "尚未按学期汇总"
	c, path := u.committee, u.store.Path()
	async(u, func() ([]snapshot.TermResult, error) { return c.Terms() }, func(terms []snapshot.TermResult, err error) {
		if err != nil {
			sel.PlaceHolder = "无法读取学期"
			sel.Refresh()
			return
		}
		st := termsOf(u)
		st.terms, st.shown = terms, shownTerm(terms, path)
		options := make([]string, len(terms))
		for i, t := range terms {
			options[i] = termOption(t)
		}
		sel.SetOptions(options)
		if st.shown != nil {
			sel.SetSelected(termOption(*st.shown))
		}
		sel.OnChanged = func(option string) {
			for i := range st.terms {
				if termOption(st.terms[i]) == option && (st.shown == nil || st.shown.Term != st.terms[i].Term) {
					u.showTerm(st.terms[i])
					return
				}
			}
		}
		if onShown != nil {
			onShown()
		}
	})
	return sel
}

// termChooserBox lays out the 学期 choice wide enough for a term's whole
// name (2026—2027学年第一学期（当前学期）).
func termChooserBox(sel *widget.Select) fyne.CanvasObject {
	width := fyne.MeasureText("2026—2027学年第一学期（当前学期）", theme.TextSize(), fyne.TextStyle{}).Width +
		4*theme.Padding() + theme.IconInlineSize()*2
	return container.NewGridWrap(fyne.NewSize(width, sel.MinSize().Height), sel)
}

// showTerm opens a term's result off the UI goroutine, read-only, and
// shows it in the window in place of the database shown.
func (u *UI) showTerm(t snapshot.TermResult) {
	async(u, func() (*data.Store, error) { return openConsolidated(context.Background(), t.Path) },
		func(store *data.Store, err error) {
			if err != nil {
				u.showProblem("无法打开该学期的汇总结果", err.Error())
				return
			}
			st := termsOf(u)
			st.shown = &t
			old := u.store
			u.Show(store)
			old.Close()
			u.notify("正在查看" + termOption(t))
		})
}
