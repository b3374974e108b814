package app

import (
	"context"

	"fyne.io/fyne/v2/dialog"
)

// deleteWithUndo deletes a record the way every screen does: a
// confirmation naming it (「删除谈心谈话记录“2026-03-01 张三”?删除后可在
// 回收站恢复。」, button 「删除」), then del off the UI goroutine, then the
// notice 「已删除…」 with 撤销, which runs restore. what names the record
// with its kind, e.g. 谈心谈话记录“2026-03-01 张三”. A refusal because
// the record is in use is shown plainly under 「不能删除」. after (may be
// nil) runs on the UI goroutine once the record is deleted, and again once
// it is restored, to reload the screen; when the user has moved to another
// screen by then, that screen is built anew instead (see reloadShown).
func (u *UI) deleteWithUndo(what string, del, restore func(ctx context.Context) error, after func()) {
	u.deleteWithUndoNote(what, "", del, restore, after)
}

// deleteWithUndoNote is deleteWithUndo with a note in the confirmation
// after the question, e.g. that a member who left is not deleted but
// changes status.
func (u *UI) deleteWithUndoNote(what, note string, del, restore func(ctx context.Context) error, after func()) {
	after = u.reloadShown(after)
	msg := "删除" + what + "？删除后可在回收站恢复。"
	if note != "" {
		msg += "\n" + note
	}
	confirmAction(u.win, "删除", msg, "删除", func() {
		async(u, func() (struct{}, error) { return struct{}{}, del(context.Background()) },
			func(_ struct{}, err error) {
				if err != nil {
					u.showRefusal("不能删除", err)
					return
				}
				var undo func()
				if restore != nil {
					undo = func() { u.restoreRecord(what, restore, after) }
				}
				u.notifyUndo("已删除"+what, undo)
				if after != nil {
					after()
				}
			})
	})
}

// restoreRecord runs restore off the UI goroutine and says how it went:
// 「已恢复…」 in the status bar, or the store's refusal under 「不能恢复」.
// after reloads the screen shown now (see reloadShown).
func (u *UI) restoreRecord(what string, restore func(ctx context.Context) error, after func()) {
	after = u.reloadShown(after)
	async(u, func() (struct{}, error) { return struct{}{}, restore(context.Background()) },
		func(_ struct{}, err error) {
			if err != nil {
				u.showRefusal("不能恢复", err)
				return
			}
			u.notify("已恢复" + what)
			if after != nil {
				after()
			}
		})
}

// reloadShown wraps reload, the reload of the screen shown now, for work
// that ends later: it runs while that screen is still shown (keeping its
// search and scroll); once the user has moved to another screen, whose
// loads are its own, the screen shown then is built anew so that it shows
// the change (a record back from the 回收站 leaves its list), unless a
// dialog is open on it, whose edits would then be saved to a screen no
// longer shown.
func (u *UI) reloadShown(reload func()) func() {
	life := u.life
	return func() {
		switch {
		case u.life == life:
			if reload != nil {
				reload()
			}
		case u.shown != nil && u.win.Canvas().Overlays().Top() == nil:
			u.open(u.current)
		}
	}
}

// showRefusal shows why the store refused a deletion or a restore under
// the title, in the store's own plain words (for a record in use, what
// uses it).
func (u *UI) showRefusal(title string, err error) {
	d := dialog.NewInformation(title, err.Error(), u.win)
	d.SetDismissText("知道了")
	d.Show()
}
