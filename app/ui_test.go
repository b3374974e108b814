package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/reports/sheets"
)

// testStore makes a database with two branches and a few members.
func testStore(t *testing.T) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "ui.db"), "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var branches []*data.Branch
	for _, name := range []string{"教工第一党支部", "学生第一党支部"} {
		b := &data.Branch{Name: name, Type: "教工"}
		if err := s.Branches.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		branches = append(branches, b)
	}
	people := []struct {
		name, staff string
		branch      int
	}{{"王建国", "T1001", 0}, {"李红梅", "T1002", 0}, {"张伟", "S2001", 1}}
	for i, p := range people {
		birth := time.Date(1980+i, 3, 4, 0, 0, 0, 0, time.UTC)
		m := &data.Member{
			BranchID: data.Ref(branches[p.branch].ID), Name: p.name, StaffNo: p.staff,
			IDNumber: field.MakeIDNumber("420106", birth, i, i != 1), Category: "正式党员",
			PersonType: "在职教职工", JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1),
		}
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func newTestUI(t *testing.T) (*UI, *uiQueue) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(w.Canvas().Size().AddWidthHeight(1200, 800))
	q := &uiQueue{}
	u := newUI(a, w, testStore(t), q.post)
	q.settle(u)
	return u, q
}

// uiQueue stands in for fyne.Do in tests: results of background work queue
// up and run on the test goroutine when settle is called, as the real
// driver runs them on the UI goroutine.
type uiQueue struct {
	mu    sync.Mutex
	queue []func()
}

func (q *uiQueue) post(f func()) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.queue = append(q.queue, f)
}

// settle waits for background work and runs what it handed back, until
// nothing is left.
func (q *uiQueue) settle(u *UI) {
	for {
		u.jobs.Wait()
		q.mu.Lock()
		next := q.queue
		q.queue = nil
		q.mu.Unlock()
		if len(next) == 0 {
			return
		}
		for _, f := range next {
			f()
		}
	}
}

func TestMembersScreenListsSearchesAndFilters(t *testing.T) {
	u, q := newTestUI(t)
	u.open(1)
	q.settle(u)
	screen := findMembersScreen(t, u)
	if got := len(screen.shown); got != 3 {
		t.Fatalf("table shows %d members, want 3", got)
	}
	test.Type(screen.search, "李红")
	if len(screen.shown) != 1 || screen.shown[0].cells[0] != "李红梅" {
		t.Fatalf("search 李红 shows %v", screen.shown)
	}
	screen.search.SetText("s2001")
	if len(screen.shown) != 1 || screen.shown[0].cells[0] != "张伟" {
		t.Fatalf("search by 学号 shows %v", screen.shown)
	}
	screen.search.SetText("")
	screen.branch.SetSelected("教工第一党支部")
	if len(screen.shown) != 2 || screen.count.Text != "显示2人，共3人" {
		t.Fatalf("branch filter shows %d rows, label %q", len(screen.shown), screen.count.Text)
	}
	screen.branch.SetSelected(allBranches)
	screen.sortBy(7) // 工号或学号
	if screen.shown[0].cells[7] != "S2001" {
		t.Fatalf("sorted by 工号或学号: first %q", screen.shown[0].cells[7])
	}
	screen.sortBy(7)
	if screen.shown[0].cells[7] != "T1002" {
		t.Fatalf("reverse order: first %q", screen.shown[0].cells[7])
	}
	screen.flag.SetSelected("党员领导干部")
	if len(screen.shown) != 0 {
		t.Fatalf("no leader in the test data, %d shown", len(screen.shown))
	}
}

func findMembersScreen(t *testing.T, u *UI) *membersScreen {
	t.Helper()
	if u.members == nil {
		t.Fatal("members screen not built")
	}
	return u.members
}

func TestReportsScreenWritesThePDF(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "报表")
	q.settle(u)
	s := u.reports
	if s == nil || len(s.branch.Options) != 3 {
		t.Fatalf("reports screen not built or branches not loaded: %+v", s)
	}
	out := filepath.Join(t.TempDir(), "花名册.pdf")
	s.kind.SetSelected("党员花名册")
	s.branch.SetSelected("教工第一党支部")
	s.path.SetText(out)
	test.Tap(findButton(t, u, "生成PDF"))
	q.settle(u)
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF at %s: %v (status %q)", out, err, s.result.Text)
	}
	if !strings.Contains(s.result.Text, "已生成") || s.last != out {
		t.Fatalf("status %q", s.result.Text)
	}
}

// findButton finds a button by its text in the window.
func findButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	return findButtonAmong(t, []fyne.CanvasObject{u.win.Content()}, text)
}

// membersSheet writes a members sheet with the given rows (cells in the
// template's order) and returns its path.
func membersSheet(t *testing.T, rows ...[]any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "members.xlsx")
	var buf bytes.Buffer
	if err := sheets.Template(sheets.Members, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow(f.GetSheetName(0), cell, &r)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportScreenPreviewsProblemsAndWritesNothing(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "导入导出")
	q.settle(u)
	s := u.sheets
	ctx := context.Background()
	before, _ := u.store.Members.Count(ctx)
	good := field.MakeIDNumber("330106", time.Date(1988, 8, 8, 0, 0, 0, 0, time.UTC), 5, false)
	path := membersSheet(t,
		[]any{"赵丽", "女", "汉族", "", good, "", "", "在职教职工", "", "", "教工第一党支部", "2012-07-01", "2013-07-01", "正式党员"},
		[]any{"钱坤", "男", "汉族", "", "110101198001010000", "", "", "在职教职工", "", "", "教工第一党支部", "2012-07-01", "", "正式党员"},
	)
	s.file.SetText(path)
	test.Tap(findButton(t, u, "检查"))
	q.settle(u)
	if len(s.problems) != 1 || !strings.HasPrefix(s.problems[0], "第3行 「公民身份号码」") {
		t.Fatalf("preview problems: %q (summary %q)", s.problems, s.summary.Text)
	}
	if !s.importOK.Disabled() || s.skipBad.Disabled() {
		t.Fatal("with a bad row, 导入 must be off and 只导入有效的行 on")
	}
	if after, _ := u.store.Members.Count(ctx); after != before {
		t.Fatal("checking a sheet wrote members")
	}
	test.Tap(s.skipBad)
	q.settle(u)
	if after, _ := u.store.Members.Count(ctx); after != before+1 {
		t.Fatalf("only the valid row should be written: %d → %d (%q)", before, after, s.summary.Text)
	}
}

func TestAddMemberShowsTheMessageThenSaves(t *testing.T) {
	u, q := newTestUI(t)
	u.open(1)
	q.settle(u)
	s := u.members
	test.Tap(findButton(t, u, "新增党员"))
	q.settle(u)
	d := s.dialog
	if d == nil {
		t.Fatal("no member form opened")
	}
	set := func(col, text string) {
		switch w := d.form.inputs[col].object.(type) {
		case *widget.Entry:
			w.SetText(text)
		case *widget.Select:
			w.SetSelected(text)
		}
	}
	good := field.MakeIDNumber("330106", time.Date(1990, 2, 3, 0, 0, 0, 0, time.UTC), 8, false)
	set("name", "孙丽")
	set("branch_id", "教工第一党支部")
	set("id_number", good[:17]+map[bool]string{true: "1", false: "0"}[good[17] == '0'])
	set("joined_date", "2015年7月1日")
	set("confirmed_date", "2016-07-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	msg := d.form.errors["id_number"]
	if !msg.Visible() || !strings.Contains(msg.Text, "校验码") {
		t.Fatalf("no message under 公民身份号码: %q", msg.Text)
	}
	if n, _ := u.store.Members.Count(context.Background(), data.Where("name", "孙丽")); n != 0 {
		t.Fatal("a member with a wrong 公民身份号码 was saved")
	}
	set("id_number", good)
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if msg.Visible() {
		t.Fatalf("the message stayed: %q", msg.Text)
	}
	found := false
	for _, r := range s.shown {
		found = found || r.cells[0] == "孙丽"
	}
	if !found || len(s.shown) != 4 {
		t.Fatalf("the new member is not listed (%d rows)", len(s.shown))
	}
}

// findButtonIn finds a button by its text in the window's dialogs.
func findButtonIn(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	return findButtonAmong(t, u.win.Canvas().Overlays().List(), text)
}

// findButtonAmong walks the objects and their widgets' renderers for a
// button with the text.
func findButtonAmong(t *testing.T, roots []fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				found = w
			}
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
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// openScreen shows the sidebar entry with the title.
func openScreen(t *testing.T, u *UI, title string) {
	t.Helper()
	for i, sc := range u.screens {
		if sc.title == title {
			u.open(i)
			return
		}
	}
	t.Fatalf("no screen %q", title)
}

func TestRecordTrainingForThreeMembersChangesTheirTotals(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "学习培训")
	q.settle(u)
	s := u.training
	ids := map[string]string{}
	for _, r := range s.rows {
		ids[r.name] = r.id
		if r.hours != 0 {
			t.Fatalf("%s starts with %v hours", r.name, r.hours)
		}
	}
	test.Tap(findButton(t, u, "新增培训"))
	q.settle(u)
	d := s.record
	d.form.inputs["topic"].object.(*widget.Entry).SetText("学习新修订的党章")
	d.form.inputs["hours"].object.(*widget.Entry).SetText("3.5")
	d.form.inputs["date"].object.(*widget.Entry).SetText("2026/3/5")
	d.form.inputs["form"].object.(*widget.Select).SetSelected("培训班")
	for _, name := range []string{"王建国", "李红梅", "张伟"} {
		d.check(name)
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	for _, name := range []string{"王建国", "李红梅", "张伟"} {
		if got := s.hoursOf(ids[name]); got != 3.5 {
			t.Errorf("%s: %v hours after the training, want 3.5", name, got)
		}
	}
}

func TestRecordScreenAddsEditsAndGuardsDeletes(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "党支部")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Branch, *data.Branch])
	if len(s.rows) != 2 {
		t.Fatalf("%d branches listed", len(s.rows))
	}
	test.Tap(findButton(t, u, "新增"))
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if msg := s.form.errors["name"]; !msg.Visible() || !strings.Contains(msg.Text, "不能为空") {
		t.Fatalf("no message for the missing name: %q", msg.Text)
	}
	s.form.inputs["name"].object.(*widget.Entry).SetText("离退休党支部")
	s.form.inputs["type"].object.(*widget.Select).SetSelected("离退休")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	listed := false
	for i := range s.rows {
		listed = listed || s.rows[i].Name == "离退休党支部" && s.cell(&s.rows[i], "type") == "离退休"
	}
	if len(s.rows) != 3 || !listed {
		t.Fatalf("the new branch is not listed: %d rows", len(s.rows))
	}
	// A branch with members cannot be deleted.
	for i := range s.rows {
		if s.rows[i].Name == "教工第一党支部" {
			rec := s.rows[i]
			s.openForm(&rec, false)
		}
	}
	s.confirmDelete()
	// Answer the confirmation dialog.
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if got := overlayTexts(u); !strings.Contains(got, "不能删除") {
		t.Fatalf("deleting a branch with members: %q", got)
	}
}

func TestCtrlFFocusesTheMemberSearch(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "报表")
	q.settle(u)
	find := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(find)
	q.settle(u)
	if u.screens[u.current].title != "党员" || u.win.Canvas().Focused() != u.members.search {
		t.Fatalf("Ctrl+F shows %q with focus on %v", u.screens[u.current].title, u.win.Canvas().Focused())
	}
}

func TestSettingsThresholdsBackupAndRestore(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "设置")
	q.settle(u)
	s := u.settings
	if s.thresholds["train.hours"].Text != "32" {
		t.Fatalf("threshold shown as %q", s.thresholds["train.hours"].Text)
	}
	s.thresholds["train.hours"].SetText("很多")
	test.Tap(findButton(t, u, "保存规则设置"))
	q.settle(u)
	if !strings.Contains(s.message.Text, "未保存") {
		t.Fatalf("a bad threshold: %q", s.message.Text)
	}
	s.thresholds["train.hours"].SetText("40")
	test.Tap(findButton(t, u, "保存规则设置"))
	q.settle(u)
	if set, _ := u.store.RuleSettings(context.Background()); set.TrainingHours != 40 {
		t.Fatalf("threshold not stored: %q", s.message.Text)
	}

	backup := filepath.Join(t.TempDir(), "备份", "b.db")
	s.backupTo.SetText(backup)
	test.Tap(findButton(t, u, "备份"))
	q.settle(u)
	if !strings.Contains(s.message.Text, "已备份") {
		t.Fatalf("backup: %q", s.message.Text)
	}
	ctx := context.Background()
	m := &data.Member{BranchID: data.Ref(u.members0(t)), Name: "备份后新增", Category: "正式党员", PersonType: "在职教职工",
		IDNumber: field.MakeIDNumber("610113", time.Date(1985, 1, 1, 0, 0, 0, 0, time.UTC), 3, true), JoinedDate: data.NewDate(2010, 1, 1)}
	if err := u.store.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("not a database"), 0o644)
	s.restore(bad)
	q.settle(u)
	if !strings.Contains(s.message.Text, "当前数据不变") {
		t.Fatalf("a bad backup: %q", s.message.Text)
	}
	s.restore(backup)
	q.settle(u)
	if n, _ := u.store.Members.Count(ctx); n != 3 {
		t.Fatalf("after restore %d members, want the 3 of the backup", n)
	}
}

// members0 returns the id of the test store's first branch.
func (u *UI) members0(t *testing.T) string {
	bs, err := u.store.Branches.List(context.Background(), data.OrderBy("name"))
	if err != nil || len(bs) == 0 {
		t.Fatal(err)
	}
	return bs[0].ID
}

// showScreen builds a screen into the window's content, as the sidebar does.
func showScreen(u *UI, build func(*UI) fyne.CanvasObject) {
	u.content.Objects = []fyne.CanvasObject{build(u)}
	u.content.Refresh()
}

func TestEnterSubmitsAndEscapeCloses(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "党支部")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Branch, *data.Branch])
	test.Tap(findButton(t, u, "新增"))
	name := s.form.inputs["name"].object.(*widget.Entry)
	test.Type(name, "机关第二党支部")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	q.settle(u)
	if len(s.rows) != 3 {
		t.Fatalf("Enter did not save: %d rows, %q", len(s.rows), s.form.general.Text)
	}
	test.Tap(findButton(t, u, "新增"))
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog open")
	}
	u.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the dialog")
	}
}
