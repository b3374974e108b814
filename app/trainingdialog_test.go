package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestTrainingDialogSavesOnceWhenSaveIsPressedAgain(t *testing.T) {
	u, q, s, ids := openTrainingScreen(t)
	s.openRecord()
	q.settle(u)
	d := s.record
	fillTraining(d, "党章学习", "2", "2026-03-05")
	d.people.add([]string{ids["张伟"]})
	save := findButtonIn(t, u, "保存")
	test.Tap(save)
	test.Tap(save) // tapped again before the store answers
	d.save()       // and Enter in a field
	q.settle(u)
	ctx := context.Background()
	if n, _ := u.store.Trainings.Count(ctx); n != 1 {
		t.Fatalf("保存 pressed three times stored %d sessions, want 1", n)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog stays open after the save")
	}

	// A refused save gives 保存 back.
	s.openRecord()
	q.settle(u)
	d = s.record
	save = findButtonIn(t, u, "保存")
	test.Tap(save)
	q.settle(u)
	if save.Disabled() || d.form.problems() == "" && d.attendee.Text == "" {
		t.Fatalf("after a refused save: 保存 disabled %v, problems %q", save.Disabled(), d.form.problems())
	}
	fillTraining(d, "党史学习", "1", "2026-03-06")
	d.people.add([]string{ids["李红梅"]})
	test.Tap(save)
	q.settle(u)
	if n, _ := u.store.Trainings.Count(ctx); n != 2 {
		t.Fatalf("%d sessions stored after the second try, want 2", n)
	}
}

func TestEscFromTheAttendeeFiltersClosesTheTrainingDialog(t *testing.T) {
	u, q, s, ids := openTrainingScreen(t)
	s.openRecord()
	q.settle(u)
	u.win.Canvas().Focus(s.record.people.branch)
	pressEscOnFocused(t, u)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc on the focused branch filter did not close a dialog without edits")
	}

	s.openRecord()
	q.settle(u)
	s.record.people.add([]string{ids["张伟"]})
	u.win.Canvas().Focus(s.record.people.group)
	pressEscOnFocused(t, u)
	if !showing(u, "放弃未保存的修改？") {
		t.Fatal("Esc on the focused 党小组 filter with a member added did not ask")
	}
}
