package app

import (
	"context"
	"dangjian/data/localfs"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/committeedb"
	"dangjian/data/rules"
	snapshot "dangjian/sync"
)

// crossFindingsOf is the 跨组织问题 screen built in the window.
func crossFindingsOf(t *testing.T, u *UI) *crossFindingsScreen {
	t.Helper()
	s, ok := u.built["crossfindings"].(*crossFindingsScreen)
	if !ok {
		t.Fatal("the 跨组织问题 screen was not built")
	}
	return s
}

// rowOfKind is the row of the first finding of kind, -1 when none.
func (s *crossFindingsScreen) rowOfKind(kind string) int {
	return slices.IndexFunc(s.list.findings, func(f rules.KeyedFinding) bool { return f.Kind == kind })
}

// showResult shows a term's result in the window, as the term chooser
// does.
func (w *committeeWorld) showResult(t *testing.T, term string) snapshot.TermResult {
	t.Helper()
	r, err := w.c.TermResult(term)
	if err != nil {
		t.Fatal(err)
	}
	w.u.showTerm(r)
	w.q.settle(w.u)
	if !localfs.SamePath(w.u.store.Path(), r.Path) {
		t.Fatalf("the window shows %s, not %s", w.u.store.Path(), r.Path)
	}
	return r
}

// TestCrossFindingsListTheFindingsWithWhoAndWhat: the 跨组织问题 are the
// consolidation's findings (挂空 and 重复在册 here), each with its kind,
// organizations, person (a name, never a 公民身份号码) and letter.
func TestCrossFindingsListTheFindingsWithWhoAndWhat(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	w.open(t, crossFindingsTitle)
	s := crossFindingsOf(t, w.u)
	if len(s.list.findings) != 2 {
		t.Fatalf("findings: %+v", s.list.findings)
	}
	stranded, twice := s.rowOfKind(rules.KindStranded), s.rowOfKind(rules.KindDuplicateActive)
	if stranded < 0 || twice < 0 {
		t.Fatalf("findings: %+v", s.list.findings)
	}
	want := map[int][]string{
		stranded: {"转接挂空", w.name[0], "刘转出", "组字〔2026〕12号"},
		twice:    {"重复在册", w.name[0] + "、" + w.name[1], "", ""},
	}
	for row, cells := range want {
		for col, text := range cells {
			if got := s.cell(row, col); got != text && !(col == 2 && row == twice && (got == "李红梅" || got == "孙双籍")) {
				t.Errorf("row %d col %s: %q, want %q", row, crossFindingColumns[col].title, got, text)
			}
		}
		for col := range crossFindingColumns {
			if text := s.cell(row, col); strings.Contains(text, "420106") {
				t.Errorf("row %d shows a 公民身份号码: %q", row, text)
			}
		}
	}
	if !strings.Contains(s.summary.Text, "跨组织问题 2 项") {
		t.Errorf("summary %q", s.summary.Text)
	}
	size := w.u.win.Canvas().Size()
	if min := w.u.shown.MinSize(); min.Height > size.Height || min.Width > size.Width {
		t.Errorf("the screen needs %v in a window of %v", min, size)
	}
}

// TestCrossFindingNoteSurvivesReconsolidationAndANewTerm: a 处理情况
// recorded for a finding is kept in committee.db with who and when; after
// an organization pushes again and the term is consolidated again (a new
// result in the window) the same finding shows it; so does the next term's
// result, which, not being the current term, shows it without letting it
// be changed.
func TestCrossFindingNoteSurvivesReconsolidationAndANewTerm(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	w.open(t, crossFindingsTitle)
	s := crossFindingsOf(t, w.u)
	row := s.rowOfKind(rules.KindStranded)
	if !s.save.Disabled() {
		t.Error("保存处理情况 is enabled with no finding selected")
	}
	s.table.selectRow(row)
	if s.save.Disabled() || s.note.Disabled() {
		t.Fatal("the note cannot be edited")
	}
	test.Type(s.note, "已函询外国语学院党委，待其补录转入")
	test.Tap(s.save)
	w.q.settle(w.u)
	const note = "已函询外国语学院党委，待其补录转入"
	if got := s.cell(row, 5); got != note {
		t.Fatalf("处理情况 %q", got)
	}
	if s.cell(row, 6) == "" || s.cell(row, 7) == "" {
		t.Errorf("who %q, when %q", s.cell(row, 6), s.cell(row, 7))
	}
	if !strings.Contains(w.u.noticeText(), "已保存处理情况") {
		t.Errorf("notice %q", w.u.noticeText())
	}
	key := s.list.findings[row].Key
	db, err := committeedb.Open(context.Background(), w.dir)
	if err != nil {
		t.Fatal(err)
	}
	notes, err := db.Notes(context.Background())
	db.Close()
	if err != nil || notes[key].Text != note {
		t.Fatalf("committee.db holds %+v, %v", notes, err)
	}

	// The first organization changes something and pushes; the term is
	// consolidated again, and the window shows the new result.
	before := w.u.store.Path()
	ctx := context.Background()
	if err := w.own[0].Branches.Create(ctx, &data.Branch{Name: "第二党支部", Type: "教工"}); err != nil {
		t.Fatal(err)
	}
	w.push(t, 0)
	w.consolidate(t, "")
	term := snapshot.TermOn(time.Now(), nil)
	w.showResult(t, term)
	if localfs.SamePath(before, w.u.store.Path()) {
		t.Fatal("the re-consolidation made no new result")
	}
	w.open(t, crossFindingsTitle)
	s = crossFindingsOf(t, w.u)
	row = s.rowOfKind(rules.KindStranded)
	if row < 0 || s.cell(row, 5) != note {
		t.Fatalf("after the re-consolidation the finding's note is %q", s.cell(row, 5))
	}
	s.table.selectRow(row)
	if s.note.Text != note || s.save.Disabled() {
		t.Errorf("the current term's editor: %q, save disabled %v", s.note.Text, s.save.Disabled())
	}

	// The next term, consolidated when it has begun.
	next := nextTerm(t, term)
	start, _ := mustTerm(t, next).DefaultSpan()
	later := start.AddDate(0, 0, 10).Add(12 * time.Hour)
	if _, err := w.c.Consolidate(ctx, snapshot.ConsolidateOptions{Identity: w.id, Backend: w.mem, Term: next,
		Now: func() time.Time { return later }}); err != nil {
		t.Fatal(err)
	}
	w.showResult(t, next)
	w.open(t, crossFindingsTitle)
	s = crossFindingsOf(t, w.u)
	row = s.rowOfKind(rules.KindStranded)
	if row < 0 || s.cell(row, 5) != note {
		t.Fatalf("in the next term's result the finding's note is %q", s.cell(row, 5))
	}
	s.table.selectRow(row)
	if !s.save.Disabled() || !s.note.Disabled() {
		t.Error("a term other than the current one lets its notes be changed")
	}
	if !strings.Contains(s.summary.Text, "只读") {
		t.Errorf("summary %q", s.summary.Text)
	}
}

// mustTerm parses a term's name.
func mustTerm(t *testing.T, name string) snapshot.Term {
	t.Helper()
	term, err := snapshot.ParseTerm(name)
	if err != nil {
		t.Fatal(err)
	}
	return term
}

// nextTerm is the term after name.
func nextTerm(t *testing.T, name string) string {
	term := mustTerm(t, name)
	if term.Half == 1 {
		term.Half = 2
	} else {
		term.StartYear, term.Half = term.StartYear+1, 1
	}
	return term.String()
}
