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
	u.runJobWithText(title, func(ctx context.Context, v *jobView) error {
		return work(ctx, v.progress)
	}, done)
}

// jobView is the progress dialog of a job, updated from the job's
// goroutine.
type jobView struct {
	u    *UI
	bar  *widget.ProgressBar
	note *widget.Label
	last time.Time // when progress last reached the UI
}

// progress shows done out of total as numbers, at most ten times a second.
func (v *jobView) progress(done, total int) {
	if now := time.Now(); done < total && now.Sub(v.last) < 100*time.Millisecond {
		return
	} else {
		v.last = now
	}
	if total > 0 {
		v.show(float64(done)/float64(total), fmt.Sprintf("%d / %d", done, total))
	}
}

// stage shows what the job is doing and how far it is, between 0 and 1.
func (v *jobView) stage(fraction float64, text string) { v.show(fraction, text) }

func (v *jobView) show(fraction float64, text string) {
	v.u.post(func() {
		v.bar.SetValue(fraction)
		v.note.SetText(text)
	})
}

// runJobWithText is runJob for work that names its stages: work reports
// through the jobView it is given.
func (u *UI) runJobWithText(title string, work func(ctx context.Context, v *jobView) error, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	v := &jobView{u: u, bar: widget.NewProgressBar(), note: widget.NewLabel("正在准备…")}
	stop := widget.NewButton("取消", func() {
		v.note.SetText("正在取消…")
		cancel()
	})
	dlg := dialog.NewCustomWithoutButtons(title, container.NewVBox(v.note, v.bar, container.NewCenter(stop)), u.win)
	dlg.Resize(fyne.NewSize(420, 160))
	dlg.Show()

	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		defer cancel()
		err := work(ctx, v)
		u.post(func() {
			dlg.Hide()
			done(err)
		})
	}()
}
