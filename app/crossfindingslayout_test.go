package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"dangjian/data/rules"
)

// TestCrossFindingChosenTextIsNotUnderTheNoteBox: at 1024×768 the
// finding chosen, whose text takes two lines or more, shows whole above
// the 处理情况 box, its last line not under the box; a sort keeps the
// finding chosen.
func TestCrossFindingChosenTextIsNotUnderTheNoteBox(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	w.open(t, crossFindingsTitle)
	s := crossFindingsOf(t, w.u)
	for _, kind := range []string{rules.KindDuplicateActive, rules.KindStranded} {
		row := s.rowOfKind(kind)
		if row < 0 {
			t.Fatalf("no finding of %s", kind)
		}
		s.table.selectRow(row)
		line := fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{}).Height
		if s.chosen.MinSize().Height < 2*line && kind == rules.KindStranded {
			t.Fatalf("the 挂空 finding takes one line (%v high): not a case of a long text", s.chosen.MinSize().Height)
		}
		bottom := s.chosen.Position().Y + s.chosen.MinSize().Height
		if s.chosen.Size().Height < s.chosen.MinSize().Height || s.note.Position().Y < bottom {
			t.Errorf("%s: the text is %v high of the %v it needs, the note box at %v under its end at %v",
				kind, s.chosen.Size().Height, s.chosen.MinSize().Height, s.note.Position().Y, bottom)
		}
	}
	key := s.chosenKey()
	s.table.sortBy(0)
	s.table.sortBy(0)
	if got := s.chosenKey(); got != key || s.note.Disabled() {
		t.Errorf("after a sort the finding chosen is %q (note disabled %v), want %q", got, s.note.Disabled(), key)
	}
}
