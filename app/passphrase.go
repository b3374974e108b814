package app

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	snapshot "dangjian/sync"
)

// passphraseDialog asks for a passphrase (twice for a new one) and tries
// it off the UI goroutine, since unlocking a key file takes about a second.
// A wrong passphrase says so and asks again.
type passphraseDialog struct {
	dlg     *dialog.CustomDialog
	entry   *widget.Entry
	again   *widget.Entry // the repeated passphrase, nil when unlocking
	note    *widget.Label
	ok      *widget.Button
	cancel  *widget.Button
	pending bool   // a try is running
	close   func() // hides the dialog
}

// askPassphrase shows a passphraseDialog. try runs off the UI goroutine
// with what was typed; done runs on the UI goroutine with try's value once
// it succeeds, or with ok false when the dialog is cancelled. With twice,
// the passphrase is new: it is typed twice and must have at least
// snapshot.MinPassphraseLen characters.
func askPassphrase[T any](u *UI, title, prompt string, twice bool, try func(pass string) (T, error), done func(v T, ok bool)) *passphraseDialog {
	d := &passphraseDialog{entry: widget.NewPasswordEntry(), note: widget.NewLabel(prompt)}
	d.note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("口令", d.entry))
	if twice {
		d.again = widget.NewPasswordEntry()
		form.Append("再次输入", d.again)
	}
	submit := func() {
		if d.pending {
			return
		}
		pass := d.entry.Text
		if twice {
			switch {
			case len([]rune(pass)) < snapshot.MinPassphraseLen:
				d.note.SetText(fmt.Sprintf("口令太短，至少需要%d个字符", snapshot.MinPassphraseLen))
				return
			case pass != d.again.Text:
				d.note.SetText("两次输入的口令不一致")
				return
			}
		}
		d.pending = true
		d.ok.Disable()
		d.cancel.Disable()
		d.note.SetText("正在验证口令…")
		async(u, func() (T, error) { return try(pass) }, func(v T, err error) {
			d.pending = false
			d.ok.Enable()
			d.cancel.Enable()
			switch {
			case errors.Is(err, snapshot.ErrWrongPassphrase):
				d.note.SetText("口令不正确")
				d.entry.SetText("")
				u.win.Canvas().Focus(d.entry)
			case err != nil:
				d.note.SetText(err.Error())
			default:
				d.close()
				done(v, true)
			}
		})
	}
	d.entry.OnSubmitted = func(string) { submit() }
	if d.again != nil {
		d.again.OnSubmitted = func(string) { submit() }
	}
	d.ok = widget.NewButton("确定", submit)
	d.ok.Importance = widget.HighImportance
	d.cancel = widget.NewButton("取消", func() {
		d.close()
		var zero T
		done(zero, false)
	})
	d.dlg = dialog.NewCustomWithoutButtons(title,
		container.NewVBox(d.note, form, container.NewCenter(container.NewHBox(d.cancel, d.ok))), u.win)
	d.dlg.Resize(fyne.NewSize(420, 0))
	d.dlg.Show()
	u.win.Canvas().Focus(d.entry)
	u.keep("passphrase", d)
	u.asking = d
	d.close = func() {
		d.dlg.Hide()
		if u.asking == d {
			u.asking = nil
		}
	}
	return d
}

// escape answers Esc: the dialog is cancelled, unless a passphrase is
// being tried.
func (d *passphraseDialog) escape() {
	if !d.pending {
		d.cancel.OnTapped()
	}
}

// envPassphrase is the passphrase from the environment, "" when unset.
func envPassphrase() string { return os.Getenv(snapshot.PassphraseEnv) }
