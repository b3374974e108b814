package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// progressFunc reports work done out of total.
type progressFunc func(done, total int)

// runJob runs long work (a report, an import, a backup) off the UI
// goroutine behind a dialog with a progress bar and a 取消 button, which
// cancels the work's context. done runs on the UI goroutine with the
// work's error (context.Canceled when cancelled).
func (u *UI) runJob(title string, work func(ctx context.Context, progress progressFunc) error, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	note := widget.NewLabel("正在准备…")
	var dlg *dialog.CustomDialog
	stop := widget.NewButton("取消", func() {
		note.SetText("正在取消…")
		cancel()
	})
	dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(note, bar, container.NewCenter(stop)), u.win)
	dlg.Resize(fyne.NewSize(420, 160))
	dlg.Show()

	var last time.Time
	progress := func(doneN, total int) {
		// At most ten updates a second reach the UI.
		if now := time.Now(); doneN < total && now.Sub(last) < 100*time.Millisecond {
			return
		} else {
			last = now
		}
		u.post(func() {
			if total > 0 {
				bar.SetValue(float64(doneN) / float64(total))
				note.SetText(fmt.Sprintf("%d / %d", doneN, total))
			}
		})
	}
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		defer cancel()
		err := work(ctx, progress)
		u.post(func() {
			dlg.Hide()
			done(err)
		})
	}()
}
