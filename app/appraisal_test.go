package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// branchID returns the id of the test store's branch with the name.
func branchID(t *testing.T, u *UI, name string) string {
	t.Helper()
	bs, err := u.store.Branches.List(context.Background(), data.Where("name", name))
	if err != nil || len(bs) != 1 {
		t.Fatalf("branch %s: %v", name, err)
	}
	return bs[0].ID
}

// addMember adds a member to the branch with the name.
func addMember(t *testing.T, u *UI, branch, name, category string, seq int) {
	t.Helper()
	m := &data.Member{BranchID: data.Ref(branchID(t, u, branch)), Name: name, Category: category,
		PersonType: "在职教职工", JoinedDate: data.NewDate(2015, 7, 1),
		IDNumber: field.MakeIDNumber("420106", time.Date(1990, 1, seq, 0, 0, 0, 0, time.UTC), 10+seq, seq%2 == 0)}
	if category == "正式党员" {
		m.ConfirmedAt = data.NewDate(2016, 7, 1)
	} else {
		m.JoinedDate = data.DateOf(time.Now().AddDate(0, -3, 0))
	}
	if err := u.store.Members.Create(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

func rowIndex[R any](t *testing.T, rows []R, name func(R) string, want string) int {
	t.Helper()
	for i, r := range rows {
		if name(r) == want {
			return i
		}
	}
	t.Fatalf("no row for %s", want)
	return -1
}

func TestAppraisalWarnsWhenExcellentExceedsAThird(t *testing.T) {
	u, q := newTestUI(t)
	addMember(t, u, "教工第一党支部", "赵一", "正式党员", 1)
	addMember(t, u, "教工第一党支部", "钱二", "正式党员", 2)
	addMember(t, u, "教工第一党支部", "孙三", "预备党员", 3)
	showScreen(u, newAppraisalScreen)
	q.settle(u)
	s := u.built["appraisal"].(*appraisalScreen)
	s.pick.selectBranch("教工第一党支部")
	q.settle(u)
	if len(s.rows) != 5 || s.cell(0, 2) != "（未评议）" {
		t.Fatalf("%d rows, first grade %q", len(s.rows), s.cell(0, 2))
	}

	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	ctx := context.Background()
	year := time.Now().Year()
	if n, _ := u.store.Appraisals.Count(ctx, data.Where("year", year)); n != 5 {
		t.Fatalf("新增 created %d appraisals, want one per member of the branch (5): %q", n, s.message.Text)
	}
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	if n, _ := u.store.Appraisals.Count(ctx); n != 5 || !strings.Contains(s.message.Text, "均已建立") {
		t.Fatalf("新增 again: %d appraisals, %q", n, s.message.Text)
	}

	name := func(r appraisalRow) string { return r.member.Name }
	grade := func(member, g string) {
		t.Helper()
		s.table.selectRow(rowIndex(t, s.rows, name, member))
		s.table.openSelected()
		s.dialog.form.inputs["grade"].object.(*widget.Select).SetSelected(g)
		test.Tap(findButtonIn(t, u, "保存"))
		q.settle(u)
		if got := s.rows[rowIndex(t, s.rows, name, member)].appraisal.Grade; got != g {
			t.Fatalf("%s graded %q, want %q (%q)", member, got, g, s.dialog.form.general.Text)
		}
	}
	grade("王建国", "优秀")
	grade("李红梅", "合格")
	grade("赵一", "合格")
	grade("钱二", "合格")
	if s.warning.Visible() {
		t.Fatalf("1 优秀 of 4 graded warns: %q", s.warning.Text)
	}
	grade("李红梅", "优秀")
	if !s.warning.Visible() || !strings.Contains(s.warning.Text, "超过") || !strings.Contains(s.warning.Text, "三分之一") {
		t.Fatalf("2 优秀 of 4 graded: warning %v %q", s.warning.Visible(), s.warning.Text)
	}

	// The threshold is the setting's.
	if err := u.store.SetSetting(ctx, "appraise.excellent_max", "1/2"); err != nil {
		t.Fatal(err)
	}
	s.load()
	q.settle(u)
	if s.warning.Visible() {
		t.Fatalf("2 of 4 with a limit of 1/2 warns: %q", s.warning.Text)
	}

	// A 预备党员 is not graded.
	s.table.selectRow(rowIndex(t, s.rows, name, "孙三"))
	s.table.openSelected()
	d := s.dialog
	if _, shown := d.form.inputs["grade"]; shown || d.note.Text != "预备党员不评定等次" {
		t.Fatalf("预备党员 form: grade shown %v, note %q", shown, d.note.Text)
	}
	d.form.inputs["branch_opinion"].object.(*widget.Entry).SetText("积极参加组织生活")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	r := s.rows[rowIndex(t, s.rows, name, "孙三")]
	if r.appraisal.Grade != "" || s.cell(rowIndex(t, s.rows, name, "孙三"), 2) != "不评定等次" ||
		s.cell(rowIndex(t, s.rows, name, "孙三"), 3) != "已填写" {
		t.Fatalf("预备党员 row: %+v", r.appraisal)
	}
}

func TestAppraisalShowsTheFollowUpOfUnsatisfactory(t *testing.T) {
	u, q := newTestUI(t)
	showScreen(u, newAppraisalScreen)
	q.settle(u)
	s := u.built["appraisal"].(*appraisalScreen)
	s.pick.selectBranch("教工第一党支部")
	q.settle(u)
	name := func(r appraisalRow) string { return r.member.Name }
	i := rowIndex(t, s.rows, name, "王建国")
	s.table.selectRow(i)
	s.table.openSelected()
	s.dialog.form.inputs["grade"].object.(*widget.Select).SetSelected("不合格")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	i = rowIndex(t, s.rows, name, "王建国")
	if got := s.cell(i, 4); !strings.Contains(got, "须教育处置") {
		t.Fatalf("不合格 without follow-up shows %q", got)
	}
	s.table.selectRow(i)
	s.table.openSelected()
	s.dialog.form.inputs["follow_up"].object.(*widget.Entry).SetText("限期改正")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got := s.cell(rowIndex(t, s.rows, name, "王建国"), 4); got != "限期改正" {
		t.Fatalf("follow-up shows %q", got)
	}
	if n, _ := u.store.Appraisals.Count(context.Background()); n != 1 {
		t.Fatalf("%d appraisals after editing one", n)
	}
}

// appraisalNow is the clock of yearStore: September 2026, so that 2025 has
// ended and 2026 is under way.
var appraisalNow = time.Date(2026, 9, 15, 10, 0, 0, 0, time.UTC)

// yearStore is an organization on the clock appraisalNow with the branch
// 教工第一党支部: three 正式党员 of long standing (王建国, 李红梅, 陈正) and
// 周新, admitted on 2025-07-01 and 转正 on 2026-07-01, so a 预备党员 all
// through 2025 and a 正式党员 today. It returns the members' ids by name.
func yearStore(t *testing.T) (*data.Store, map[string]string) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "years.db"), "测试学院党委", "Y",
		data.WithClock(func() time.Time { return appraisalNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	b := &data.Branch{Name: "教工第一党支部", Type: string(vocab.BranchStaff)}
	if err := s.Branches.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	people := []struct {
		name              string
		joined, confirmed data.Date
	}{
		{"王建国", data.NewDate(2005, 7, 1), data.NewDate(2006, 7, 1)},
		{"李红梅", data.NewDate(2008, 7, 1), data.NewDate(2009, 7, 1)},
		{"陈正", data.NewDate(2010, 7, 1), data.NewDate(2011, 7, 1)},
		{"周新", data.NewDate(2025, 7, 1), data.NewDate(2026, 7, 1)},
	}
	for i, p := range people {
		m := &data.Member{BranchID: data.Ref(b.ID), Name: p.name, Category: string(vocab.CategoryFull),
			PersonType: string(vocab.PersonStaff), JoinedDate: p.joined, ConfirmedAt: p.confirmed,
			IDNumber: field.MakeIDNumber("420106", time.Date(1985+i, 3, 4, 0, 0, 0, 0, time.UTC), 20+i, i%2 == 0)}
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		ids[p.name] = m.ID
	}
	return s, ids
}

// yearFigures are the store's figures of the year as of its check day.
func yearFigures(t *testing.T, s *data.Store, year int) *rules.Figures {
	t.Helper()
	fig, err := s.Figures(context.Background(), year, appcore.CheckDay(year, s.Now()))
	if err != nil {
		t.Fatal(err)
	}
	return fig
}

// openAppraisalYear shows the 民主评议 screen on 教工第一党支部 and the year.
func openAppraisalYear(t *testing.T, u *UI, q *uiQueue, year int) *appraisalScreen {
	t.Helper()
	showScreen(u, newAppraisalScreen)
	q.settle(u)
	s := u.built["appraisal"].(*appraisalScreen)
	s.pick.selectBranch("教工第一党支部")
	s.pick.year.SetSelected(strconv.Itoa(year))
	q.settle(u)
	if s.year != year || len(s.rows) != 4 {
		t.Fatalf("year %d with %d rows, want %d with the branch's 4", s.year, len(s.rows), year)
	}
	return s
}

func TestAppraisalCategoryIsTheYears(t *testing.T) {
	store, ids := yearStore(t)
	u, q := newTestUIFor(t, store)
	s := openAppraisalYear(t, u, q, 2025)
	name := func(r appraisalRow) string { return r.member.Name }

	// 2025: a 预备党员, as the check and the forms say; no grade.
	i := rowIndex(t, s.rows, name, "周新")
	if got, want := s.cell(i, 1), string(yearFigures(t, store, 2025).Member(ids["周新"]).Category); got != want ||
		got != string(vocab.CategoryProbation) {
		t.Fatalf("2025 category %q, figures %q, want 预备党员", got, want)
	}
	s.table.selectRow(i)
	s.table.openSelected()
	d := s.dialog
	if _, shown := d.form.inputs["grade"]; shown || d.note.Text != "预备党员不评定等次" || !d.probation {
		t.Fatalf("2025 form: grade shown %v, note %q", shown, d.note.Text)
	}
	if d.rec.Year != 2025 {
		t.Fatalf("new appraisal of year %d, want 2025", d.rec.Year)
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	i = rowIndex(t, s.rows, name, "周新")
	if a := s.rows[i].appraisal; a == nil || a.Year != 2025 || a.Grade != "" || s.cell(i, 2) != "不评定等次" {
		t.Fatalf("2025 appraisal saved %+v, grade shown %q", a, s.cell(i, 2))
	}

	// 2026: 转正 on 1 July, so a 正式党员, graded.
	s.pick.year.SetSelected("2026")
	q.settle(u)
	i = rowIndex(t, s.rows, name, "周新")
	if got := s.cell(i, 1); got != string(vocab.CategoryFull) ||
		got != string(yearFigures(t, store, 2026).Member(ids["周新"]).Category) {
		t.Fatalf("2026 category %q, want 正式党员", got)
	}
	if s.cell(i, 2) != "（未评议）" {
		t.Fatalf("2026 shows the 2025 appraisal: %q", s.cell(i, 2))
	}
	s.table.selectRow(i)
	s.table.openSelected()
	d = s.dialog
	if _, shown := d.form.inputs["grade"]; !shown || d.probation {
		t.Fatal("2026 form offers no grade to a 正式党员")
	}
	d.form.inputs["grade"].object.(*widget.Select).SetSelected(string(vocab.GradePass))
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if a := s.rows[rowIndex(t, s.rows, name, "周新")].appraisal; a == nil || a.Year != 2026 || a.Grade != string(vocab.GradePass) {
		t.Fatalf("2026 appraisal saved %+v", a)
	}
}

func TestAppraisalWarningIsTheFigures(t *testing.T) {
	store, ids := yearStore(t)
	ctx := context.Background()
	// 2025's grades: 周新, then a 预备党员, was given 优秀 (APPRAISE flags it);
	// it counts neither as graded nor as 优秀.
	for name, g := range map[string]vocab.Grade{"王建国": vocab.GradeExcellent, "李红梅": vocab.GradePass,
		"陈正": vocab.GradePass, "周新": vocab.GradeExcellent} {
		if err := store.Appraisals.Create(ctx, &data.Appraisal{Year: 2025, MemberID: data.Ref(ids[name]), Grade: string(g)}); err != nil {
			t.Fatal(err)
		}
	}
	u, q := newTestUIFor(t, store)
	s := openAppraisalYear(t, u, q, 2025)
	branch := branchID(t, u, "教工第一党支部")
	// agrees checks the summary and the warning against the figures.
	agrees := func(step string, exceeded bool) {
		t.Helper()
		tally := yearFigures(t, store, 2025).Appraisals()[branch]
		counts := fmt.Sprintf("评定等次的正式党员%d名，其中优秀%d名", tally.Graded, tally.Excellent)
		if !strings.Contains(s.summary.Text, counts) {
			t.Fatalf("%s: summary %q, figures %+v", step, s.summary.Text, tally)
		}
		if s.warning.Visible() != tally.Exceeded() || tally.Exceeded() != exceeded {
			t.Fatalf("%s: warning shown %v (%q), figures %+v exceeded %v, want %v", step,
				s.warning.Visible(), s.warning.Text, tally, tally.Exceeded(), exceeded)
		}
		if exceeded && !strings.Contains(s.warning.Text, fmt.Sprintf("上限%d名", tally.MaxExcellent)) {
			t.Fatalf("%s: warning %q, figures %+v", step, s.warning.Text, tally)
		}
	}
	// 1 优秀 of 3 graded: within a third (counting 周新 would make 2 of 4).
	agrees("2025", false)
	if !strings.Contains(s.summary.Text, "评定等次的正式党员3名，其中优秀1名") {
		t.Fatalf("summary %q", s.summary.Text)
	}

	name := func(r appraisalRow) string { return r.member.Name }
	s.table.selectRow(rowIndex(t, s.rows, name, "李红梅"))
	s.table.openSelected()
	s.dialog.form.inputs["grade"].object.(*widget.Select).SetSelected(string(vocab.GradeExcellent))
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	agrees("2 优秀 of 3", true)

	if err := store.SetSetting(ctx, "appraise.excellent_max", "2/3"); err != nil {
		t.Fatal(err)
	}
	s.load()
	q.settle(u)
	agrees("2 of 3 with a limit of 2/3", false)

	// The 适用人员类别 setting: APPRAISE not applied to 在职教职工.
	if err := store.SetSettings(ctx, []data.Setting{{Key: "appraise.excellent_max", Value: "1/3"},
		{Key: rules.AppliesKey(vocab.RuleAppraise), Value: string(vocab.PersonStudent)}}); err != nil {
		t.Fatal(err)
	}
	s.load()
	q.settle(u)
	agrees("APPRAISE for students only", false)
	if !strings.Contains(s.summary.Text, "评定等次的正式党员0名") {
		t.Fatalf("summary %q", s.summary.Text)
	}
}

func TestAppraisalIsDeletedFromItsDialogOrItsRowAndComesBackWithUndo(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	showScreen(u, newAppraisalScreen)
	q.settle(u)
	s := u.built["appraisal"].(*appraisalScreen)
	s.pick.selectBranch("教工第一党支部")
	q.settle(u)
	a := &data.Appraisal{Year: s.year, MemberID: data.Ref(memberID(t, u, "王建国")), Grade: "合格"}
	if err := u.store.Appraisals.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	s.load()
	q.settle(u)
	name := func(r appraisalRow) string { return r.member.Name }
	row := func() int { return rowIndex(t, s.rows, name, "王建国") }
	what := fmt.Sprintf("民主评议“王建国 %d年度”", s.year)

	// From the dialog: 取消 in the confirmation keeps it and the edit.
	s.openForm(row())
	s.dialog.form.inputs["grade"].object.(*widget.Select).SetSelected("优秀")
	test.Tap(findButtonIn(t, u, "删除"))
	if got := overlayTexts(u); !strings.Contains(got, "删除"+what+"？") {
		t.Fatalf("the confirmation reads %q", got)
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "取消"))
	q.settle(u)
	if n, _ := u.store.Appraisals.Count(ctx); n != 1 || s.dialog.form.inputs["grade"].object.(*widget.Select).Selected != "优秀" {
		t.Fatalf("取消: %d appraisals, the edit kept %v", n, s.dialog.form.inputs["grade"].object.(*widget.Select).Selected == "优秀")
	}
	test.Tap(findButtonIn(t, u, "删除"))
	test.Tap(findButtonAmong(t, topOverlay(u), "删除"))
	q.settle(u)
	if n, _ := u.store.Appraisals.Count(ctx); n != 0 || s.cell(row(), 2) != "（未评议）" || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("after 删除: %d appraisals, row shows %q", n, s.cell(row(), 2))
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销")
	}
	q.settle(u)
	if s.cell(row(), 2) != "合格" || u.noticeText() != "已恢复"+what {
		t.Fatalf("撤销: row shows %q, notice %q", s.cell(row(), 2), u.noticeText())
	}

	// From the row's right-click menu.
	menuAction(t, s.table.rowMenu(row()), "删除")
	test.Tap(findButtonAmong(t, topOverlay(u), "删除"))
	q.settle(u)
	if n, _ := u.store.Appraisals.Count(ctx); n != 0 {
		t.Fatalf("删除 from the row left %d appraisals", n)
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销")
	}
	q.settle(u)
	if n, _ := u.store.Appraisals.Count(ctx); n != 1 || s.cell(row(), 2) != "合格" {
		t.Fatalf("撤销: %d appraisals, row shows %q", n, s.cell(row(), 2))
	}
}
