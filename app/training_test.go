package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// openTrainingScreen shows 学习培训 and returns it with the members' ids
// by name.
func openTrainingScreen(t *testing.T) (*UI, *uiQueue, *trainingScreen, map[string]string) {
	t.Helper()
	u, q := newTestUI(t)
	openScreen(t, u, "学习培训")
	q.settle(u)
	ids := map[string]string{}
	for _, r := range u.training.rows {
		ids[r.name] = r.id
	}
	return u, q, u.training, ids
}

// fillTraining fills the dialog's fields.
func fillTraining(d *trainingDialog, topic, hours, date string) {
	d.form.inputs["topic"].object.(*widget.Entry).SetText(topic)
	d.form.inputs["hours"].object.(*widget.Entry).SetText(hours)
	d.form.inputs["date"].object.(*widget.Entry).SetText(date)
	d.form.inputs["form"].object.(*widget.Select).SetSelected("培训班")
}

// topOverlay is the dialog on top of the window.
func topOverlay(u *UI) []fyne.CanvasObject {
	return []fyne.CanvasObject{u.win.Canvas().Overlays().Top()}
}

// textsIn gathers the labels' texts under the objects.
func textsIn(roots []fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range roots {
		walk(o)
	}
	return b.String()
}

func TestTrainingSessionFoundEditedDeletedAndRestored(t *testing.T) {
	u, q, s, ids := openTrainingScreen(t)
	ctx := context.Background()
	test.Tap(findButton(t, u, "新增培训"))
	q.settle(u)
	d := s.record
	fillTraining(d, "学习新修订的党章", "3", "2026/3/5")
	d.check("王建国")
	d.check("李红梅")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if !strings.Contains(u.noticeText(), "已保存学习培训") {
		t.Fatalf("no confirmation after saving: %q", u.noticeText())
	}

	// Found by search in 培训记录.
	v := s.sessions
	test.Type(v.search, "党章")
	if len(v.shown) != 1 || v.shown[0].cells[5] != "2" || v.shown[0].cells[0] != "2026-03-05" {
		t.Fatalf("search 党章 shows %+v", v.shown)
	}
	v.search.SetText("集体学习")
	if len(v.shown) != 0 || v.count.Text != "显示0次，共1次" {
		t.Fatalf("search 集体学习 shows %d rows, %q", len(v.shown), v.count.Text)
	}
	v.search.SetText("2026-03")
	v.table.selectRow(0)
	v.table.openSelected()
	q.settle(u)

	// Edited: topic and attendees.
	d = s.record
	if d.isNew || !sameMembers(d.people.ids(), []string{ids["王建国"], ids["李红梅"]}) {
		t.Fatalf("the session opened with %v", d.people.ids())
	}
	d.form.inputs["topic"].object.(*widget.Entry).SetText("学习新修订的党章(二)")
	d.people.remove(ids["李红梅"])
	d.check("张伟")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	recs, _ := u.store.Trainings.List(ctx)
	if len(recs) != 1 || recs[0].Topic != "学习新修订的党章(二)" {
		t.Fatalf("stored %+v", recs)
	}
	got, _ := u.store.TrainingAttendeesOf(ctx, recs[0].ID)
	if !sameMembers(got, []string{ids["王建国"], ids["张伟"]}) {
		t.Fatalf("attendance after the edit: %v", got)
	}
	if s.hoursOf(ids["李红梅"]) != 0 || s.hoursOf(ids["张伟"]) != 3 {
		t.Fatalf("hours after the edit: 李红梅 %v, 张伟 %v", s.hoursOf(ids["李红梅"]), s.hoursOf(ids["张伟"]))
	}

	// Deleted with a confirmation naming it, then restored with 撤销.
	v.search.SetText("")
	s.removeSession(v.shown[0].rec, nil)
	if msg := textsIn(topOverlay(u)); !strings.Contains(msg, "学习培训“2026-03-05 学习新修订的党章(二)”") {
		t.Fatalf("the confirmation does not name the session: %q", msg)
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "删除"))
	q.settle(u)
	if n, _ := u.store.Trainings.Count(ctx); n != 0 || len(v.all) != 0 || s.hoursOf(ids["王建国"]) != 0 {
		t.Fatalf("after deleting: %d sessions stored, %d listed", n, len(v.all))
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销 after deleting")
	}
	q.settle(u)
	if len(v.all) != 1 || v.all[0].cells[5] != "2" || s.hoursOf(ids["张伟"]) != 3 {
		t.Fatalf("after 撤销: %d sessions listed", len(v.all))
	}
}

func TestTrainingDialogAddsAWholeBranchAndGroup(t *testing.T) {
	u, q, s, ids := openTrainingScreen(t)
	ctx := context.Background()
	bs, _ := u.store.Branches.List(ctx, data.Where(data.ColName, "教工第一党支部"))
	g := &data.PartyGroup{BranchID: data.Ref(bs[0].ID), Name: "第一党小组"}
	if err := u.store.Groups.Create(ctx, g); err != nil {
		t.Fatal(err)
	}
	m, _ := u.store.Members.Get(ctx, ids["李红梅"])
	m.GroupID = data.Ref(g.ID)
	if err := u.store.Members.Update(ctx, m); err != nil {
		t.Fatal(err)
	}
	test.Tap(findButton(t, u, "新增培训"))
	q.settle(u)
	p := s.record.people
	p.chooseBranch("教工第一党支部")
	p.chooseGroup("第一党小组")
	test.Tap(p.addGroup)
	if !slices.Equal(p.ids(), []string{ids["李红梅"]}) || p.count.Text != "已选1人" {
		t.Fatalf("加入本党小组全部 chose %v (%q)", p.ids(), p.count.Text)
	}
	p.chooseGroup("")
	test.Tap(p.addAll)
	if !sameMembers(p.ids(), []string{ids["王建国"], ids["李红梅"]}) || p.count.Text != "已选2人" {
		t.Fatalf("加入本支部全部 chose %v (%q)", p.ids(), p.count.Text)
	}
	p.search("zw")
	if len(p.hits) != 0 {
		t.Fatal("张伟 is found within 教工第一党支部")
	}
	p.chooseBranch("")
	if len(p.hits) != 1 {
		t.Fatalf("zw in every branch finds %d", len(p.hits))
	}
	p.addMatch(0)
	fillTraining(s.record, "党史学习", "2", "2026-04-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	for _, name := range []string{"王建国", "李红梅", "张伟"} {
		if s.hoursOf(ids[name]) != 2 {
			t.Errorf("%s has %v hours, want 2", name, s.hoursOf(ids[name]))
		}
	}
}

func TestTrainingDialogEscAsksOnlyWithEdits(t *testing.T) {
	u, q, s, ids := openTrainingScreen(t)
	esc := func() {
		u.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	test.Tap(findButton(t, u, "新增培训"))
	q.settle(u)
	esc()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close a dialog without edits")
	}
	test.Tap(findButton(t, u, "新增培训"))
	q.settle(u)
	d := s.record
	d.people.add([]string{ids["张伟"]})
	topic := d.form.inputs["topic"].view.(*escEntry)
	test.Type(topic, "党课")
	topic.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(u.win.Canvas().Overlays().List()); n != 2 {
		t.Fatalf("Esc with edits: %d overlays, want the dialog and the question", n)
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "继续编辑"))
	if n := len(u.win.Canvas().Overlays().List()); n != 1 || d.form.inputs["topic"].object.(*widget.Entry).Text != "党课" {
		t.Fatalf("继续编辑 left %d overlays", n)
	}
	esc()
	test.Tap(findButtonAmong(t, topOverlay(u), "放弃修改"))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("放弃修改 did not close the dialog")
	}
	if n, _ := u.store.Trainings.Count(context.Background()); n != 0 {
		t.Fatal("a discarded session was saved")
	}
}

func TestTrainingHoursSortByNumberAndPinyin(t *testing.T) {
	rows := []trainingRow{
		{name: "沈明", cells: [trainingColumnCount]string{"沈明", "一支部", "9", "32", trainingShort}},
		{name: "陈红", cells: [trainingColumnCount]string{"陈红", "一支部", "10.5", "32", trainingShort}},
		{name: "安静", cells: [trainingColumnCount]string{"安静", "一支部", "32", "32", trainingMet}},
	}
	names := func() string {
		var out []string
		for _, r := range rows {
			out = append(out, r.name)
		}
		return strings.Join(out, ",")
	}
	for _, c := range []struct {
		col  int
		desc bool
		want string
	}{
		{0, false, "安静,陈红,沈明"},
		{2, false, "沈明,陈红,安静"},
		{2, true, "安静,陈红,沈明"},
	} {
		sortTrainingRows(rows, c.col, c.desc)
		if got := names(); got != c.want {
			t.Errorf("by column %d (desc %v): %s, want %s", c.col, c.desc, got, c.want)
		}
	}
}
