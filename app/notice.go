package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// noticeDuration is how long a notice (and its 撤销) stays in the status bar.
const noticeDuration = 10 * time.Second

// notice is the status bar's short message after an action: 「已保存」,
// 「已删除…」 with 撤销. A newer notice replaces the older one.
type notice struct {
	box    *fyne.Container
	text   *widget.Label
	undo   *widget.Button
	serial int
}

func newNotice() *notice {
	n := &notice{text: widget.NewLabel("")}
	n.text.Importance = widget.SuccessImportance
	n.undo = widget.NewButton("撤销", nil)
	n.undo.Hide()
	n.box = container.NewHBox(n.text, n.undo)
	return n
}

// notify shows text in the status bar for a few seconds.
func (u *UI) notify(text string) { u.notifyUndo(text, nil) }

// notifyUndo shows text with a 撤销 button that runs undo (once), for a few
// seconds; undo nil shows no button.
func (u *UI) notifyUndo(text string, undo func()) {
	n := u.notice
	if n == nil {
		return
	}
	n.serial++
	serial := n.serial
	n.text.SetText(text)
	if undo != nil {
		n.undo.OnTapped = func() {
			n.undo.Hide()
			n.text.SetText("")
			undo()
		}
		n.undo.Show()
	} else {
		n.undo.Hide()
	}
	time.AfterFunc(noticeDuration, func() {
		u.post(func() {
			if n.serial == serial {
				n.text.SetText("")
				n.undo.Hide()
			}
		})
	})
}

// noticeText is the notice shown, for tests.
func (u *UI) noticeText() string {
	if u.notice == nil {
		return ""
	}
	return u.notice.text.Text
}

// tapUndo presses the notice's 撤销, for tests; false when none is shown.
func (u *UI) tapUndo() bool {
	if u.notice == nil || !u.notice.undo.Visible() || u.notice.undo.OnTapped == nil {
		return false
	}
	u.notice.undo.OnTapped()
	return true
}
