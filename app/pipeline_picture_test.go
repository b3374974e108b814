package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/vocab"
)

// TestPipelinePicturesForALook writes pictures of the 发展党员 board (a
// branch of a long name, a person with a to-do), the step form and the
// batch form at 1024×768 and 1366×768 to the folder
// DANGJIAN_SCREEN_PICTURES names, to be looked at; skipped when it is not
// set.
func TestPipelinePicturesForALook(t *testing.T) {
	dir := os.Getenv("DANGJIAN_SCREEN_PICTURES")
	if dir == "" {
		t.Skip("DANGJIAN_SCREEN_PICTURES is not set")
	}
	for _, width := range []float32{1024, 1366} {
		u, q := newTestUI(t)
		ctx := context.Background()
		id := branchID(t, u, "学生第一党支部")
		b, err := u.store.Branches.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		b.Name = "2023级本科生第一党支部（计算机科学与技术、软件工程专业联合）"
		if err := u.store.Branches.Update(ctx, b); err != nil {
			t.Fatal(err)
		}
		// Applied a month ago and a few days: the talk is due this month.
		a := addApplicant(t, u.store, id, "孙晓", 1, data.DateOf(u.store.Now().AddDate(0, -1, 3)))
		addApplicant(t, u.store, id, "钱多多", 2, data.NewDate(2025, 3, 1))
		u.win.Resize(fyne.NewSize(width, 768))
		s := pipelineOf(t, u, q)
		shot := func(name string) {
			f, err := os.Create(filepath.Join(dir, name+"-"+strconv.Itoa(int(width))+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		shot("board")
		s.openPerson(a.ID)
		q.settle(u)
		shot("person")
		test.Tap(s.page.next)
		q.settle(u)
		shot("step")
		s.page.stepForm.close()
		s.page.dlg.Hide()
		test.Tap(findButton(t, u, "全选"))
		test.Tap(s.batch)
		q.settle(u)
		shot("batch")
		f := s.lastBatch.form
		f.kind.SetSelected(string(vocab.StepActivist))
		f.date.SetText("2025-01-01")
		test.Tap(f.save)
		q.settle(u)
		shot("batch-refused")
	}
}
