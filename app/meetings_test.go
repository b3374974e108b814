package app

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
)

// openMeetingsScreen shows the 组织生活 screen on a test store whose
// 教工第一党支部 has a third member, 赵敏, and returns the screen and the
// members' ids by name.
func openMeetingsScreen(t *testing.T) (*UI, *uiQueue, *meetingsScreen, map[string]string) {
	t.Helper()
	u, q := newTestUI(t)
	ctx := context.Background()
	branches, err := u.store.Branches.List(ctx, data.Where("name", "教工第一党支部"))
	if err != nil || len(branches) != 1 {
		t.Fatalf("no 教工第一党支部: %v", err)
	}
	m := &data.Member{BranchID: data.Ref(branches[0].ID), Name: "赵敏", Category: "正式党员", PersonType: "在职教职工",
		IDNumber: field.MakeIDNumber("610113", time.Date(1986, 5, 6, 0, 0, 0, 0, time.UTC), 7, false), JoinedDate: data.NewDate(2010, 1, 1)}
	if err := u.store.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	members, err := u.store.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, m := range members {
		ids[m.Name] = m.ID
	}
	showScreen(u, newMeetingsScreen)
	q.settle(u)
	s, ok := u.built["meetings"].(*meetingsScreen)
	if !ok {
		t.Fatal("the meetings screen was not kept")
	}
	return u, q, s, ids
}

// fillMeeting fills the open dialog's fields.
func fillMeeting(t *testing.T, d *meetingDialog, fields map[string]string) {
	t.Helper()
	for col, text := range fields {
		switch w := d.form.inputs[col].object.(type) {
		case interface{ SetText(string) }:
			w.SetText(text)
		case *widget.Select:
			w.SetSelected(text)
			if w.Selected != text {
				t.Fatalf("no choice %q for %s", text, col)
			}
		default:
			t.Fatalf("no input for %s", col)
		}
	}
}

// countsOf returns the listed row's 出席/请假/缺席 cells.
func countsOf(s *meetingsScreen, row int) string {
	return s.cell(&s.rows[row], 5) + "/" + s.cell(&s.rows[row], 6) + "/" + s.cell(&s.rows[row], 7)
}

func TestRecordThemeDayThenEditAttendance(t *testing.T) {
	u, q, s, ids := openMeetingsScreen(t)
	ctx := context.Background()
	today := u.store.Now()
	if len(s.rows) != 0 || len(s.branch.Options) != 3 {
		t.Fatalf("a fresh store lists %d meetings, branch choices %v", len(s.rows), s.branch.Options)
	}
	s.branch.SetSelected("教工第一党支部")
	q.settle(u)
	thisMonth := strings.TrimSpace(s.gaps.Text)
	if !strings.Contains(thisMonth, "教工第一党支部") || !strings.Contains(thisMonth, "本月") {
		t.Fatalf("no 主题党日 yet, but the gaps line says %q", thisMonth)
	}

	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	d := s.dialog
	if d == nil {
		t.Fatal("no dialog opened")
	}
	if got := d.form.inputs["branch_id"].object.(*widget.Select).Selected; got != "教工第一党支部" {
		t.Fatalf("the new meeting's branch is %q, want the branch chosen on the screen", got)
	}
	fillMeeting(t, d, map[string]string{"kind": "主题党日", "date": today.Format("2006-01-02"),
		"topic": "重温入党誓词", "host": "王建国"})
	q.settle(u)
	if len(d.people.people) != 3 {
		t.Fatalf("the attendance lists %d members, want the branch's 3", len(d.people.people))
	}
	for id, v := range d.attendance() {
		if v != "出席" {
			t.Fatalf("a new meeting's attendance starts at %q for %s", v, id)
		}
	}
	if !d.choose("赵敏", "请假") {
		t.Fatal("赵敏 is not in the attendance list")
	}
	d.minutes.SetText("一、集体重温入党誓词\n二、交流发言")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)

	if len(s.rows) != 1 {
		t.Fatalf("%d meetings listed after saving (%q)", len(s.rows), d.form.general.Text)
	}
	r := s.rows[0]
	if r.branch != "教工第一党支部" || s.cell(&r, 2) != "主题党日" || s.cell(&r, 3) != "重温入党誓词" ||
		s.cell(&r, 0) != today.Format("2006-01-02") {
		t.Fatalf("listed %+v", r)
	}
	if got := countsOf(s, 0); got != "2/1/0" {
		t.Fatalf("counts %s, want 2/1/0", got)
	}
	if strings.Contains(s.gaps.Text, "本月") {
		t.Fatalf("the month's 主题党日 is recorded, but the gaps line says %q", s.gaps.Text)
	}
	stored, err := u.store.Meetings.Get(ctx, r.meeting.ID)
	if err != nil || stored.Minutes != "一、集体重温入党誓词\n二、交流发言" {
		t.Fatalf("stored meeting %+v, %v", stored, err)
	}
	want := map[string]string{ids["王建国"]: "出席", ids["李红梅"]: "出席", ids["赵敏"]: "请假"}
	if got, err := u.store.MeetingAttendanceOf(ctx, r.meeting.ID); err != nil || !maps.Equal(got, want) {
		t.Fatalf("stored attendance %v, %v; want %v", got, err, want)
	}

	// Opening the row (double-click or Enter) shows the same dialog, filled in.
	s.table.selectRow(0)
	s.table.openSelected()
	q.settle(u)
	d = s.dialog
	if d.isNew || !d.form.read() || d.rec.Topic != "重温入党誓词" ||
		d.minutes.Text != stored.Minutes {
		t.Fatal("the edit dialog is not filled in")
	}
	if got := d.attendance(); !maps.Equal(got, want) {
		t.Fatalf("the edit dialog shows attendance %v, want %v", got, want)
	}
	d.choose("李红梅", "缺席")
	// 取消 with a changed attendance asks first; 继续编辑 keeps the dialog.
	test.Tap(topDialogButton(t, u, "取消"))
	if !strings.Contains(topDialogText(u), "关闭后将丢失") {
		t.Fatalf("取消 with unsaved edits did not ask: %q", topDialogText(u))
	}
	test.Tap(topDialogButton(t, u, "继续编辑"))
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if len(s.rows) != 1 {
		t.Fatalf("%d meetings listed after an edit (%q)", len(s.rows), d.form.general.Text)
	}
	if got := countsOf(s, 0); got != "1/1/1" {
		t.Fatalf("counts after the edit %s, want 1/1/1", got)
	}
	want[ids["李红梅"]] = "缺席"
	if got, _ := u.store.MeetingAttendanceOf(ctx, r.meeting.ID); !maps.Equal(got, want) {
		t.Fatalf("stored attendance after the edit %v, want %v", got, want)
	}
	if n, _ := u.store.MeetingAttendance.Count(ctx, data.WithDeleted()); n != 3 {
		t.Fatalf("%d attendance rows, want the 3 updated in place", n)
	}
}

func TestMeetingInTheFutureShowsTheMessageAndSavesNothing(t *testing.T) {
	u, q, s, _ := openMeetingsScreen(t)
	ctx := context.Background()
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	d := s.dialog
	tomorrow := u.store.Now().AddDate(0, 0, 1)
	fillMeeting(t, d, map[string]string{"branch_id": "学生第一党支部", "kind": "支部党员大会",
		"date": tomorrow.Format("2006-01-02"), "topic": "讨论接收预备党员"})
	q.settle(u)
	if len(d.people.people) != 1 {
		t.Fatalf("the attendance lists %d members, want 学生第一党支部's 1", len(d.people.people))
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	msg := d.form.errors["date"]
	if !msg.Visible() || !strings.Contains(msg.Text, "不能晚于今天") {
		t.Fatalf("no message under 日期: %q (general %q)", msg.Text, d.form.general.Text)
	}
	// The form marks what the store requires and sums the problems up at
	// its top, as every record form does.
	if !d.form.summary.Visible() || !strings.Contains(d.form.problems(), "不能晚于今天") {
		t.Errorf("no summary at the top: %q", d.form.problems())
	}
	for _, col := range []string{"branch_id", "date"} {
		if !d.form.isRequired(col) {
			t.Errorf("%s is not marked as required", col)
		}
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog closed on a refused save")
	}
	if n, _ := u.store.Meetings.Count(ctx, data.WithDeleted()); n != 0 {
		t.Fatalf("%d meetings saved", n)
	}
	if n, _ := u.store.MeetingAttendance.Count(ctx, data.WithDeleted()); n != 0 {
		t.Fatalf("%d attendance rows saved", n)
	}
	if len(s.rows) != 0 {
		t.Fatalf("%d meetings listed", len(s.rows))
	}
}

func TestThemeDayBannerWordsTheCalculatorsMonths(t *testing.T) {
	asOf := time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)
	b := rules.BranchMeetings{Branch: &rules.Branch{ID: "b1", Name: "教工第一党支部"}, ThemeDayMissing: []int{3, 7},
		ThemeDayRequired: 8, ThemeDayHeld: 6}
	late := rules.BranchMeetings{Branch: &rules.Branch{ID: "b2", Name: "新建党支部"}, ThemeDayMissing: []int{6, 7},
		ThemeDayPending: true, ThemeDayRequired: 3}
	done := rules.BranchMeetings{Branch: &rules.Branch{ID: "b3", Name: "学生第一党支部"}, ThemeDayRequired: 8, ThemeDayHeld: 8}
	none := rules.BranchMeetings{Branch: &rules.Branch{ID: "b4", Name: "未成立党支部"}}
	if sum, got := themeDayText([]rules.BranchMeetings{b}, nil, asOf, true); sum != "" ||
		strings.Join(got, "\n") != "教工第一党支部  缺主题党日：3月、7月" {
		t.Fatalf("one branch: %q %q", sum, got)
	}
	sum, got := themeDayText([]rules.BranchMeetings{b, late, done}, map[string]string{"b3": "学生第一党支部"}, asOf, false)
	if strings.Join(got, "\n") != "教工第一党支部  缺主题党日：3月、7月\n新建党支部  缺主题党日：6月、7月；本月（8月）尚未开展" {
		t.Fatalf("every branch: %q", got)
	}
	if sum != "2个支部缺主题党日，共4个月次；1个支部本月尚未开展" {
		t.Fatalf("summary %q", sum)
	}
	if _, got := themeDayText([]rules.BranchMeetings{done}, nil, asOf, true); got[0] != "学生第一党支部  各月均已开展主题党日" {
		t.Fatalf("a branch without gaps: %q", got)
	}
	if _, got := themeDayText([]rules.BranchMeetings{none}, map[string]string{"b4": "某学院党委 · 未成立党支部"}, asOf, true); got[0] != "某学院党委 · 未成立党支部  本年度没有应开展主题党日的月份" {
		t.Fatalf("a branch owing none: %q", got)
	}
	if sum, got := themeDayText([]rules.BranchMeetings{done, none}, nil, asOf, false); sum != "各支部均已按月开展主题党日" || len(got) != 0 {
		t.Fatalf("no gaps anywhere: %q %q", sum, got)
	}
}

func TestThemeDayBannerStaysLowWithManyBranches(t *testing.T) {
	test.NewTempApp(t)
	asOf := time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)
	var bms []rules.BranchMeetings
	for i := range 45 {
		bms = append(bms, rules.BranchMeetings{Branch: &rules.Branch{Name: fmt.Sprintf("第%d党支部", i+1)},
			ThemeDayMissing: []int{2, 5}, ThemeDayPending: true})
	}
	b := newThemeDayBanner()
	b.set(bms[:1], nil, asOf, false)
	low := b.object().MinSize().Height
	b.set(bms, nil, asOf, false)
	high := b.object().MinSize().Height
	if strings.Count(b.text(), "\n") != 44 || !strings.Contains(b.summary.Text, "45个支部") {
		t.Fatalf("banner %q: %d lines", b.summary.Text, strings.Count(b.text(), "\n")+1)
	}
	if shown := strings.Count(b.gaps.shown(), "\n") + 1; shown != gapLinesShown {
		t.Fatalf("folded, the banner shows %d lines, want %d", shown, gapLinesShown)
	}
	line := widget.NewLabel("国").MinSize().Height
	toggle := b.gaps.toggle.MinSize().Height
	if high > low+float32(gapLinesShown)*line+toggle {
		t.Fatalf("45 branches make the banner %v high (one branch: %v)", high, low)
	}
	// 展开 shows every line, in a scroll of bounded height.
	test.Tap(b.gaps.toggle)
	if open := b.object().MinSize().Height; b.gaps.shown() != b.text() || open > float32(gapLinesOpen+2)*line+toggle {
		t.Fatalf("open, the banner is %v high and shows %q", open, b.gaps.shown())
	}
}

// saveMeeting stores a meeting of the branch named, attended by the
// members named (出席).
func saveMeeting(t *testing.T, u *UI, branch, kind, topic string, date data.Date, ids map[string]string, names ...string) {
	t.Helper()
	ctx := context.Background()
	bs, err := u.store.Branches.List(ctx, data.Where(data.ColName, branch))
	if err != nil || len(bs) != 1 {
		t.Fatalf("branch %s: %v", branch, err)
	}
	att := map[string]string{}
	for _, n := range names {
		att[ids[n]] = "出席"
	}
	m := &data.Meeting{BranchID: data.Ref(bs[0].ID), Kind: kind, Topic: topic, Date: date}
	if err := u.store.SaveMeeting(ctx, m, att); err != nil {
		t.Fatal(err)
	}
}

// topDialogButton finds a button by its text in the dialog on top.
func topDialogButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	return findButtonAmong(t, []fyne.CanvasObject{top}, text)
}

// topDialogText is every label's text in the dialog on top.
func topDialogText(u *UI) string {
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
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	return b.String()
}

// menuItem runs the item of a right-click menu by its label.
func menuItem(t *testing.T, m *fyne.Menu, label string) {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			it.Action()
			return
		}
	}
	t.Fatalf("no %s in the menu", label)
}

func TestMeetingFoundBySearchEditedDeletedAndRestored(t *testing.T) {
	u, q, s, ids := openMeetingsScreen(t)
	ctx := context.Background()
	day := data.DateOf(u.store.Now().AddDate(0, 0, -3))
	saveMeeting(t, u, "教工第一党支部", "主题党日", "重温入党誓词", day, ids, "王建国", "李红梅", "赵敏")
	saveMeeting(t, u, "学生第一党支部", "支部党员大会", "讨论发展对象", day, ids, "张伟")
	s.load()
	q.settle(u)
	if len(s.rows) != 2 || s.count.Text != "共2次" {
		t.Fatalf("%d meetings listed, count %q", len(s.rows), s.count.Text)
	}

	// Found by kind, by branch and by date.
	test.Type(s.search, "党员大会")
	if len(s.rows) != 1 || s.rows[0].meeting.Topic != "讨论发展对象" || s.count.Text != "显示1次，共2次" {
		t.Fatalf("search 党员大会: %d rows, count %q", len(s.rows), s.count.Text)
	}
	s.search.SetText("学生 " + day.String()[:7])
	if len(s.rows) != 1 || s.rows[0].branch != "学生第一党支部" {
		t.Fatalf("search by branch and month: %d rows", len(s.rows))
	}
	s.search.SetText("入党誓词")
	if len(s.rows) != 1 || s.rows[0].meeting.Kind != "主题党日" {
		t.Fatalf("search by topic: %d rows", len(s.rows))
	}
	s.search.SetText("学生")

	// Opened and corrected.
	s.table.selectRow(0)
	s.table.openSelected()
	q.settle(u)
	d := s.dialog
	if d == nil || d.isNew || d.rec.Topic != "讨论发展对象" {
		t.Fatalf("the meeting found did not open: %+v", d)
	}
	fillMeeting(t, d, map[string]string{"topic": "讨论接收预备党员"})
	test.Tap(topDialogButton(t, u, "保存"))
	q.settle(u)
	if len(s.rows) != 1 || s.rows[0].meeting.Topic != "讨论接收预备党员" {
		t.Fatalf("after the correction the search 学生 lists %d rows", len(s.rows))
	}
	s.search.SetText("预备党员")
	if len(s.rows) != 1 || s.rows[0].meeting.Topic != "讨论接收预备党员" || countsOf(s, 0) != "1/0/0" {
		t.Fatalf("after the correction: %d rows", len(s.rows))
	}

	// Deleted from the right-click menu, after a confirmation naming it.
	menuItem(t, s.table.rowMenu(0), "删除")
	title := "学生第一党支部 " + day.String() + " 支部党员大会"
	want := "删除会议“" + title + "”及其出席记录？删除后可在回收站恢复。"
	if got := topDialogText(u); !strings.Contains(got, want) {
		t.Fatalf("confirmation %q, want %q", got, want)
	}
	test.Tap(topDialogButton(t, u, "删除"))
	q.settle(u)
	if len(s.rows) != 0 {
		t.Fatalf("%d rows after the deletion", len(s.rows))
	}
	if n, _ := u.store.Meetings.Count(ctx); n != 1 {
		t.Fatalf("%d live meetings, want 1", n)
	}
	if n, _ := u.store.MeetingAttendance.Count(ctx); n != 3 {
		t.Fatalf("%d live attendance rows, want the other meeting's 3", n)
	}
	if got := u.noticeText(); got != "已删除会议“"+title+"”及其出席记录" {
		t.Fatalf("notice %q", got)
	}

	// 撤销 brings it back with its attendance.
	if !u.tapUndo() {
		t.Fatal("no 撤销 after the deletion")
	}
	q.settle(u)
	if len(s.rows) != 1 || countsOf(s, 0) != "1/0/0" {
		t.Fatalf("after 撤销: %d rows", len(s.rows))
	}
	if !strings.HasPrefix(u.noticeText(), "已恢复") {
		t.Fatalf("notice after 撤销 %q", u.noticeText())
	}

	// Deleted from its dialog: the dialog closes.
	s.search.SetText("")
	if len(s.rows) != 2 {
		t.Fatalf("%d meetings listed after 撤销, want 2", len(s.rows))
	}
	gone := s.rows[0].meeting.ID
	s.openMeeting(gone)
	q.settle(u)
	if s.dialog.rec.ID != gone {
		t.Fatal("the meeting did not open")
	}
	test.Tap(topDialogButton(t, u, "删除"))
	test.Tap(topDialogButton(t, u, "删除"))
	q.settle(u)
	if n, _ := u.store.Meetings.Count(ctx, data.Where(data.ColID, gone)); n != 0 || len(s.rows) != 1 {
		t.Fatalf("%d live meetings, %d rows, after deleting from the dialog (notice %q, dialog %q)", n, len(s.rows), u.noticeText(), topDialogText(u))
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatal("the meeting dialog stayed open after its meeting was deleted")
	}
}

func TestMeetingAttendanceSearchWithinALargeBranch(t *testing.T) {
	u, q, s, _ := openMeetingsScreen(t)
	ctx := context.Background()
	bs, err := u.store.Branches.List(ctx, data.Where(data.ColName, "教工第一党支部"))
	if err != nil || len(bs) != 1 {
		t.Fatal(err)
	}
	names := []string{"钱", "孙", "周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "沈", "韩", "杨", "朱", "秦", "尤", "许", "何", "吕", "施", "孔", "曹", "严", "华"}
	for i, n := range names {
		m := &data.Member{BranchID: data.Ref(bs[0].ID), Name: n + "建华", Category: "正式党员", PersonType: "在职教职工",
			IDNumber: field.MakeIDNumber("610113", time.Date(1960+i, 5, 6, 0, 0, 0, 0, time.UTC), i, false), JoinedDate: data.NewDate(2010, 1, 1)}
		if err := u.store.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	s.branch.SetSelected("教工第一党支部")
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	a := s.dialog.people
	if len(a.people) != 27 || a.search.Hidden {
		t.Fatalf("%d members listed, search hidden: %v", len(a.people), a.search.Hidden)
	}
	// Ordered by 拼音: 曹 (cáo) before 陈 (chén) before 褚 (chǔ).
	order := map[string]int{}
	for i, p := range a.people {
		order[p.name] = i
	}
	if !(order["曹建华"] < order["陈建华"] && order["陈建华"] < order["褚建华"]) {
		t.Fatalf("not in 拼音 order: %v", a.people)
	}
	test.Type(a.search, "zm")
	if len(a.shown) != 1 || a.people[a.shown[0]].name != "赵敏" {
		t.Fatalf("zm finds %d", len(a.shown))
	}
	// A tap on a row's 请假 chooses it, and highlights it.
	row := a.createRow()
	a.updateRow(0, row)
	test.Tap(findButtonAmong(t, []fyne.CanvasObject{row}, "请假"))
	a.updateRow(0, row)
	if b := findButtonAmong(t, []fyne.CanvasObject{row}, "请假"); b.Importance != widget.HighImportance {
		t.Fatal("the choice tapped is not highlighted")
	}
	if !strings.HasPrefix(a.tally.Text, "显示1人，共27人；出席26人，请假1人") {
		t.Fatalf("tally %q", a.tally.Text)
	}
	a.search.SetText("")
	if len(a.shown) != 27 || s.dialog.attendance()[a.people[order["赵敏"]].id] != "请假" {
		t.Fatal("the choice made while searching was lost")
	}
}
