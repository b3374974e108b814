package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

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
	d.SetDismissText("取消")
	d.Show()
}
