package sheets

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// seedRecords writes a small organization with every kind of record,
// including a member who has transferred out.
func seedRecords(t *testing.T, s *data.Store) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	b1 := &data.Branch{Name: "计算机系教工党支部", Type: "教工"}
	b2 := &data.Branch{Name: "2023级本科生第一党支部", Type: "学生"}
	must(s.Branches.Create(ctx, b1))
	must(s.Branches.Create(ctx, b2))
	people := []struct {
		name   string
		branch *data.Branch
		seq    int
		male   bool
	}{{"王建国", b1, 1, true}, {"李红梅", b1, 2, false}, {"张伟", b2, 3, true}, {"刘洋", b2, 4, false}}
	var ms []*data.Member
	for i, p := range people {
		m := &data.Member{BranchID: data.Ref(p.branch.ID), Name: p.name, Ethnicity: "汉族",
			IDNumber: id("420106", 1980+i, 3, 4, p.seq, p.male), NativePlace: "湖北武汉", Education: "研究生",
			PersonType: "在职教职工", StaffNo: "T00" + itoa(i), Position: "讲师", Category: "正式党员",
			JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1), Phone: "1380000000" + itoa(i),
			DuesBase: data.Money(523456 + i), IsLeader: i == 0, InDifficulty: i == 3}
		if i == 3 {
			m.Category, m.ConfirmedAt, m.JoinedDate = "预备党员", data.Date{}, data.NewDate(2026, 2, 1)
		}
		if i == 1 {
			m.Note = "2025年度优秀共产党员;兼任工会委员"
		}
		must(s.Members.Create(ctx, m))
		ms = append(ms, m)
	}
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 4, Form: "培训班", Topic: "学习党章", Organizer: "二级党校",
		Location: "学院报告厅(行政楼一楼)"}
	must(s.Trainings.Create(ctx, tr))
	for i, m := range ms {
		must(s.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID), MemberID: data.Ref(m.ID),
			Hours: []float64{4, 3.5, 4, 2}[i]}))
	}
	mt := &data.Meeting{BranchID: data.Ref(b1.ID), Kind: "主题党日", Date: data.NewDate(2026, 4, 1), Topic: "重温入党誓词",
		Host: "王建国", HostID: data.Ref(ms[0].ID), Recorder: "李红梅", Location: "党员活动室(行政楼201)"}
	must(s.Meetings.Create(ctx, mt))
	must(s.MeetingAttendance.Create(ctx, &data.MeetingAttendance{MeetingID: data.Ref(mt.ID), MemberID: data.Ref(ms[0].ID), Status: "出席"}))
	must(s.MeetingAttendance.Create(ctx, &data.MeetingAttendance{MeetingID: data.Ref(mt.ID), MemberID: data.Ref(ms[1].ID), Status: "请假",
		Reason: "出差(北京)"}))
	// 李红梅 was in the student branch at its 支委会 and has moved since.
	moved := &data.Meeting{BranchID: data.Ref(b2.ID), Kind: "支委会", Date: data.NewDate(2026, 3, 2), Topic: "研究发展对象",
		Recorder: "张伟"}
	must(s.Meetings.Create(ctx, moved))
	must(s.MeetingAttendance.Create(ctx, &data.MeetingAttendance{MeetingID: data.Ref(moved.ID), MemberID: data.Ref(ms[1].ID), Status: "出席"}))
	for _, month := range []string{"2026-01", "2026-02"} {
		must(s.Dues.Create(ctx, &data.Dues{MemberID: data.Ref(ms[0].ID), Month: month, Base: ms[0].DuesBase,
			Rate: "1.5%", Due: 7852, Paid: 7852, PaidDate: data.NewDate(2026, 2, 10)}))
	}
	gone := &data.Member{BranchID: data.Ref(b2.ID), Name: "赵敏", IDNumber: id("330106", 1996, 6, 6, 7, false),
		PersonType: "学生", Category: "正式党员", JoinedDate: data.NewDate(2016, 6, 1), ConfirmedAt: data.NewDate(2017, 6, 1)}
	must(s.Members.Create(ctx, gone))
	must(s.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID), MemberID: data.Ref(gone.ID), Hours: 4}))
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(gone.ID), Direction: "转出", OtherOrg: "外国语学院党委",
		LetterNo: "转字〔2026〕第011号", IssuedDate: data.NewDate(2026, 5, 5), ValidDays: 90}))
	gone.Status = "已转出"
	must(s.Members.Update(ctx, gone))
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(ms[2].ID), Direction: "转入", OtherOrg: "外国语学院党委",
		LetterNo: "转字〔2026〕第003号", IssuedDate: data.NewDate(2026, 1, 5), ValidDays: 60, ReceiptDate: data.NewDate(2026, 1, 20),
		DuesPaidUntil: "2025-12"}))
	seedMemberFile(t, s, b1, ms)
	seedRecordsPipeline(t, s, b2.Name)
}

// seedPlans writes the 培训计划 lines the 党校课程 of seedMemberFile name
// (a plan is not a sheet of its own: a fresh database is given them too).
func seedPlans(t *testing.T, s *data.Store) []*data.TrainingPlan {
	t.Helper()
	plans := []*data.TrainingPlan{
		{Year: 2026, Course: "学习贯彻党的二十届三中全会精神", PlannedHours: 8, TargetGroup: "全体党员"},
		{Year: 2025, Course: "党史学习教育", PlannedHours: 6},
	}
	for _, p := range plans {
		if err := s.TrainingPlans.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	return plans
}

// seedMemberFile gives the members of seedRecords the rest of their file:
// the fields of the 全国党员管理信息系统, a certificate, and a record or two
// of every kind of records_layouts.go, with one liaison that is not a
// 领导干部联系点 (and so in no sheet).
func seedMemberFile(t *testing.T, s *data.Store, b1 *data.Branch, ms []*data.Member) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ref := func(m *data.Member) data.Ref { return data.Ref(m.ID) }
	ms[0].Degree, ms[0].School, ms[0].HouseholdPlace = "博士", "武汉大学", "湖北省武汉市洪山区"
	ms[0].Residence, ms[0].ArchiveUnit, ms[0].WorkUnit = "武汉市洪山区珞喻路1号", "学校人事处", "计算机系主任"
	must(s.Members.Update(ctx, ms[0]))
	ms[2].LostCircumstance, ms[2].LostDate = "外出务工经商", data.NewDate(2026, 1, 10)
	must(s.Members.Update(ctx, ms[2]))
	attendees, err := s.TrainingAttendees.List(ctx, data.Where(data.ColMemberID, ms[0].ID))
	must(err)
	attendees[0].Certificate = "DX2026-001"
	must(s.TrainingAttendees.Update(ctx, &attendees[0]))

	must(s.PracticePosts.Create(ctx, &data.PracticePost{MemberID: ref(ms[1]), Kind: "党员先锋岗", Name: "实验室安全先锋岗",
		Since: data.NewDate(2026, 3, 1), Duties: "每周巡查实验室安全"}))
	must(s.PracticePosts.Create(ctx, &data.PracticePost{MemberID: ref(ms[2]), Kind: "党员责任区", Name: "学生宿舍3栋",
		Since: data.NewDate(2025, 9, 1), Until: data.NewDate(2026, 6, 30)}))
	must(s.Pledges.Create(ctx, &data.Pledge{MemberID: ref(ms[0]), Year: 2026, Content: "每月为学生上一次党课",
		PledgedDate: data.NewDate(2026, 3, 10)}))
	must(s.Pledges.Create(ctx, &data.Pledge{MemberID: ref(ms[1]), Year: 2025, Content: "帮扶两名学业困难学生",
		PledgedDate: data.NewDate(2025, 3, 5), Review: "已践诺", Reviewer: "王建国", ReviewDate: data.NewDate(2025, 12, 20)}))
	for i, h := range []float64{3.5, 2} {
		must(s.VolunteerServices.Create(ctx, &data.VolunteerService{MemberID: ref(ms[2+i]), Date: data.NewDate(2026, 5, 4),
			Activity: "社区义诊", Hours: h, Organizer: "校团委"}))
	}
	must(s.Publicity.Create(ctx, &data.Publicity{BranchID: data.Ref(b1.ID), Channel: "微信公众号",
		Title: "计算机系教工党支部开展主题党日", Date: data.NewDate(2026, 4, 2), Link: "https://example.edu.cn/a/1"}))
	must(s.Publicity.Create(ctx, &data.Publicity{Channel: "校报", Title: "学院党建工作纪实", Date: data.NewDate(2026, 6, 1),
		Note: "第3版"}))
	must(s.Rewards.Create(ctx, &data.Reward{MemberID: ref(ms[1]), Title: "优秀共产党员", Level: "校级",
		Issuer: "中共某某大学委员会", Date: data.NewDate(2026, 7, 1)}))
	must(s.Disciplines.Create(ctx, &data.Discipline{MemberID: ref(ms[2]), Kind: "警告", Date: data.NewDate(2026, 2, 1),
		DecidedBy: "学院党委", Reason: "违反组织纪律"}))
	must(s.Corrections.Create(ctx, &data.Correction{MemberID: ref(ms[2]), Date: data.NewDate(2026, 3, 1),
		Reason: "长期不参加组织生活"}))
	must(s.Corrections.Create(ctx, &data.Correction{MemberID: ref(ms[1]), Date: data.NewDate(2025, 1, 10),
		Deadline: data.NewDate(2025, 12, 31), Outcome: "已改正", OutcomeDate: data.NewDate(2025, 10, 10)}))
	must(s.Dispositions.Create(ctx, &data.Disposition{MemberID: ref(ms[2]), Kind: "停止党籍", Date: data.NewDate(2026, 9, 1),
		DecidedBy: "计算机系教工党支部", Reason: "失联超过六个月"}))
	must(s.PostTerms.Create(ctx, &data.PostTerm{MemberID: ref(ms[0]), BranchID: data.Ref(b1.ID), Organ: "支委会",
		Post: "书记", From: data.NewDate(2024, 6, 1), Elected: data.NewDate(2024, 6, 1)}))
	must(s.PostTerms.Create(ctx, &data.PostTerm{MemberID: ref(ms[1]), BranchID: data.Ref(b1.ID), Organ: "支委会",
		Post: "组织委员", From: data.NewDate(2024, 6, 1), Until: data.NewDate(2026, 6, 30)}))
	must(s.PostTerms.Create(ctx, &data.PostTerm{MemberID: ref(ms[0]), Organ: "党委", Post: "委员",
		From: data.NewDate(2023, 1, 1)}))
	must(s.Episodes.Create(ctx, &data.Episode{MemberID: ref(ms[2]), Kind: "失联", Since: data.NewDate(2026, 1, 10),
		Circumstances: "外出务工经商", Searches: "电话、微信联系未果"}))
	must(s.Episodes.Create(ctx, &data.Episode{MemberID: ref(ms[3]), Kind: "出国（境）学习研究", Since: data.NewDate(2025, 9, 1),
		Place: "英国伦敦", LastContact: data.NewDate(2026, 5, 1)}))
	chen := &data.SchoolTeacher{Name: "陈教授", Kind: "兼职", Unit: "马克思主义学院教授", Subjects: "党史",
		Since: data.NewDate(2024, 9, 1)}
	must(s.SchoolTeachers.Create(ctx, chen))
	must(s.SchoolTeachers.Create(ctx, &data.SchoolTeacher{Name: "王建国", Kind: "专职", MemberID: ref(ms[0]),
		Unit: "计算机系主任", Since: data.NewDate(2025, 3, 1), Until: data.NewDate(2027, 2, 28)}))
	plans := seedPlans(t, s)
	must(s.SchoolCourses.Create(ctx, &data.SchoolCourse{PlanID: data.Ref(plans[0].ID), TeacherID: data.Ref(chen.ID),
		Title: "学习贯彻党的二十届三中全会精神", Hours: 4, Audience: "全体党员"}))
	must(s.SchoolCourses.Create(ctx, &data.SchoolCourse{PlanID: data.Ref(plans[1].ID), Title: "党史专题", Hours: 2.5}))
	for _, l := range []*data.Liaison{
		{MemberID: ref(ms[0]), Kind: "支部", Contact: "2023级本科生第一党支部", Since: data.NewDate(2026, 1, 1)},
		{MemberID: ref(ms[0]), Kind: "班级", Contact: "计科2301班", Since: data.NewDate(2026, 1, 1), Note: "班主任推荐"},
	} {
		must(s.Liaisons.Create(ctx, l))
		for _, d := range []data.Date{data.NewDate(2026, 3, 12), data.NewDate(2026, 9, 20)} {
			must(s.LiaisonLogs.Create(ctx, &data.LiaisonLog{LiaisonID: data.Ref(l.ID), Date: d, Content: "参加" + l.Contact + "活动"}))
		}
	}
	masses := &data.Liaison{MemberID: ref(ms[1]), Kind: "群众", Contact: "张三", Since: data.NewDate(2026, 1, 1)}
	must(s.Liaisons.Create(ctx, masses))
	must(s.LiaisonLogs.Create(ctx, &data.LiaisonLog{LiaisonID: data.Ref(masses.ID), Date: data.NewDate(2026, 2, 1), Content: "谈心"}))
}

// cells reads every sheet's formatted cell text of a workbook.
func cells(t *testing.T, content []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestExportImportIntoFreshDatabase exports every kind, imports the sheets
// into an empty database in dependency order, and exports again: the
// records come back the same, cell for cell.
func TestExportImportIntoFreshDatabase(t *testing.T) {
	ctx := context.Background()
	src, dst := testStore(t), testStore(t)
	seedRecords(t, src)
	seedPlans(t, dst)
	for _, k := range Kinds {
		var first bytes.Buffer
		n, err := Export(ctx, src, k, &first, 0, nil)
		if err != nil || n == 0 {
			t.Fatalf("%s: export %d rows, %v", k, n, err)
		}
		rep, err := Import(ctx, dst, k, bytes.NewReader(first.Bytes()), Options{})
		created := rep.Created
		if k == DevSteps {
			created += rep.Unchanged // the pipeline sheet recorded the main steps
		}
		if err != nil || len(rep.Problems) > 0 || created != n {
			t.Fatalf("%s: import into a fresh database: %+v %v\n%s", k, rep, err, problemsText(rep))
		}
		var second bytes.Buffer
		if _, err := Export(ctx, dst, k, &second, 0, nil); err != nil {
			t.Fatal(err)
		}
		if a, b := cells(t, first.Bytes()), cells(t, second.Bytes()); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the round trip changed the records:\nbefore %q\nafter  %q", k, a, b)
		}
		again, err := Import(ctx, dst, k, bytes.NewReader(first.Bytes()), Options{})
		if err != nil || again.Unchanged != n || again.Created+again.Updated != 0 || len(again.Problems) > 0 {
			t.Errorf("%s: importing the same sheet again: %+v %v\n%s", k, again, err, problemsText(again))
		}
	}
}
