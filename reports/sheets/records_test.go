package sheets

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"dangjian/data"
)

// recordFixture is a store with a branch, a 党员领导干部 and a member who is
// not one, for the record sheets' tests.
type recordFixture struct {
	s              *data.Store
	leader, member *data.Member
	leaderID       string
	memberID       string
}

func newRecordFixture(t *testing.T) recordFixture {
	t.Helper()
	ctx := context.Background()
	s := testStore(t)
	b := &data.Branch{Name: "计算机系教工党支部", Type: "教工"}
	if err := s.Branches.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	fx := recordFixture{s: s, leaderID: id("420106", 1970, 3, 4, 1, true), memberID: id("420106", 1985, 5, 6, 2, false)}
	fx.leader = &data.Member{BranchID: data.Ref(b.ID), Name: "王建国", IDNumber: fx.leaderID, PersonType: "在职教职工",
		Category: "正式党员", JoinedDate: data.NewDate(2000, 7, 1), ConfirmedAt: data.NewDate(2001, 7, 1), IsLeader: true}
	fx.member = &data.Member{BranchID: data.Ref(b.ID), Name: "李红梅", IDNumber: fx.memberID, PersonType: "在职教职工",
		Category: "正式党员", JoinedDate: data.NewDate(2010, 7, 1), ConfirmedAt: data.NewDate(2011, 7, 1)}
	for _, m := range []*data.Member{fx.leader, fx.member} {
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.TrainingPlans.Create(ctx, &data.TrainingPlan{Year: 2026, Course: "学习党章"}); err != nil {
		t.Fatal(err)
	}
	return fx
}

// wantProblems checks that the report names exactly these rows and
// columns, each with a Chinese reason containing the given words.
func wantProblems(t *testing.T, rep *Report, want map[[2]string]string) {
	t.Helper()
	got := map[[2]string]string{}
	for _, p := range rep.Problems {
		got[[2]string{itoa(p.Row), p.Column}] = p.Msg
	}
	for k, words := range want {
		msg, ok := got[k]
		if !ok {
			t.Errorf("no problem on row %s 「%s」; got:\n%s", k[0], k[1], problemsText(rep))
			continue
		}
		if !strings.Contains(msg, words) {
			t.Errorf("row %s 「%s」: %q, want it to say %q", k[0], k[1], msg, words)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(got), len(want), problemsText(rep))
	}
}

func TestRecordSheetsReportBadRowsByRowAndColumn(t *testing.T) {
	fx := newRecordFixture(t)
	unknown := id("110101", 1990, 1, 2, 9, true)
	cases := []struct {
		kind Kind
		rows [][]any
		want map[[2]string]string
	}{
		{Pledges, [][]any{
			{fx.leaderID, "王建国", "2026", "每月上一次党课", "2026-03-10", "", "", ""},  // row 2: fine
			{unknown, "某人", "2026", "承诺", "2026-03-10", "", "", ""},            // row 3
			{fx.memberID, "李红梅", "明年", "承诺", "2026-03-10", "", "", ""},         // row 4
			{fx.memberID, "李红梅", "2025", "承诺", "2027-01-01", "很好", "", ""},     // row 5
			{fx.leaderID, "王建国", "2026", "又一份承诺", "2026-03-11", "", "", ""},    // row 6: row 2's key
			{fx.memberID, "张冠李戴", "2024", "承诺", "2024-03-01", "", "", ""},      // row 7
			{fx.memberID, "李红梅", "2023", "承诺", "2023-03-01", "已践诺", "王建国", ""}, // row 8
		}, map[[2]string]string{
			{"3", "公民身份号码"}: "本库中没有", {"4", "年度"}: "应为年份", {"5", "承诺日期"}: "晚于今天",
			{"5", "践诺评议"}: "应为以下之一", {"6", "年度"}: "与第2行重复", {"7", "姓名"}: "与公民身份号码不符",
			{"8", "评议日期"}: "不能为空",
		}},
		{Courses, [][]any{
			{"2026", "没有的计划", "课程", "2", "", "", ""},
			{"2026", "学习党章", "课程", "2", "无名氏", "", ""},
		}, map[[2]string]string{
			{"2", "计划课程"}: "培训计划中没有课程“没有的计划”", {"3", "授课教师"}: "没有名为“无名氏”的党校教师",
		}},
		{LeaderLinks, [][]any{
			{fx.leaderID, "王建国", "支部", "2023级本科生第一党支部", "2026-01-01", "", ""},
			{fx.memberID, "李红梅", "班级", "计科2301班", "2026-01-01", "", ""},
			{fx.leaderID, "王建国", "群众", "张三", "", "", ""},
		}, map[[2]string]string{
			{"3", "公民身份号码"}: "不是党员领导干部", {"4", "联系类型"}: "应为以下之一",
		}},
		{LeaderVisits, [][]any{
			{fx.leaderID, "王建国", "班级", "计科2301班", "2026-03-01", "座谈"},
		}, map[[2]string]string{
			{"2", "联系对象"}: "请先导入领导干部联系点",
		}},
		{Posts, [][]any{
			{fx.leaderID, "王建国", "支委会", "书记", "", "2024-06-01", "", ""},
			{fx.leaderID, "王建国", "党委", "委员", "不存在的支部", "2024-06-01", "", ""},
		}, map[[2]string]string{
			{"2", "所在支部"}: "支委会职务须填写所在支部", {"3", "所在支部"}: "本库中没有名为“不存在的支部”的支部",
		}},
		{Episodes, [][]any{
			{fx.memberID, "李红梅", "出国（境）学习研究", "2025-09-01", "", "", "", "", "", ""},
			{fx.memberID, "李红梅", "出差", "2025-09-01", "", "", "", "", "", ""},
		}, map[[2]string]string{
			{"2", "地点"}: "须填写国家或地区", {"3", "情形"}: "应为以下之一",
		}},
	}
	for _, c := range cases {
		rep, err := run(t, fx.s, c.kind, book(t, headersOf(c.kind), c.rows...), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		if rep.Written {
			t.Errorf("%s: a sheet with problems was written", c.kind)
		}
		t.Run(string(c.kind), func(t *testing.T) { wantProblems(t, rep, c.want) })
	}
}

// A row of the member file updates the stored record it matches on its
// natural key; a column the sheet lacks keeps the stored value.
func TestRecordSheetsUpdateOnTheNaturalKey(t *testing.T) {
	fx := newRecordFixture(t)
	ctx := context.Background()
	heads := headersOf(Corrections)
	row := []any{fx.memberID, "李红梅", "2026-03-01", "", "长期不参加组织生活", "", ""}
	rep, err := run(t, fx.s, Corrections, book(t, heads, row), Options{})
	if err != nil || rep.Created != 1 {
		t.Fatalf("first import: %+v %v\n%s", rep, err, problemsText(rep))
	}
	row[5], row[6] = "已改正", "2026-10-01"
	rep, err = run(t, fx.s, Corrections, book(t, heads, row), Options{})
	if err != nil || rep.Updated != 1 || rep.Created != 0 {
		t.Fatalf("second import: %+v %v\n%s", rep, err, problemsText(rep))
	}
	// Without the 事由 column the stored 事由 stays.
	short := slices.DeleteFunc(slices.Clone(heads), func(h string) bool { return h == "事由" })
	rep, err = run(t, fx.s, Corrections, book(t, short, []any{fx.memberID, "李红梅", "2026-03-01", "2027-03-01", "已改正", "2026-10-01"}),
		Options{})
	if err != nil || rep.Updated != 1 {
		t.Fatalf("third import: %+v %v\n%s", rep, err, problemsText(rep))
	}
	got, _ := fx.s.Corrections.List(ctx)
	if len(got) != 1 || got[0].Reason != "长期不参加组织生活" || got[0].Outcome != "已改正" ||
		got[0].Deadline != data.NewDate(2027, 3, 1) {
		t.Fatalf("stored corrections: %+v", got)
	}
}

// The export of a year keeps the records of that year: by date, or, for
// what runs over a period (posts, episodes, links), those in force during
// it.
func TestRecordSheetsExportOfAYear(t *testing.T) {
	s := testStore(t)
	seedRecords(t, s)
	ctx := context.Background()
	count := func(k Kind, year int) int {
		var buf bytes.Buffer
		n, err := Export(ctx, s, k, &buf, year, nil)
		if err != nil {
			t.Fatalf("%s %d: %v", k, year, err)
		}
		return n
	}
	for _, c := range []struct {
		kind        Kind
		year, count int
	}{
		{Pledges, 2026, 1}, {Pledges, 2025, 1}, {Corrections, 2025, 1}, {Posts, 2023, 1}, {Posts, 2026, 3},
		{Episodes, 2025, 1}, {Courses, 2025, 1}, {LeaderLinks, 2025, 0}, {LeaderVisits, 2026, 4},
		{Practice, 2025, 1}, {Practice, 2026, 2}, {Teachers, 2020, 2},
	} {
		if got := count(c.kind, c.year); got != c.count {
			t.Errorf("%s of %d: %d rows, want %d", c.kind, c.year, got, c.count)
		}
	}
	// The liaison with a 群众 is no 领导干部联系点.
	if got := count(LeaderLinks, 0); got != 2 {
		t.Errorf("leader links: %d rows, want 2", got)
	}
}

func TestParseKindKnowsTheRecordKinds(t *testing.T) {
	for _, k := range recordKinds {
		if got, err := ParseKind(string(k)); err != nil || got != k {
			t.Errorf("ParseKind(%s) = %s, %v", k, got, err)
		}
		if LayoutOf(k).Title == "" || LayoutOf(k).Key == "" || exporters[k] == nil {
			t.Errorf("%s: layout or exporter missing", k)
		}
	}
	_, err := ParseKind("nonsense")
	if err == nil || !strings.Contains(err.Error(), "leader-visits") {
		t.Errorf("ParseKind's error does not list the kinds: %v", err)
	}
}

// The training sheet's 证书编号 is the attendee's: given, it is stored (and
// changed by a later sheet); a sheet of the older layout without the
// column keeps it.
func TestTrainingCertificate(t *testing.T) {
	fx := newRecordFixture(t)
	ctx := context.Background()
	heads := headersOf(Training)
	row := []any{fx.memberID, "李红梅", "2026-03-05", "4", "培训班", "学习党章", "二级党校", "", "DX2026-001"}
	if rep, err := run(t, fx.s, Training, book(t, heads, row), Options{}); err != nil || rep.Created != 1 {
		t.Fatalf("import: %+v %v\n%s", rep, err, problemsText(rep))
	}
	row[8] = "DX2026-002"
	if rep, err := run(t, fx.s, Training, book(t, heads, row), Options{}); err != nil || rep.Updated != 1 {
		t.Fatalf("changed certificate: %+v %v\n%s", rep, err, problemsText(rep))
	}
	old := heads[:len(heads)-1]
	if rep, err := run(t, fx.s, Training, book(t, old, row[:len(row)-1]), Options{}); err != nil || rep.Unchanged != 1 {
		t.Fatalf("older layout: %+v %v\n%s", rep, err, problemsText(rep))
	}
	as, _ := fx.s.TrainingAttendees.List(ctx)
	if len(as) != 1 || as[0].Certificate != "DX2026-002" {
		t.Fatalf("attendees: %+v", as)
	}
}
