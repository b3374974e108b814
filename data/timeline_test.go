package data_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/data"
)

// TestMemberFileTimeline records one of every kind of event for a member
// (and one for another member, which must not show) and checks the
// timeline's order, groups and texts.
func TestMemberFileTimeline(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "张三", 1)
	other := validMember(b, "李四", 2)
	for _, x := range []*data.Member{m, other} {
		if err := s.Members.Create(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	mid := data.Ref(m.ID)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	d := data.NewDate
	must(s.PostTerms.Create(ctx, &data.PostTerm{MemberID: mid, BranchID: data.Ref(b.ID), Organ: "支委会", Post: "组织委员",
		From: d(2015, 5, 10), Until: d(2018, 5, 9)}))
	must(s.PostTerms.Create(ctx, &data.PostTerm{MemberID: mid, BranchID: data.Ref(b.ID), Organ: "支委会", Post: "书记",
		From: d(2018, 5, 10), Elected: d(2018, 5, 8)}))
	must(s.Rewards.Create(ctx, &data.Reward{MemberID: mid, Title: "优秀共产党员", Level: "校级", Issuer: "校党委", Date: d(2019, 7, 1)}))
	must(s.Honors.Create(ctx, &data.Honor{MemberID: mid, Year: 2020, Title: "优秀党务工作者"}))
	must(s.Disciplines.Create(ctx, &data.Discipline{MemberID: mid, Kind: "警告", Date: d(2021, 3, 15), DecidedBy: "院纪委"}))
	must(s.Corrections.Create(ctx, &data.Correction{MemberID: mid, Date: d(2022, 1, 10), Reason: "长期不参加组织生活"}))
	must(s.Dispositions.Create(ctx, &data.Disposition{MemberID: mid, Kind: "停止党籍", Date: d(2023, 2, 1)}))
	must(s.Dispositions.Create(ctx, &data.Disposition{MemberID: mid, Kind: "恢复党籍", Date: d(2023, 9, 1)}))
	must(s.Episodes.Create(ctx, &data.Episode{MemberID: mid, Kind: "流动外出", Since: d(2022, 6, 1), Until: d(2022, 12, 31), Place: "深圳"}))
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: mid, Direction: "转入", OtherOrg: "某大学党委", LetterNo: "2012-01",
		IssuedDate: d(2012, 9, 1), ValidDays: 30}))
	must(s.Appraisals.Create(ctx, &data.Appraisal{MemberID: mid, Year: 2024, Grade: "优秀"}))
	tr := &data.Training{Date: d(2025, 4, 2), Hours: 4, Form: "党课", Topic: "学习党章"}
	must(s.RecordTraining(ctx, tr, []string{m.ID, other.ID}))
	att, err := s.TrainingAttendees.List(ctx, data.Where(data.ColMemberID, m.ID))
	must(err)
	att[0].Certificate = "DX2025-001"
	must(s.TrainingAttendees.Update(ctx, &att[0]))
	must(s.PracticePosts.Create(ctx, &data.PracticePost{MemberID: mid, Kind: "党员先锋岗", Name: "实验室安全岗", Since: d(2025, 3, 1)}))
	must(s.Pledges.Create(ctx, &data.Pledge{MemberID: mid, Year: 2025, Content: "带好一个班\n帮扶两名学生", PledgedDate: d(2025, 3, 20)}))
	must(s.VolunteerServices.Create(ctx, &data.VolunteerService{MemberID: mid, Date: d(2025, 5, 4), Activity: "社区义诊", Hours: 3.5}))
	must(s.Talks.Create(ctx, &data.Talk{MemberID: mid, Date: d(2025, 6, 1), Talker: "王书记", Content: "谈思想\n谈工作"}))
	// Another member's records stay out of the file.
	must(s.Talks.Create(ctx, &data.Talk{MemberID: data.Ref(other.ID), Date: d(2025, 6, 2), Talker: "王书记"}))

	f, err := s.MemberFile(ctx, m.ID)
	must(err)
	if f.Member.Name != "张三" {
		t.Fatalf("member %q", f.Member.Name)
	}
	var got []string
	for _, e := range f.Events {
		got = append(got, e.When()+" "+string(e.Group)+" "+e.Kind+" "+e.Text)
	}
	want := []string{
		"2008-06-01 党籍 入党 入党",
		"2009-06-01 党籍 转正 转为正式党员",
		"2012-09-01 组织关系 组织关系转入 组织关系转入：自 某大学党委（介绍信编号：2012-01）",
		"2015-05-10 党内职务 任职 第一党支部支委会组织委员，至 2018-05-09",
		"2018-05-09 党内职务 免职 第一党支部支委会组织委员",
		"2018-05-10 党内职务 任职 第一党支部支委会书记（换届选举 2018-05-08），在任",
		"2019-07-01 奖惩 表彰奖励 优秀共产党员（校级，校党委）",
		"2020年 奖惩 荣誉称号 优秀党务工作者",
		"2021-03-15 奖惩 党纪处分 警告（决定机关：院纪委），影响期至 2022-03-14",
		"2022-01-10 奖惩 限期改正 限期改正（事由：长期不参加组织生活），尚无处理结果",
		"2022-06-01 状态 流动外出 流动外出（深圳），至 2022-12-31",
		"2023-02-01 处置 停止党籍 停止党籍",
		"2023-09-01 处置 恢复党籍 恢复党籍",
		"2024年 评议 民主评议 民主评议：优秀",
		"2025-03-01 实践锻炼 党员先锋岗 党员先锋岗：实验室安全岗，持续中",
		"2025-03-20 实践锻炼 承诺践诺 2025年度承诺：带好一个班；帮扶两名学生；尚未践诺评议",
		"2025-04-02 培训 培训 党课：学习党章，4学时，证书编号 DX2025-001",
		"2025-05-04 实践锻炼 志愿服务 社区义诊，3.5小时",
		"2025-06-01 谈心谈话 谈心谈话 谈话人：王书记，内容：谈思想；谈工作",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("timeline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, e := range f.Events {
		if e.Group != data.GroupMembership && (e.Table == "" || e.ID == "") {
			t.Errorf("%s %s: no source record", e.When(), e.Kind)
		}
	}
	if n := len(f.InGroup(data.GroupPosts)); n != 3 {
		t.Errorf("党内职务: %d events, want 3", n)
	}

	// A deleted training leaves the file; an unknown member is an error.
	must(s.DeleteTraining(ctx, tr))
	f, err = s.MemberFile(ctx, m.ID)
	must(err)
	if n := len(f.InGroup(data.GroupTraining)); n != 0 {
		t.Errorf("deleted training still in the file (%d)", n)
	}
	if _, err := s.MemberFile(ctx, "no-such-member"); err == nil {
		t.Error("unknown member: no error")
	}
}

// TestStudyYearsAreTheRulesCount: a member's year totals are those of
// rules.Figures.TrainingHours — 个人自学 apart, 32 required — and a year
// the member was not yet on the rolls says so.
func TestStudyYearsAreTheRulesCount(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "张三", 1)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	for _, tr := range []*data.Training{
		{Date: data.NewDate(2026, 3, 2), Hours: 6, Form: "培训班", Topic: "专题培训"},
		{Date: data.NewDate(2026, 4, 2), Hours: 2.5, Form: "个人自学", Topic: "自学"},
	} {
		if err := s.RecordTraining(ctx, tr, []string{m.ID}); err != nil {
			t.Fatal(err)
		}
	}
	ys, err := s.StudyYears(ctx, m, []int{2000, 2026})
	if err != nil {
		t.Fatal(err)
	}
	if len(ys) != 2 || ys[0].OnRolls || !ys[1].OnRolls {
		t.Fatalf("years %+v", ys)
	}
	h := ys[1].Hours
	// 32 a year, prorated by month from when the records begin.
	if h.Hours != 6 || h.Uncounted != 2.5 || h.Required != (32*h.Months+11)/12 || ys[1].Settings.TrainingHours != 32 {
		t.Errorf("2026: %+v", h)
	}
}
