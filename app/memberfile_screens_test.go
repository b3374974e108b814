package app

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/vocab"
)

// entryOf is the text field of a form's column.
func entryOf(t *testing.T, f *recordForm, col string) *widget.Entry {
	t.Helper()
	e, ok := f.inputs[col].object.(*widget.Entry)
	if !ok {
		t.Fatalf("%s is not a text field", col)
	}
	e.SetText("")
	return e
}

// selectOf is the drop-down of a form's column.
func selectOf(t *testing.T, f *recordForm, col string) *widget.Select {
	t.Helper()
	sel, ok := f.inputs[col].object.(*widget.Select)
	if !ok {
		t.Fatalf("%s is not a drop-down", col)
	}
	return sel
}

// searchShows types a search and checks how many rows it leaves.
func searchShows[T any, P recordPtr[T]](t *testing.T, s *recordScreen[T, P], query string, want int) {
	t.Helper()
	s.query.SetText("")
	test.Type(s.query, query)
	if len(s.shown) != want {
		t.Fatalf("search %q shows %d rows, want %d", query, len(s.shown), want)
	}
}

func TestEpisodeIsAddedFoundEditedAndDeleted(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	openScreen(t, u, "党员状态")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Episode, *data.Episode])
	if s.count.Text != "共0条" {
		t.Fatalf("count %q", s.count.Text)
	}
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	if got := selectOf(t, s.form, "kind").Selected; got != string(vocab.EpisodeLost) {
		t.Fatalf("a new episode is %q", got)
	}
	// 出国（境） without a country is refused under the field.
	s.form.inputs["member_id"].object.(*memberPicker).setID(memberID(t, u, "张伟"))
	selectOf(t, s.form, "kind").SetSelected(string(vocab.EpisodeAbroad))
	test.Type(entryOf(t, s.form, "since"), "2025-09-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if !strings.Contains(s.form.problems(), "出国（境）须填写国家或地区") {
		t.Fatalf("problems %q", s.form.problems())
	}
	test.Type(entryOf(t, s.form, "place"), "英国伦敦")
	test.Type(entryOf(t, s.form, "last_contact"), "2026-05-10")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	eps, err := u.store.Episodes.List(ctx)
	if err != nil || len(eps) != 1 {
		t.Fatalf("%d episodes stored, %v", len(eps), err)
	}
	ep := eps[0]
	if ep.Kind != string(vocab.EpisodeAbroad) || ep.Place != "英国伦敦" || ep.Since.String() != "2025-09-01" ||
		ep.LastContact.String() != "2026-05-10" || string(ep.MemberID) != memberID(t, u, "张伟") {
		t.Fatalf("stored %+v", ep)
	}
	if got := u.noticeText(); got != "已保存党员状态记录“张伟 出国（境）学习研究 2025-09-01”" {
		t.Fatalf("notice %q", got)
	}
	other := &data.Episode{MemberID: data.Ref(memberID(t, u, "李红梅")), Kind: string(vocab.EpisodeLost),
		Since: data.NewDate(2026, 1, 5), Circumstances: "外出务工经商"}
	if err := u.store.Episodes.Create(ctx, other); err != nil {
		t.Fatal(err)
	}
	s.load()
	q.settle(u)
	searchShows(t, s, "zw", 1)
	searchShows(t, s, "英国", 1)
	searchShows(t, s, "失联", 1)
	searchShows(t, s, "2026", 2)

	// Correct it: it ended.
	searchShows(t, s, "张伟", 1)
	s.openRow(0)
	test.Type(entryOf(t, s.form, "until"), "2026-07-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got, err := u.store.Episodes.Get(ctx, ep.ID); err != nil || got.Until.String() != "2026-07-01" {
		t.Fatalf("the correction is not stored: %+v %v", got, err)
	}

	// Delete it.
	s.removeRow(shownRow(s, ep.ID))
	if got := overlayTexts(u); !strings.Contains(got, "删除党员状态记录“张伟 出国（境）学习研究 2025-09-01”？") {
		t.Fatalf("the confirmation reads %q", got)
	}
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if n, _ := u.store.Episodes.Count(ctx); n != 1 || len(s.rows) != 1 {
		t.Fatalf("after deleting one of two: %d stored, %d listed", n, len(s.rows))
	}
}

func TestRewardIsAddedFoundEditedAndDeleted(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	openScreen(t, u, "表彰奖励")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Reward, *data.Reward])
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	s.form.inputs["member_id"].object.(*memberPicker).setID(memberID(t, u, "李红梅"))
	test.Type(entryOf(t, s.form, "title"), "优秀共产党员")
	selectOf(t, s.form, "level").SetSelected(string(vocab.RewardProvincial))
	test.Type(entryOf(t, s.form, "issuer"), "省委教育工委")
	test.Type(entryOf(t, s.form, "date"), "2026-07-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	rs, err := u.store.Rewards.List(ctx)
	if err != nil || len(rs) != 1 || rs[0].Level != "省部级" || rs[0].Title != "优秀共产党员" {
		t.Fatalf("stored %+v %v", rs, err)
	}
	searchShows(t, s, "lhm", 1)
	searchShows(t, s, "省部级", 1)
	searchShows(t, s, "王建国", 0)
	searchShows(t, s, "优秀", 1)
	s.openRow(0)
	test.Type(entryOf(t, s.form, "title"), "优秀党务工作者")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got, _ := u.store.Rewards.Get(ctx, rs[0].ID); got == nil || got.Title != "优秀党务工作者" {
		t.Fatalf("the correction is not stored: %+v", got)
	}
	s.query.SetText("")
	s.removeRow(0)
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if n, _ := u.store.Rewards.Count(ctx); n != 0 || len(s.rows) != 0 {
		t.Fatalf("after deleting: %d stored, %d listed", n, len(s.rows))
	}
}

func TestCourseIsAddedUnderAPlanWithATeacherFoundEditedAndDeleted(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	plan := &data.TrainingPlan{Year: 2026, Month: 3, Course: "学习新修订的党章", PlannedHours: 4}
	if err := u.store.TrainingPlans.Create(ctx, plan); err != nil {
		t.Fatal(err)
	}
	// The teacher is added on its screen.
	openScreen(t, u, "党校教师")
	q.settle(u)
	ts := u.recordScreen.(*recordScreen[data.SchoolTeacher, *data.SchoolTeacher])
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	test.Type(entryOf(t, ts.form, "name"), "陈教授")
	selectOf(t, ts.form, "kind").SetSelected(string(vocab.TeacherFull))
	test.Type(entryOf(t, ts.form, "unit"), "马克思主义学院 教授")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if n, _ := u.store.SchoolTeachers.Count(ctx); n != 1 {
		t.Fatalf("%d teachers stored", n)
	}

	openScreen(t, u, "党校课程")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.SchoolCourse, *data.SchoolCourse])
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	plans := selectOf(t, s.form, "plan_id")
	if want := []string{"", "2026年3月 学习新修订的党章"}; strings.Join(plans.Options, "|") != strings.Join(want, "|") {
		t.Fatalf("plan choices %q", plans.Options)
	}
	plans.SetSelected("2026年3月 学习新修订的党章")
	selectOf(t, s.form, "teacher_id").SetSelected("陈教授（专职）")
	test.Type(entryOf(t, s.form, "title"), "党章导读")
	test.Type(entryOf(t, s.form, "hours"), "4")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	cs, err := u.store.SchoolCourses.List(ctx)
	if err != nil || len(cs) != 1 || string(cs[0].PlanID) != plan.ID || cs[0].Hours != 4 || cs[0].TeacherID == "" {
		t.Fatalf("stored %+v %v", cs, err)
	}
	if got := strings.Join(s.cells[0], "|"); !strings.Contains(got, "党章导读|2026年3月 学习新修订的党章|陈教授（专职）|4") {
		t.Fatalf("the row shows %q", got)
	}
	searchShows(t, s, "陈教授", 1)
	searchShows(t, s, "导读", 1)
	searchShows(t, s, "没有", 0)
	searchShows(t, s, "党章", 1)
	s.openRow(0)
	test.Type(entryOf(t, s.form, "audience"), "全体党员")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got, _ := u.store.SchoolCourses.Get(ctx, cs[0].ID); got == nil || got.Audience != "全体党员" {
		t.Fatalf("the correction is not stored: %+v", got)
	}
	// A session of 学习培训 chooses the course.
	openScreen(t, u, "学习培训")
	q.settle(u)
	u.training.openRecord()
	q.settle(u)
	if opts := selectOf(t, u.training.record.form, "course_id").Options; strings.Join(opts, "|") != "|党章导读（2026年）" {
		t.Fatalf("course choices %q", opts)
	}
	u.training.record.dlg.Hide()

	openScreen(t, u, "党校课程")
	q.settle(u)
	s = u.recordScreen.(*recordScreen[data.SchoolCourse, *data.SchoolCourse])
	s.removeRow(0)
	if got := overlayTexts(u); !strings.Contains(got, "删除党校课程“党章导读”？") {
		t.Fatalf("the confirmation reads %q", got)
	}
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if n, _ := u.store.SchoolCourses.Count(ctx); n != 0 || len(s.rows) != 0 {
		t.Fatalf("after deleting: %d stored, %d listed", n, len(s.rows))
	}
}

func TestLeaderLinksListTheirVisitsAndAddOne(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	wang := memberID(t, u, "王建国")
	links := []*data.Liaison{
		{MemberID: data.Ref(wang), Kind: string(vocab.LiaisonBranch), Contact: "学生第一党支部", Since: data.NewDate(2025, 9, 1)},
		{MemberID: data.Ref(wang), Kind: string(vocab.LiaisonClass), Contact: "计算机2301班", Since: data.NewDate(2025, 9, 1)},
		{MemberID: data.Ref(wang), Kind: string(vocab.LiaisonMasses), Contact: "李师傅"},
	}
	for _, l := range links {
		if err := u.store.Liaisons.Create(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	year := u.store.Now().Year()
	if err := u.store.LiaisonLogs.Create(ctx, &data.LiaisonLog{LiaisonID: data.Ref(links[0].ID),
		Date: data.NewDate(year, 3, 2), Content: "参加支部主题党日"}); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, leaderLinksTitle)
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Liaison, *data.Liaison])
	if len(s.rows) != 2 {
		t.Fatalf("%d 联系点 listed, want the 支部 and the 班级", len(s.rows))
	}
	r := shownRow(s, links[0].ID)
	if got := strings.Join(s.cells[s.shown[r]], "|"); !strings.HasPrefix(got, "王建国（教工第一党支部）|支部|学生第一党支部|1次|"+data.NewDate(year, 3, 2).String()+"|2025-09-01|") {
		t.Fatalf("the 支部 row shows %q", got)
	}
	// 记录走访 on the 班级 selected.
	s.table.selectRow(shownRow(s, links[1].ID))
	test.Tap(findButton(t, u, "记录走访"))
	q.settle(u)
	v := u.visit
	if v == nil || !strings.Contains(selectOf(t, v.form, "liaison_id").Selected, "计算机2301班") {
		t.Fatal("记录走访 did not open on the 联系点 selected")
	}
	if v.past.Text != "（无）" {
		t.Fatalf("earlier visits %q", v.past.Text)
	}
	test.Type(entryOf(t, v.form, "content"), "班会：学习二十大精神")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	logs, err := u.store.LiaisonLogs.List(ctx, data.Where(data.Column("liaison_id"), links[1].ID))
	if err != nil || len(logs) != 1 || logs[0].Content != "班会：学习二十大精神" {
		t.Fatalf("visits stored %+v %v", logs, err)
	}
	if got := strings.Join(s.cells[s.shown[shownRow(s, links[1].ID)]], "|"); !strings.Contains(got, "|1次|"+logs[0].Date.String()+"|") {
		t.Fatalf("the 班级 row shows %q after the visit", got)
	}
	// The visit form of the 支部 lists its earlier visit.
	s.table.selectRow(shownRow(s, links[0].ID))
	test.Tap(findButton(t, u, "记录走访"))
	q.settle(u)
	if !strings.Contains(u.visit.past.Text, "参加支部主题党日") {
		t.Fatalf("earlier visits %q", u.visit.past.Text)
	}
	u.visit.dlg.Hide()
	// The 走访记录 tab lists both visits, newest first, found by the
	// leader's 拼音首字母; one is corrected, then deleted, and the 联系点's
	// count follows.
	vs := u.leaderLinks.visits
	if len(vs.rows) != 2 || vs.cells[vs.order[0]][2] != "班会：学习二十大精神" {
		t.Fatalf("走访记录 lists %d: %q", len(vs.rows), vs.cells)
	}
	searchShows(t, vs, "wjg", 2)
	searchShows(t, vs, "2301", 1)
	vs.openRow(0)
	test.Type(entryOf(t, vs.form, "content"), "班会：学习党章")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got, _ := u.store.LiaisonLogs.Get(ctx, logs[0].ID); got == nil || got.Content != "班会：学习党章" {
		t.Fatalf("the correction is not stored: %+v", got)
	}
	vs.removeRow(0)
	if got := overlayTexts(u); !strings.Contains(got, "删除走访记录“"+logs[0].Date.String()+" 王建国”？") {
		t.Fatalf("the confirmation reads %q", got)
	}
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if got := strings.Join(s.cells[s.shown[shownRow(s, links[1].ID)]], "|"); !strings.Contains(got, "|0次|") {
		t.Fatalf("the 班级 row shows %q after its visit was deleted", got)
	}
	// 联系群众 keeps listing every liaison.
	openScreen(t, u, "联系群众")
	q.settle(u)
	if ls := u.recordScreen.(*recordScreen[data.Liaison, *data.Liaison]); len(ls.rows) != 3 {
		t.Fatalf("联系群众 lists %d", len(ls.rows))
	}
}

func TestMemberFormSavesTheNewFieldsAndShowsTheFileAsATimeline(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	zhang := memberID(t, u, "张伟")
	for _, err := range []error{
		u.store.Rewards.Create(ctx, &data.Reward{MemberID: data.Ref(zhang), Title: "优秀共产党员", Level: "校级", Date: data.NewDate(2025, 7, 1)}),
		u.store.Episodes.Create(ctx, &data.Episode{MemberID: data.Ref(zhang), Kind: "流动外出", Since: data.NewDate(2026, 2, 1), Place: "深圳"}),
		u.store.VolunteerServices.Create(ctx, &data.VolunteerService{MemberID: data.Ref(zhang), Date: data.NewDate(2026, 4, 3), Activity: "社区义诊", Hours: 3}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	openScreen(t, u, "党员")
	q.settle(u)
	u.members.openMember(zhang)
	q.settle(u)
	d := u.members.dialog
	if d == nil || d.file == nil {
		t.Fatal("the member's form has no 党员档案")
	}
	lines := strings.Join(d.file.lines(), "\n")
	for _, want := range []string{"2005-07-01　【党籍】入党", "2025-07-01　【奖惩】表彰奖励", "优秀共产党员", "2026-02-01　【状态】流动外出",
		"社区义诊", "2006-07-01　【党籍】转正"} {
		if !strings.Contains(lines, want) {
			t.Fatalf("the timeline lacks %q:\n%s", want, lines)
		}
	}
	if strings.Index(lines, "入党") > strings.Index(lines, "社区义诊") {
		t.Fatalf("the timeline is not in date order:\n%s", lines)
	}
	d.file.group.SetSelected("奖惩")
	if got := d.file.lines(); len(got) != 1 || !strings.Contains(got[0], "优秀共产党员") || d.file.count.Text != "显示1项，共"+
		strconv.Itoa(len(d.file.file.Events))+"项" {
		t.Fatalf("奖惩 shows %q (%s)", got, d.file.count.Text)
	}

	// The new fields, typed and chosen, are saved.
	f := d.form
	selectOf(t, f, "degree").SetSelected(string(vocab.DegreeMaster))
	for col, text := range map[string]string{"school": "武汉大学", "household_place": "湖北省武汉市洪山区",
		"residence": "武汉市洪山区珞喻路1号", "archive_unit": "学校人事处", "work_unit": "计算机学院 讲师",
		"lost_circumstance": "外出务工经商", "lost_date": "2026-02-01"} {
		test.Type(entryOf(t, f, col), text)
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	m, err := u.store.Members.Get(ctx, zhang)
	if err != nil {
		t.Fatal(err)
	}
	if m.Degree != "硕士" || m.School != "武汉大学" || m.HouseholdPlace != "湖北省武汉市洪山区" || m.Residence != "武汉市洪山区珞喻路1号" ||
		m.ArchiveUnit != "学校人事处" || m.WorkUnit != "计算机学院 讲师" || m.LostCircumstance != "外出务工经商" ||
		m.LostDate.String() != "2026-02-01" {
		t.Fatalf("stored %+v", m)
	}
	// 在记录中查看 shows the reward on 表彰奖励, found by 姓名 and date.
	u.members.openMember(zhang)
	q.settle(u)
	tl := u.members.dialog.file
	if !tl.find.Disabled() {
		t.Fatal("在记录中查看 is enabled with no event selected")
	}
	for i, e := range tl.shown {
		if e.Kind == "入党" {
			tl.list.Select(i)
			if !tl.find.Disabled() {
				t.Fatal("在记录中查看 is enabled for 入党, which has no record")
			}
		}
	}
	for i, e := range tl.shown {
		if e.Kind == "表彰奖励" {
			tl.list.Select(i)
		}
	}
	test.Tap(tl.find)
	q.settle(u)
	rs, ok := u.recordScreen.(*recordScreen[data.Reward, *data.Reward])
	if !ok || u.screens[u.current].title != "表彰奖励" {
		t.Fatalf("在记录中查看 shows %s", u.screens[u.current].title)
	}
	if rs.query.Text != "张伟 2025-07-01" || len(rs.shown) != 1 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("表彰奖励 searched %q shows %d rows", rs.query.Text, len(rs.shown))
	}

	// A new member has no file yet.
	u.members.openMember("")
	q.settle(u)
	if u.members.dialog.file != nil {
		t.Fatal("a new member's form shows a file")
	}
}

func TestCertificatesAreSavedPerAttendee(t *testing.T) {
	u, q, tr, c := openTwoAttendeeCertificates(t)
	ctx := context.Background()
	ids := []string{memberID(t, u, "张伟"), memberID(t, u, "李红梅")}
	for i, name := range c.names {
		if name == "张伟" {
			c.certs[i].SetText("")
			test.Type(c.certs[i], "DX2026-001")
			c.hours[i].SetText("1.5")
		}
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "保存"))
	q.settle(u)
	as, err := u.store.TrainingAttendees.List(ctx, data.Where(data.ColTrainingID, tr.ID))
	if err != nil || len(as) != 2 {
		t.Fatalf("%d attendees, %v", len(as), err)
	}
	for _, a := range as {
		switch string(a.MemberID) {
		case ids[0]:
			if a.Certificate != "DX2026-001" || a.Hours != 1.5 {
				t.Fatalf("张伟: %+v", a)
			}
		case ids[1]:
			if a.Certificate != "" || a.Hours != 2 {
				t.Fatalf("李红梅: %+v", a)
			}
		}
	}
	// 张伟's 学习档案 lists the session with the hours and the certificate,
	// and the year's hours as TRAIN-32 counts them (prorated from March).
	u.training.record.dlg.Hide()
	openScreen(t, u, "党员")
	q.settle(u)
	u.members.openMember(ids[0])
	q.settle(u)
	if got := strings.Join(u.members.dialog.study, "\n"); got != "共参加培训1次；2026年计入1.5学时，应达27学时\n2026-03-05|集体学习|党章学习||1.5|DX2026-001" {
		t.Fatalf("学习档案 shows %q", got)
	}
}

func TestPostTermAndPublicityChooseTheirBranch(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	openScreen(t, u, "党内职务")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.PostTerm, *data.PostTerm])
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	s.form.inputs["member_id"].object.(*memberPicker).setID(memberID(t, u, "王建国"))
	test.Type(entryOf(t, s.form, "post"), "书记")
	test.Type(entryOf(t, s.form, "from_date"), "2024-06-01")
	// A 支委会 post without its branch is refused under the field.
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if !strings.Contains(s.form.problems(), "支委会职务须填写所在支部") {
		t.Fatalf("problems %q", s.form.problems())
	}
	selectOf(t, s.form, "branch_id").SetSelected("教工第一党支部")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	ps, err := u.store.PostTerms.List(ctx)
	if err != nil || len(ps) != 1 || ps[0].BranchID == "" || ps[0].Organ != "支委会" {
		t.Fatalf("stored %+v %v", ps, err)
	}
	if got := strings.Join(s.cells[0], "|"); !strings.HasPrefix(got, "王建国（教工第一党支部）|支委会|书记|教工第一党支部|2024-06-01") {
		t.Fatalf("the row shows %q", got)
	}
	searchShows(t, s, "wjg", 1)

	openScreen(t, u, "宣传")
	q.settle(u)
	p := u.recordScreen.(*recordScreen[data.Publicity, *data.Publicity])
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	test.Type(entryOf(t, p.form, "title"), "教工第一党支部开展主题党日")
	selectOf(t, p.form, "branch_id").SetSelected("教工第一党支部")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	pub, err := u.store.Publicity.List(ctx)
	if err != nil || len(pub) != 1 || pub[0].Channel != "微信公众号" || pub[0].BranchID == "" || pub[0].Date.IsZero() {
		t.Fatalf("stored %+v %v", pub, err)
	}
	searchShows(t, p, "主题党日", 1)
}

func TestMemberFormWithTheNewFieldsFitsA1024x768Screen(t *testing.T) {
	u, q := newTestUI(t)
	u.win.Resize(smallScreen)
	openScreen(t, u, "党员")
	q.settle(u)
	u.members.openMember(memberID(t, u, "张伟"))
	q.settle(u)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no member form")
	}
	room := u.win.Canvas().Size()
	if min := top.MinSize(); min.Width > room.Width || min.Height > room.Height {
		t.Fatalf("the member form needs %.0f×%.0f, more than the %.0f×%.0f of a 1024×768 screen", min.Width, min.Height, room.Width, room.Height)
	}
	// 保存 is on the screen, below the scrolling form.
	save := findButtonIn(t, u, "保存")
	if pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(save); pos.Y+save.Size().Height > room.Height || pos.Y <= 0 {
		t.Fatalf("保存 lies at %.0f, off the %.0f of the window", pos.Y, room.Height)
	}
	// The 全国党员管理信息系统's fields sit beside the ones they go with.
	var labels []string
	for _, it := range u.members.dialog.form.form.Items {
		labels = append(labels, strings.TrimSuffix(it.Text, " *"))
	}
	got := strings.Join(labels, " ")
	for _, want := range []string{"籍贯 户籍所在地 现居住地 学历 学位 毕业院校", "单位职务或院系班级 工作单位及职务 档案所在单位",
		"失联党员 失联情形 失联日期"} {
		if !strings.Contains(got, want) {
			t.Fatalf("the form's fields run %s", got)
		}
	}
}

func TestCommitteeShowsAMembersFileReadOnly(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1200, 800))
	u, q := w.u, w.q
	openScreen(t, u, "党员")
	q.settle(u)
	var id string
	for _, r := range u.members.shown {
		if r.cells[0] == "王建国" {
			id = r.id
			break
		}
	}
	if id == "" {
		t.Fatal("王建国 is not listed")
	}
	u.viewMember(id)
	q.settle(u)
	if u.memberView == nil {
		t.Fatal("committee mode shows no 党员档案")
	}
	lines := strings.Join(u.memberView.lines(), "\n")
	for _, want := range []string{"2005-07-01　【党籍】入党", "【培训】培训"} {
		if !strings.Contains(lines, want) {
			t.Fatalf("the file lacks %q:\n%s", want, lines)
		}
	}
	if got := overlayTexts(u); !strings.Contains(got, viewOnlyNote) {
		t.Fatalf("the member's view reads %q", got)
	}
}

func TestDisciplineLeftWithoutItsEffectPeriodGetsTheKindsOne(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	openScreen(t, u, "党纪处分")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Discipline, *data.Discipline])
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	until := entryOf(t, s.form, "effect_until")
	if !strings.Contains(until.PlaceHolder, "警告1年") {
		t.Fatalf("影响期至 hints %q", until.PlaceHolder)
	}
	s.form.inputs["member_id"].object.(*memberPicker).setID(memberID(t, u, "张伟"))
	selectOf(t, s.form, "kind").SetSelected(string(vocab.DisciplineSerious))
	test.Type(entryOf(t, s.form, "date"), "2026-03-01")
	test.Type(entryOf(t, s.form, "decided_by"), "学院党委")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	ds, err := u.store.Disciplines.List(ctx)
	if err != nil || len(ds) != 1 || ds[0].EffectUntil.String() != "2027-08-31" {
		t.Fatalf("stored %+v %v", ds, err)
	}
	if got := strings.Join(s.cells[0], "|"); got != "张伟（学生第一党支部）|严重警告|2026-03-01|2027-08-31|学院党委|" {
		t.Fatalf("the row shows %q", got)
	}
}

func TestTheNewScreensListTheDemosRecords(t *testing.T) {
	u, q := demoUI(t, 300, fyne.NewSize(1366, 698))
	for _, title := range []string{"先锋岗和责任区", "承诺践诺", "志愿服务", leaderLinksTitle, "宣传", "表彰奖励", "党纪处分",
		"限期改正", "党籍处置", "党内职务", "党员状态", "党校教师", "党校课程"} {
		openScreen(t, u, title)
		q.settle(u)
		s, ok := u.recordScreen.(interface{ rowCount() (int, string) })
		if !ok {
			t.Fatalf("%s is not a record screen", title)
		}
		if n, count := s.rowCount(); n == 0 || count != "共"+strconv.Itoa(n)+"条" {
			t.Errorf("%s lists %d rows (%q)", title, n, count)
		}
	}
	if v := u.leaderLinks.visits; len(v.rows) == 0 {
		t.Error("走访记录 lists no visit of the demo")
	}
}

// rowCount is how many rows the screen read, and its count line.
func (s *recordScreen[T, P]) rowCount() (int, string) { return len(s.rows), s.count.Text }
