package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// openAgreementScreen shows the 目标管理 screen on 教工第一党支部.
func openAgreementScreen(t *testing.T, u *UI, q *uiQueue) *agreementScreen {
	t.Helper()
	showScreen(u, newAgreementScreen)
	q.settle(u)
	s := u.built["agreement"].(*agreementScreen)
	s.pick.selectBranch("教工第一党支部")
	q.settle(u)
	if len(s.rows) != 2 {
		t.Fatalf("%d members listed, want the branch's 2", len(s.rows))
	}
	return s
}

// openAgreement selects the member's row, opening the agreement dialog.
func openAgreement(t *testing.T, s *agreementScreen, name string) *agreementDialog {
	t.Helper()
	i := rowIndex(t, s.rows, func(r agreementRow) string { return r.member.Name }, name)
	s.table.selectRow(i)
	s.table.openSelected()
	return s.dialog
}

// cellOf is what the table shows in the member's row and column col.
func cellOf(t *testing.T, s *agreementScreen, name string, col int) string {
	t.Helper()
	return s.cell(rowIndex(t, s.rows, func(r agreementRow) string { return r.member.Name }, name), col)
}

func summaryOf(t *testing.T, s *agreementScreen, name string) string {
	t.Helper()
	return cellOf(t, s, name, 3)
}

func TestAgreementWithTwoTargetsShowsTheirCompletion(t *testing.T) {
	u, q := newTestUI(t)
	s := openAgreementScreen(t, u, q)
	if r := s.rowOf("王建国"); r.agreement != nil || cellOf(t, s, "王建国", 1) != "（未建立）" {
		t.Fatalf("an agreement before any was made: %q", cellOf(t, s, "王建国", 1))
	}
	d := openAgreement(t, s, "王建国")
	if !d.isNew || !d.attachments.add.Disabled() {
		t.Fatal("a new agreement's dialog should offer attachments only once saved")
	}
	signed := fmt.Sprintf("%d-01-02", time.Now().Year())
	d.form.inputs["signed_date"].object.(*widget.Entry).SetText(signed)
	test.Tap(findButtonIn(t, u, "添加目标"))
	test.Tap(findButtonIn(t, u, "添加目标"))
	test.Tap(findButtonIn(t, u, "添加目标")) // left blank: not saved
	d.targets[0].content.SetText("每年集中学习不少于32学时")
	d.targets[1].content.SetText("联系一名困难学生")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	ctx := context.Background()
	if n, _ := u.store.AgreementTargets.Count(ctx); n != 2 {
		t.Fatalf("%d targets stored, want 2 (%q %q)", n, d.form.general.Text, d.targetMsg.Text)
	}
	r := s.rowOf("王建国")
	if r.agreement == nil || cellOf(t, s, "王建国", 1) != signed || cellOf(t, s, "王建国", 2) != "2" ||
		summaryOf(t, s, "王建国") != "未评定2" {
		t.Fatalf("row after saving: 签订 %q, %q targets, summary %q", cellOf(t, s, "王建国", 1),
			cellOf(t, s, "王建国", 2), summaryOf(t, s, "王建国"))
	}
	if r.targets[0].Seq != 1 || r.targets[1].Content != "联系一名困难学生" {
		t.Fatalf("targets %+v", r.targets)
	}

	d = openAgreement(t, s, "王建国")
	if d.isNew || len(d.targets) != 2 {
		t.Fatalf("reopened: new %v, %d targets", d.isNew, len(d.targets))
	}
	d.targets[0].completion.SetSelected("完成")
	test.Tap(findButtonIn(t, u, "按完成情况计分"))
	if got := d.form.inputs["score"].object.(*widget.Entry).Text; got != "50" {
		t.Fatalf("score from completion %q, want 50", got)
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got := summaryOf(t, s, "王建国"); got != "完成1、未评定1" {
		t.Fatalf("summary after marking one 完成: %q", got)
	}
	if got := cellOf(t, s, "王建国", 4); got != "50" {
		t.Fatalf("score shown %q", got)
	}
	if n, _ := u.store.Agreements.Count(ctx); n != 1 {
		t.Fatalf("%d agreements after editing one", n)
	}

	// Removing a target deletes it with the save.
	d = openAgreement(t, s, "王建国")
	d.removeTarget(d.targets[1])
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if n, _ := u.store.AgreementTargets.Count(ctx); n != 1 || summaryOf(t, s, "王建国") != "完成1" {
		t.Fatalf("after removing a target: %d stored, summary %q", n, summaryOf(t, s, "王建国"))
	}
}

func TestAgreementRefusedTargetWritesNothing(t *testing.T) {
	u, q := newTestUI(t)
	s := openAgreementScreen(t, u, q)
	d := openAgreement(t, s, "李红梅")
	d.addTarget(data.AgreementTarget{})
	d.addTarget(data.AgreementTarget{})
	d.showTargets()
	d.targets[0].content.SetText("按时交纳党费")
	d.targets[1].completion.SetSelected("完成") // no content
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if d.targetMsg.Text == "" {
		t.Fatal("no message for the target without content")
	}
	ctx := context.Background()
	if n, _ := u.store.Agreements.Count(ctx); n != 0 {
		t.Fatalf("%d agreements written by a refused save", n)
	}
	if d.rec.ID != "" {
		t.Fatal("the refused save left an id on the dialog's agreement")
	}
	d.targets[1].content.SetText("参加主题党日")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if n, _ := u.store.AgreementTargets.Count(ctx); n != 2 || summaryOf(t, s, "李红梅") != "完成1、未评定1" {
		t.Fatalf("after correcting: %d targets, summary %q (%q)", n, summaryOf(t, s, "李红梅"), d.targetMsg.Text)
	}
}

func TestAgreementSummaryIsTheFigures(t *testing.T) {
	store, _ := yearStore(t)
	ctx := context.Background()
	// A student in the branch, to whom TARGET is set not to apply.
	m := &data.Member{BranchID: data.Ref(branchIDOf(t, store, "教工第一党支部")), Name: "吴学", Category: string(vocab.CategoryFull),
		PersonType: string(vocab.PersonStudent), JoinedDate: data.NewDate(2022, 6, 1), ConfirmedAt: data.NewDate(2023, 6, 1),
		IDNumber: field.MakeIDNumber("420106", time.Date(2001, 5, 6, 0, 0, 0, 0, time.UTC), 31, true)}
	if err := store.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := store.SetSetting(ctx, rules.AppliesKey(vocab.RuleTarget), string(vocab.PersonStaff)); err != nil {
		t.Fatal(err)
	}
	u, q := newTestUIFor(t, store)
	showScreen(u, newAgreementScreen)
	q.settle(u)
	s := u.built["agreement"].(*agreementScreen)
	s.pick.selectBranch("教工第一党支部")
	q.settle(u)
	if len(s.rows) != 5 {
		t.Fatalf("%d members listed, want the branch's 5", len(s.rows))
	}
	branch := branchID(t, u, "教工第一党支部")

	// The records start in September 2026 (the database's creation): the
	// year is not counted.
	if tallies := yearFigures(t, store, 2026).Agreements(); len(tallies) != 0 {
		t.Fatalf("figures count a year the records do not cover: %+v", tallies)
	}
	if want := "在册党员5名；责任书记录自2026年9月开始，本年度不统计签订率"; s.summary.Text != want {
		t.Fatalf("summary %q, want %q", s.summary.Text, want)
	}

	// agrees checks the summary against the figures.
	agrees := func(step string, required, signed int) {
		t.Helper()
		tally := yearFigures(t, store, 2026).Agreements()[branch]
		want := fmt.Sprintf("在册党员%d名，应签订责任书%d名，已签订%d名，未签订%d名", len(s.rows), tally.Required,
			tally.Signed, tally.Required-tally.Signed)
		if s.summary.Text != want || tally.Required != required || tally.Signed != signed {
			t.Fatalf("%s: summary %q, want %q (figures %+v)", step, s.summary.Text, want, tally)
		}
	}
	// An agreement of 2026 makes the records cover the year.
	d := openAgreement(t, s, "王建国")
	d.form.inputs["signed_date"].object.(*widget.Entry).SetText("2026-01-02")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	agrees("one signed", 4, 1)

	// A student's agreement is not required, and does not count.
	d = openAgreement(t, s, "吴学")
	d.form.inputs["signed_date"].object.(*widget.Entry).SetText("2026-02-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	agrees("a student signed", 4, 1)

	// An agreement not yet signed is not counted as signed.
	d = openAgreement(t, s, "李红梅")
	d.form.inputs["note"].object.(*widget.Entry).SetText("待签订")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	agrees("one unsigned", 4, 1)

	d = openAgreement(t, s, "周新")
	d.form.inputs["signed_date"].object.(*widget.Entry).SetText("2026-03-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	agrees("two signed", 4, 2)
	if n, _ := store.Agreements.Count(ctx); n != 4 {
		t.Fatalf("%d agreements stored, want 4", n)
	}
}

// branchIDOf returns the id of the store's branch with the name.
func branchIDOf(t *testing.T, s *data.Store, name string) string {
	t.Helper()
	bs, err := s.Branches.List(context.Background(), data.Where("name", name))
	if err != nil || len(bs) != 1 {
		t.Fatalf("branch %s: %v", name, err)
	}
	return bs[0].ID
}

func TestAgreementTableSortsByAHeaderAndKeepsItAfterALoad(t *testing.T) {
	u, q := newTestUI(t)
	s := openAgreementScreen(t, u, q)
	names := func() string {
		var n []string
		for _, r := range s.rows {
			n = append(n, r.member.Name)
		}
		return strings.Join(n, " ")
	}
	s.table.sortBy(0) // 姓名, by 拼音: 李 before 王
	if got := names(); got != "李红梅 王建国" {
		t.Fatalf("sorted by name: %s", got)
	}
	s.table.sortBy(0)
	if got := names(); got != "王建国 李红梅" {
		t.Fatalf("sorted by name, descending: %s", got)
	}
	s.load()
	q.settle(u)
	if got := names(); got != "王建国 李红梅" {
		t.Fatalf("after a load: %s", got)
	}
	// The row opened is the one shown, whatever the order.
	s.table.selectRow(1)
	s.table.openSelected()
	if s.dialog == nil || s.dialog.member.Name != "李红梅" {
		t.Fatal("the second row shown did not open 李红梅's agreement")
	}
}

func TestAgreementCancelAsksOnlyWhenSomethingChanged(t *testing.T) {
	u, q := newTestUI(t)
	s := openAgreementScreen(t, u, q)
	openAgreement(t, s, "王建国")
	test.Tap(findButtonIn(t, u, "取消"))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("取消 on an untouched agreement did not close it")
	}
	d := openAgreement(t, s, "王建国")
	test.Tap(findButtonIn(t, u, "添加目标"))
	d.targets[0].content.SetText("联系一名困难学生")
	test.Tap(findButtonIn(t, u, "取消"))
	if !slices.Contains(visibleTexts(overlayRoots(u)...), "放弃未保存的修改？") {
		t.Fatal("取消 after typing a target did not ask")
	}
	test.Tap(findButtonIn(t, u, "放弃修改"))
	q.settle(u)
	if n, _ := u.store.AgreementTargets.Count(context.Background()); n != 0 {
		t.Fatalf("%d targets stored after 放弃修改", n)
	}
}

func TestAgreementIsDeletedFromItsDialogOrItsRowAndComesBackWithUndo(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	s := openAgreementScreen(t, u, q)
	year, _, _ := s.pick.selected()
	a := &data.Agreement{Year: year, MemberID: data.Ref(memberID(t, u, "王建国"))}
	if err := u.store.Agreements.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := u.store.AgreementTargets.Create(ctx, &data.AgreementTarget{AgreementID: data.Ref(a.ID), Seq: 1, Content: "联系一名困难学生"}); err != nil {
		t.Fatal(err)
	}
	s.load()
	q.settle(u)
	what := fmt.Sprintf("目标管理责任书“王建国 %d年度”", year)

	// From the dialog: 取消 in the confirmation keeps it.
	openAgreement(t, s, "王建国")
	test.Tap(findButtonIn(t, u, "删除"))
	if got := overlayTexts(u); !strings.Contains(got, "删除"+what+"？") {
		t.Fatalf("the confirmation reads %q", got)
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "取消"))
	q.settle(u)
	if n, _ := u.store.Agreements.Count(ctx); n != 1 || u.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("取消: %d agreements, dialog open %v", n, u.win.Canvas().Overlays().Top() != nil)
	}
	test.Tap(findButtonIn(t, u, "删除"))
	test.Tap(findButtonAmong(t, topOverlay(u), "删除"))
	q.settle(u)
	if n, _ := u.store.AgreementTargets.Count(ctx); n != 0 || cellOf(t, s, "王建国", 1) != "（未建立）" {
		t.Fatalf("after 删除: %d targets stored, row shows %q", n, cellOf(t, s, "王建国", 1))
	}
	if u.win.Canvas().Overlays().Top() != nil || u.noticeText() != "已删除"+what {
		t.Fatalf("after 删除: dialog open %v, notice %q", u.win.Canvas().Overlays().Top() != nil, u.noticeText())
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销")
	}
	q.settle(u)
	if cellOf(t, s, "王建国", 2) != "1" || summaryOf(t, s, "王建国") != "未评定1" {
		t.Fatalf("撤销 did not bring the agreement back with its target: %q targets", cellOf(t, s, "王建国", 2))
	}

	// From the row's right-click menu.
	i := rowIndex(t, s.rows, func(r agreementRow) string { return r.member.Name }, "王建国")
	menuAction(t, s.table.rowMenu(i), "删除")
	test.Tap(findButtonAmong(t, topOverlay(u), "删除"))
	q.settle(u)
	if n, _ := u.store.Agreements.Count(ctx); n != 0 {
		t.Fatalf("删除 from the row left %d agreements", n)
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销")
	}
	q.settle(u)
	if n, _ := u.store.Agreements.Count(ctx); n != 1 || cellOf(t, s, "王建国", 2) != "1" {
		t.Fatalf("撤销: %d agreements", n)
	}
}

func TestAgreementSavesOnceAndEscFromACompletionAsks(t *testing.T) {
	u, q := newTestUI(t)
	s := openAgreementScreen(t, u, q)
	d := openAgreement(t, s, "王建国")
	test.Tap(findButtonIn(t, u, "添加目标"))
	d.targets[0].content.SetText("联系一名困难学生")
	d.targets[0].completion.SetSelected("完成")
	u.win.Canvas().Focus(d.targets[0].completion)
	pressEscOnFocused(t, u)
	if !showing(u, "放弃未保存的修改？") {
		t.Fatal("Esc on a focused 完成情况 with edits did not ask")
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "继续编辑"))
	save := findButtonIn(t, u, "保存")
	test.Tap(save)
	if !save.Disabled() {
		t.Fatal("保存 stays enabled while the save runs")
	}
	test.Tap(save) // tapped again before the store answers
	d.save()       // or called again
	q.settle(u)
	ctx := context.Background()
	if n, _ := u.store.Agreements.Count(ctx); n != 1 {
		t.Fatalf("保存 tapped twice stored %d agreements, want 1", n)
	}
	if n, _ := u.store.AgreementTargets.Count(ctx); n != 1 {
		t.Fatalf("保存 tapped twice stored %d targets, want 1", n)
	}
}
