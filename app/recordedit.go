package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// openForm edits rec (a copy of a row, or a new record); 取消 and Esc ask
// before dropping unsaved edits.
func (s *recordScreen[T, P]) openForm(rec P, isNew bool) {
	s.current, s.loaded, s.isNew = rec, *rec, isNew
	s.form = newRecordForm(rec, formSpec{choices: s.spec.choices, months: s.spec.months, refs: s.refs.opts, u: s.u})
	s.form.OnSubmit = s.save
	placeHolders(s.form, s.spec.hints)
	save := widget.NewButton("保存", s.save)
	save.Importance = widget.HighImportance
	s.saving = &saveOnce{button: save}
	cancel := widget.NewButton("取消", nil)
	buttons := container.NewHBox(save, cancel)
	if !isNew {
		del := widget.NewButton("删除", s.confirmDelete)
		del.Importance = widget.DangerImportance
		buttons.Add(del)
	}
	title := "新增" + s.spec.title
	if !isNew {
		title = "编辑" + s.spec.title
	}
	s.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil,
		s.form.scrollView()), s.u.win)
	cancel.OnTapped = s.u.guardDialog(s.dlg, s.form.dirty)
	s.dlg.Resize(fyne.NewSize(620, 560))
	s.dlg.Show()
}

// save writes the form's record off the UI goroutine; the form stays open
// with the store's messages when it refuses. A second 保存 or Enter while
// the first save runs does nothing.
func (s *recordScreen[T, P]) save() {
	saving, form, dlg := s.saving, s.form, s.dlg
	if saving.running || !form.read() || !saving.begin() {
		return
	}
	rec, isNew, table := *s.current, s.isNew, s.spec.table(s.u.store)
	async(s.u, func() (T, error) {
		var err error
		if isNew {
			err = table.Create(context.Background(), P(&rec))
		} else {
			err = table.Update(context.Background(), P(&rec))
		}
		return rec, err
	}, func(saved T, err error) {
		saving.end()
		if err != nil {
			form.showSaveError(err)
			return
		}
		dlg.Hide()
		s.u.notify("已保存" + s.noun() + "“" + s.label(&saved) + "”")
		s.load()
	})
}

// confirmDelete deletes the record of the form open, as it was opened,
// after a confirmation naming it; the form closes once it is deleted, and
// stays open with its edits when the deletion is cancelled or refused.
func (s *recordScreen[T, P]) confirmDelete() {
	rec, dlg := s.loaded, s.dlg
	s.remove(&rec, dlg.Hide)
}

// remove deletes rec after a confirmation naming it; 撤销 in the notice,
// or the 回收站, brings it back. closed (may be nil) runs once it is
// deleted.
func (s *recordScreen[T, P]) remove(rec P, closed func()) {
	table, id := s.spec.table(s.u.store), recordID(rec)
	copied := *rec
	deleted := false
	s.u.deleteWithUndo(s.noun()+"“"+s.label(rec)+"”",
		func(ctx context.Context) error { return table.Delete(ctx, P(&copied)) },
		func(ctx context.Context) error { return table.Restore(ctx, id) },
		func() {
			if !deleted && closed != nil {
				deleted = true
				closed()
			}
			s.load()
		})
}
