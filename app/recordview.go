package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// A record opened in committee mode is shown, not edited: the
// consolidated database holds the organizations' records, which they
// keep; what the committee changed there would be gone at the next
// consolidation.

// viewRecord shows every field of rec, read-only, in a dialog titled
// title; names gives the text of the ids a reference field holds (a
// branch's 「组织 · 支部」, a member's 姓名).
func (u *UI) viewRecord(title string, rec data.Record, names map[string]string, extra ...*widget.FormItem) {
	d := dialog.NewCustom(title, "关闭", recordView(rec, names, extra...), u.win)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
}

// recordView lays out a record's fields read-only, with the note that the
// organizations keep their records.
func recordView(rec data.Record, names map[string]string, extra ...*widget.FormItem) fyne.CanvasObject {
	form := widget.NewForm()
	for _, f := range rec.Fields() {
		text := fieldText(f, names)
		if text == "" {
			continue
		}
		value := widget.NewLabel(text)
		value.Wrapping = fyne.TextWrapWord
		form.Append(f.Label, value)
	}
	for _, it := range extra {
		form.AppendItem(it)
	}
	note := widget.NewLabel(viewOnlyNote)
	note.Importance = widget.LowImportance
	return container.NewBorder(note, nil, nil, nil, container.NewVScroll(form))
}

// fieldText is a field's value as text, a reference by names.
func fieldText(f data.Field, names map[string]string) string {
	switch v := f.Ptr.(type) {
	case *data.Ref:
		if *v == "" {
			return ""
		}
		if n := names[string(*v)]; n != "" {
			return n
		}
		return string(*v)
	case *bool:
		if *v {
			return "是"
		}
		return "否"
	case *int:
		if *v == 0 {
			return ""
		}
		return strconv.Itoa(*v)
	case *float64:
		if *v == 0 {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	case *string:
		return *v
	case *data.Date:
		return v.String()
	case *data.Money:
		if *v == 0 {
			return ""
		}
		return v.String()
	}
	return ""
}

// refNames are the labels of every choice of refs, by id.
func refNames(refs refData) map[string]string {
	names := map[string]string{}
	for _, opts := range refs.opts {
		for _, o := range opts {
			names[o.ID] = o.Label
		}
	}
	return names
}

// viewMember shows a member read-only, with the branch as 「组织 · 支部」
// and the organization, read off the UI goroutine.
func (u *UI) viewMember(id string) {
	store := u.store
	type member struct {
		rec     *data.Member
		names   map[string]string
		file    *data.MemberFile
		fileErr error
		study   studyFile
	}
	load(u.reader(), func(ctx context.Context) (member, error) {
		m, err := store.Members.Get(ctx, id)
		if err != nil {
			return member{}, err
		}
		names, err := branchAndGroupNames(ctx, store)
		if err != nil {
			return member{}, err
		}
		v := member{rec: m, names: names}
		// The file's own failure leaves the particulars shown.
		v.file, v.fileErr = store.MemberFile(ctx, id)
		v.study = readStudyFile(ctx, store, m)
		return v, nil
	}, func(m member, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		orgs := u.scope.orgNames()
		var d dialog.Dialog
		file := newMemberTimeline(m.file, m.fileErr, func(screen, query string) {
			d.Hide()
			u.openSearching(screen, query)
		})
		study, _ := newStudyView(m.study)
		tabs := container.NewAppTabs(
			container.NewTabItem("基本信息", recordView(m.rec, m.names, widget.NewFormItem("所属组织", widget.NewLabel(orgs[m.rec.OrgID])))),
			container.NewTabItem("党员档案", file.object()),
			container.NewTabItem("学习档案", study))
		d = dialog.NewCustom("党员信息 — "+m.rec.Name, "关闭", tabs, u.win)
		d.Resize(fyne.NewSize(640, 560))
		u.memberView = file
		d.Show()
	})
}

// branchAndGroupNames are the branches' labels and the 党小组's names, by id.
func branchAndGroupNames(ctx context.Context, store *data.Store) (map[string]string, error) {
	refs, err := store.BranchRefs(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(refs))
	for _, r := range refs {
		names[r.ID] = r.Label
	}
	groups, err := store.Groups.List(ctx)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		names[g.ID] = g.Name
	}
	return names, nil
}
