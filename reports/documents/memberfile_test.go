package documents

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
)

// memberFileFixture is an organization with one branch and a member whose
// file has a record of every kind, among them a 二级党校 course with a
// certificate; the member's name has a character outside the BMP (𠮷,
// U+20BB7). Another member attends the same session.
func memberFileFixture(t *testing.T) (*data.Store, *data.Member, *data.Branch) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "file.db"), "计算机科学与技术学院党委", "F",
		data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	b := &data.Branch{Name: "计算机系教工党支部", Type: "教工", Founded: data.NewDate(2010, 3, 1)}
	must(s.Branches.Create(ctx, b))
	birth := time.Date(1985, 4, 12, 0, 0, 0, 0, time.UTC)
	m := &data.Member{BranchID: data.Ref(b.ID), Name: "张𠮷", Gender: "男", Ethnicity: "汉族",
		IDNumber: field.MakeIDNumber("110101", birth, 7, true), BirthDate: data.DateOf(birth),
		NativePlace: "江苏南京", Education: "研究生", Degree: "博士", School: "南京大学", PersonType: "在职教职工",
		StaffNo: "T1001", Position: "计算机系教师", JoinedDate: data.NewDate(2008, 6, 1), ConfirmedAt: data.NewDate(2009, 6, 1),
		Category: "正式党员", PartyPost: "支部书记", Phone: "13800138000", DuesBase: data.Yuan(6000),
		HouseholdPlace: "南京市鼓楼区", Residence: "南京市栖霞区仙林大道1号", ArchiveUnit: "学校人事处",
		WorkUnit: "计算机科学与技术学院副教授"}
	other := &data.Member{BranchID: data.Ref(b.ID), Name: "李四", Gender: "女", Ethnicity: "汉族",
		IDNumber: field.MakeIDNumber("110101", birth, 8, false), BirthDate: data.DateOf(birth), PersonType: "在职教职工",
		JoinedDate: data.NewDate(2010, 6, 1), ConfirmedAt: data.NewDate(2011, 6, 1), Category: "正式党员"}
	must(s.Members.Create(ctx, m))
	must(s.Members.Create(ctx, other))
	mid, d := data.Ref(m.ID), data.NewDate
	must(s.PostTerms.Create(ctx, &data.PostTerm{MemberID: mid, BranchID: data.Ref(b.ID), Organ: "支委会", Post: "书记", From: d(2018, 5, 10)}))
	must(s.Rewards.Create(ctx, &data.Reward{MemberID: mid, Title: "优秀共产党员", Level: "校级", Issuer: "校党委", Date: d(2019, 7, 1)}))
	must(s.Disciplines.Create(ctx, &data.Discipline{MemberID: mid, Kind: "警告", Date: d(2021, 3, 15), DecidedBy: "院纪委"}))
	must(s.Episodes.Create(ctx, &data.Episode{MemberID: mid, Kind: "流动外出", Since: d(2022, 6, 1), Until: d(2022, 12, 31), Place: "深圳"}))
	must(s.Dispositions.Create(ctx, &data.Disposition{MemberID: mid, Kind: "停止党籍", Date: d(2023, 2, 1)}))
	must(s.Appraisals.Create(ctx, &data.Appraisal{MemberID: mid, Year: 2025, Grade: "优秀"}))
	must(s.Pledges.Create(ctx, &data.Pledge{MemberID: mid, Year: 2026, Content: "带好一个班", PledgedDate: d(2026, 3, 20)}))
	must(s.VolunteerServices.Create(ctx, &data.VolunteerService{MemberID: mid, Date: d(2026, 5, 4), Activity: "社区义诊", Hours: 3.5}))

	plan := &data.TrainingPlan{Year: 2026, Course: "党的二十大精神专题培训班", PlannedHours: 16}
	must(s.TrainingPlans.Create(ctx, plan))
	teacher := &data.SchoolTeacher{Name: "王教授", Kind: "兼职"}
	must(s.SchoolTeachers.Create(ctx, teacher))
	course := &data.SchoolCourse{PlanID: data.Ref(plan.ID), TeacherID: data.Ref(teacher.ID), Title: "新时代党的建设总要求", Hours: 8}
	must(s.SchoolCourses.Create(ctx, course))
	for _, tr := range []*data.Training{
		{Date: d(2025, 4, 2), Hours: 4, Form: "党课", Topic: "学习党章"},
		{Date: d(2026, 3, 12), Hours: 8, Form: "培训班", Topic: "专题培训", CourseID: data.Ref(course.ID)},
		{Date: d(2026, 6, 1), Hours: 2.5, Form: "个人自学", Topic: "自学党史"},
	} {
		must(s.RecordTraining(ctx, tr, []string{m.ID, other.ID}))
		if tr.CourseID != "" {
			att, err := s.TrainingAttendees.List(ctx, data.Where(data.ColTrainingID, tr.ID), data.Where(data.ColMemberID, m.ID))
			must(err)
			att[0].Certificate = "DX2026-017"
			must(s.TrainingAttendees.Update(ctx, &att[0]))
		}
	}
	return s, m, b
}

// TestMemberFilePrintsTheWholeFile writes a member's 党员档案 as a PDF and
// reads it back: the frame, every particular (the new fields too), each
// group with its events, dates in the table form.
func TestMemberFilePrintsTheWholeFile(t *testing.T) {
	s, m, _ := memberFileFixture(t)
	text, rep := pdfText(t, s, MemberFile, Options{MemberID: m.ID})
	if rep.Pages < 1 {
		t.Fatalf("%d pages", rep.Pages)
	}
	for _, want := range []string{
		"党员档案", "计算机科学与技术学院党委", "截至2026年11月26日", "第1页共", "张𠮷",
		m.IDNumber, "江苏南京", "博士", "南京大学", "南京市鼓楼区", "南京市栖霞区仙林大道1号", "学校人事处",
		"计算机科学与技术学院副教授", "T1001", "13800138000", "6000.00元",
		"一、基本情况", "二、档案记录",
		"（一）党籍", "2008.06.01", "入党", "2009.06.01", "转为正式党员",
		"（二）党内职务", "计算机系教工党支部支委会书记，在任",
		"（三）奖惩", "优秀共产党员（校级，校党委）", "警告（决定机关：院纪委），影响期至2022.03.14",
		"（四）处置", "停止党籍", "（五）状态", "流动外出（深圳），至2022.12.31",
		"（六）评议", "2025年", "民主评议：优秀",
		"（七）培训", "党课：学习党章，4学时", "培训班：专题培训，8学时，党校课程“新时代党的建设总要求”，证书编号DX2026-017",
		"（八）实践锻炼", "2026年度承诺：带好一个班；尚未践诺评议", "社区义诊，3.5小时",
	} {
		if !strings.Contains(text, strings.ReplaceAll(want, " ", "")) {
			t.Errorf("the 党员档案 lacks %q", want)
		}
	}
	if strings.Contains(text, "2021-03-15") || strings.Contains(text, "李四") {
		t.Errorf("a date in the store's form, or another member, in the file:\n%s", text)
	}
	// In date order within a group: the reward before the 处分.
	if strings.Index(text, "优秀共产党员") > strings.Index(text, "影响期至") {
		t.Error("奖惩 not in date order")
	}
	if len(rep.Missing) > 0 {
		t.Logf("printed as boxes: %v", rep.MissingLines())
	}
}

// TestStudyFileCountsAsTheRules writes a member's 学习管理档案: every
// training with its form, topic, hours and certificate, each year's hours
// as rules.Figures.TrainingHours counts them, and the 二级党校 course.
func TestStudyFileCountsAsTheRules(t *testing.T) {
	s, m, _ := memberFileFixture(t)
	text, rep := pdfText(t, s, StudyFile, Options{MemberID: m.ID})
	if rep.Pages < 1 {
		t.Fatalf("%d pages", rep.Pages)
	}
	fig, err := s.Figures(context.Background(), 2026, checkDay(2026, testNow))
	if err != nil {
		t.Fatal(err)
	}
	var want2026 string
	for _, h := range fig.TrainingHours() {
		if h.Member.ID == m.ID {
			want2026 = studyNote(h, fig.Settings())
		}
	}
	if want2026 == "" {
		t.Fatal("the member is not in the figures")
	}
	for _, want := range []string{
		"党员学习管理档案", "张𠮷", "T1001", "一、基本情况", "二、年度学时", "三、学习培训记录", "四、二级党校课程",
		"（一）2025年度", "2025.04.02", "党课", "学习党章",
		"（二）2026年度", "2026.03.12", "培训班", "专题培训（二级党校课程：新时代党的建设总要求）", "DX2026-017",
		"2026.06.01", "个人自学", "自学党史", "2.5",
		want2026, "书记和班子成员每年56学时",
		"2026年度党的二十大精神专题培训班", "王教授", "新时代党的建设总要求",
	} {
		if !strings.Contains(text, strings.ReplaceAll(want, " ", "")) {
			t.Errorf("the 学习管理档案 lacks %q", want)
		}
	}
	if strings.Contains(text, "李四") {
		t.Error("another member in the file")
	}
}

// TestMemberFilesOfABranch prints the branch's members one a part each,
// and an unknown member is refused rather than printed empty.
func TestMemberFilesOfABranch(t *testing.T) {
	s, _, b := memberFileFixture(t)
	for _, k := range []Kind{MemberFile, StudyFile} {
		r := build(t, s, k, Options{BranchID: b.ID})
		if r.parts() != 2 || !strings.Contains(r.partText(0), "李四") || !strings.Contains(r.partText(1), "张𠮷") {
			t.Errorf("%s of the branch: %d parts, not one a member in 姓氏笔画 order:\n%s", k, r.parts(), r.text)
		}
		if _, err := Build(context.Background(), s, k, Options{MemberID: "nobody", Now: testNow}); err == nil {
			t.Errorf("%s of an unknown member: no error", k)
		}
	}
}

// TestMemberFileInTheCommitteesDatabase: a member's 党员档案 and
// 学习管理档案 printed from the committee's consolidated database for the
// whole university name the member's own organization in the running
// header, and are the same text as the organization's own database gives.
func TestMemberFileInTheCommitteesDatabase(t *testing.T) {
	merged, fx := openMerged(t)
	own := openAt(t, fx.own[orgForeign])
	ms, err := own.Members.List(context.Background(), data.Page(1, 0))
	if err != nil || len(ms) != 1 {
		t.Fatal(err, len(ms))
	}
	for _, k := range []Kind{MemberFile, StudyFile} {
		got := build(t, merged, k, Options{MemberID: ms[0].ID})
		want := build(t, own, k, Options{MemberID: ms[0].ID})
		if got.doc.Org != orgForeign {
			t.Errorf("%s: running header %q, want the member's organization %q", k, got.doc.Org, orgForeign)
		}
		if got.text != want.text {
			t.Errorf("%s from the consolidated database differs from the organization's own:\n%s", k, firstDiff(got.text, want.text))
		}
	}
}
