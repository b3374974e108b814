package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// destructive are the actions that lose or replace something: their
// button is red.
var destructive = map[string]bool{"删除": true, "替换": true, "恢复": true, "放弃修改": true}

// confirmAction asks before an action: the message says what will happen,
// the buttons read the action's own name (「删除」「替换」…) and 「取消」.
// onConfirm runs on the UI goroutine only when the user confirms.
func confirmAction(win fyne.Window, title, message, action string, onConfirm func()) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			onConfirm()
		}
	}, win)
	d.SetConfirmText(action)
	if destructive[action] {
		d.SetConfirmImportance(widget.DangerImportance)
	}
	d.SetDismissText("取消")
	d.Show()
}
