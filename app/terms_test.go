package app

import (
	"context"
	"dangjian/data/localfs"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// previousTerm is the term before name.
func previousTerm(t *testing.T, name string) string {
	term := mustTerm(t, name)
	if term.Half == 2 {
		term.Half = 1
	} else {
		term.StartYear, term.Half = term.StartYear-1, 2
	}
	return term.String()
}

// optionWith is the chooser's option that begins with label, "" for none.
func optionWith(options []string, label string) string {
	for _, o := range options {
		if strings.HasPrefix(o, label) {
			return o
		}
	}
	return ""
}

// TestTermChooserShowsEarlierTermsReadOnly: the 学期 chooser lists the
// terms consolidated, the current one chosen; choosing an earlier term
// shows its result in the window, where the 处理情况 of a finding cannot
// be changed; choosing the current term again makes them editable.
func TestTermChooserShowsEarlierTermsReadOnly(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	current := snapshot.TermOn(time.Now(), nil)
	earlierTerm := previousTerm(t, current)
	w.consolidate(t, earlierTerm)
	w.open(t, overviewTitle)
	s := overviewOf(t, w.u)
	cur, old := mustTerm(t, current).Label(), mustTerm(t, earlierTerm).Label()
	if s.terms == nil || len(s.terms.Options) != 2 || s.terms.Selected != cur+"（当前学期）" {
		t.Fatalf("the chooser offers %v, chosen %q", s.terms.Options, s.terms.Selected)
	}
	s.terms.SetSelected(optionWith(s.terms.Options, old))
	w.q.settle(w.u)
	r, err := w.c.TermResult(earlierTerm)
	if err != nil {
		t.Fatal(err)
	}
	if !localfs.SamePath(w.u.store.Path(), r.Path) {
		t.Fatalf("the window shows %s, not the earlier term's %s", w.u.store.Path(), r.Path)
	}
	if !termReadOnly(w.u) {
		t.Error("the earlier term is not read-only")
	}
	s = overviewOf(t, w.u)
	if s.terms.Selected != optionWith(s.terms.Options, old) || len(s.data.rows) != 2 {
		t.Errorf("after choosing: chosen %q, %d rows", s.terms.Selected, len(s.data.rows))
	}
	if err := w.u.store.Branches.Create(context.Background(), &data.Branch{Name: "新支部", Type: "教工"}); err == nil {
		t.Error("the earlier term's result takes a write")
	}
	w.open(t, crossFindingsTitle)
	f := crossFindingsOf(t, w.u)
	f.table.selectRow(f.rowOfKind(rules.KindStranded))
	if !f.save.Disabled() || !f.note.Disabled() {
		t.Error("an earlier term's 处理情况 can be changed")
	}

	w.open(t, overviewTitle)
	s = overviewOf(t, w.u)
	s.terms.SetSelected(optionWith(s.terms.Options, cur))
	w.q.settle(w.u)
	if termReadOnly(w.u) {
		t.Error("the current term is read-only")
	}
	w.open(t, crossFindingsTitle)
	f = crossFindingsOf(t, w.u)
	f.table.selectRow(f.rowOfKind(rules.KindStranded))
	if f.save.Disabled() {
		t.Error("the current term's 处理情况 cannot be changed")
	}
}

// TestTermsCompareShowsChangesPerOrganization: 学期对比 puts each
// organization's members, findings and score in two terms side by side
// with the change: an organization that gained a member shows +1, the
// other 0, and each side is that organization's own figures.
func TestTermsCompareShowsChangesPerOrganization(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	current := snapshot.TermOn(time.Now(), nil)
	w.consolidate(t, previousTerm(t, current))
	ctx := context.Background()
	own := w.own[1]
	if err := own.Members.Create(ctx, &data.Member{BranchID: data.Ref(w.branch[1]), Name: "新党员", StaffNo: "N1",
		IDNumber: field.MakeIDNumber("420106", time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), 99, true), Category: string(vocab.CategoryFull), PersonType: string(vocab.PersonStaff),
		JoinedDate: data.NewDate(2010, 7, 1), ConfirmedAt: data.NewDate(2011, 7, 1)}); err != nil {
		t.Fatal(err)
	}
	w.push(t, 1)
	w.consolidate(t, current)
	w.open(t, termsCompareTitle)
	s, ok := w.u.built["termscompare"].(*termsCompareScreen)
	if !ok {
		t.Fatal("学期对比 was not built")
	}
	if s.from.Selected != mustTerm(t, previousTerm(t, current)).Label() || s.to.Selected != mustTerm(t, current).Label() {
		t.Fatalf("comparing %q with %q", s.from.Selected, s.to.Selected)
	}
	if len(s.deltas) != 2 {
		t.Fatalf("%d rows: %s", len(s.deltas), s.message.Text)
	}
	year := mustTerm(t, current).Year()
	for i, name := range w.name {
		row := -1
		for r := range s.deltas {
			if s.deltas[r].Name == name {
				row = r
			}
		}
		if row < 0 {
			t.Fatalf("no row of %s", name)
		}
		want := "0"
		if i == 1 {
			want = "+1"
		}
		if got := s.cell(&s.deltas[row], 3, false); got != want {
			t.Errorf("%s: 党员增减 %q, want %q", name, got, want)
		}
		if got, want := s.cell(&s.deltas[row], 2, false), ownSummary(t, w, i, year).Members; got != strconv.Itoa(want) {
			t.Errorf("%s: 党员数（后）%s, its own database gives %d", name, got, want)
		}
	}
	size := w.u.win.Canvas().Size()
	if min := w.u.shown.MinSize(); min.Height > size.Height || min.Width > size.Width {
		t.Errorf("学期对比 needs %v in a window of %v", min, size)
	}
	s.table.selectRow(0)
	if s.detail.Text == "" {
		t.Error("no detail for the selected organization")
	}
	// A sort keeps the organization selected, and its detail.
	chosen := s.deltas[0].Name
	for _, col := range []int{0, 0} {
		s.table.sortBy(col)
		if row := s.table.selectedRow(); row < 0 || s.deltas[row].Name != chosen || !strings.HasPrefix(s.detail.Text, chosen) {
			t.Errorf("after a sort: row %d selected, detail %q, want %s's", row, s.detail.Text, chosen)
		}
	}
	s.from.SetSelected(s.to.Selected)
	w.q.settle(w.u)
	if len(s.deltas) != 0 || !strings.Contains(s.message.Text, "不同的学期") {
		t.Errorf("the same term twice: %d rows, %q", len(s.deltas), s.message.Text)
	}
}
