package rules

import (
	"fmt"
	"testing"
	"time"

	"dangjian/data/vocab"
)

// graded adds n 正式党员 of branch b graded grade.
func graded(f *Facts, b string, grade vocab.Grade, n int) {
	for range n {
		id := fmt.Sprintf("%s-%d", b, len(f.Members))
		f.Members = append(f.Members, member(id, "党员"+id, b))
		f.Appraisals = append(f.Appraisals, Appraisal{MemberID: id, Grade: grade})
	}
}

func TestAppraise(t *testing.T) {
	f := newFacts(2026, d(2026, 12, 20))
	f.Branches = []Branch{branch("a", "一支部"), branch("b", "二支部"), branch("c", "三支部")}
	// a: 5 优秀 of 15 graded, exactly one third: no warning. A graded
	// 预备党员 is flagged and not counted (else 6 of 16 would warn).
	graded(f, "a", "优秀", 5)
	graded(f, "a", "合格", 10)
	f.Members = append(f.Members,
		member("pa", "预甲", "a", probationary), member("pb", "预乙", "a", probationary),
		member("gone", "离甲", "a", status("已转出")))
	f.Appraisals = append(f.Appraisals,
		Appraisal{MemberID: "pa", Grade: "优秀"}, Appraisal{MemberID: "pb"},
		Appraisal{MemberID: "gone", Grade: "优秀"})
	// b: 6 of 15 graded: warning. Ungraded 正式 members do not count.
	graded(f, "b", "优秀", 6)
	graded(f, "b", "合格", 9)
	graded(f, "b", "", 5)
	// c: 不合格 with and without follow-up.
	f.Members = append(f.Members, member("u1", "丙甲", "c"), member("u2", "丙乙", "c"), member("u3", "丙丙", "c"))
	f.Appraisals = append(f.Appraisals,
		Appraisal{MemberID: "u1", Grade: "不合格"},
		Appraisal{MemberID: "u2", Grade: "不合格", FollowUp: "2026年12月支部书记谈话教育"},
		Appraisal{MemberID: "u3", Grade: "不合格", FollowUp: "  "})
	want := []string{
		"APPRAISE|一支部|预甲|预备党员参加民主评议但不评定等次，请删除等次",
		"APPRAISE|二支部||2026年民主评议优秀6人，超过参评15人的三分之一",
		"APPRAISE|三支部|丙丙|2026年民主评议为不合格，尚无教育或处置记录",
		"APPRAISE|三支部|丙甲|2026年民主评议为不合格，尚无教育或处置记录",
	}
	sameLines(t, lines(Appraise(f, DefaultSettings())), want)

	s := DefaultSettings()
	if err := s.Set("appraise.excellent_max", "35%"); err != nil {
		t.Fatal(err)
	}
	// 5/15 = 33% and 6/15 = 40%: only b is over 35%.
	got := Appraise(f, s)
	if len(got) != 4 || got[1].Detail != "2026年民主评议优秀6人，超过参评15人的35%" {
		t.Errorf("with 35%%: %v", lines(got))
	}
}

func TestAppraiseRatioBoundary(t *testing.T) {
	tests := []struct {
		excellent, others int
		warn              bool
	}{
		{0, 0, false}, {1, 2, false}, {1, 1, true}, {2, 4, false}, {3, 5, true}, {33, 66, false}, {34, 66, true},
	}
	for _, tt := range tests {
		f := newFacts(2026, d(2026, 12, 20))
		f.Branches = []Branch{branch("a", "一支部")}
		graded(f, "a", "优秀", tt.excellent)
		graded(f, "a", "合格", tt.others)
		if got := len(Appraise(f, DefaultSettings())) > 0; got != tt.warn {
			t.Errorf("%d 优秀 of %d: warn = %v, want %v", tt.excellent, tt.excellent+tt.others, got, tt.warn)
		}
	}
}

func TestSixMonth(t *testing.T) {
	asOf := d(2026, 11, 15)
	// monthsAgo gives a date n whole months before AsOf's month.
	monthsAgo := func(n int) time.Time { return d(2026, 11-n-1, 20) }
	tests := []struct {
		name     string
		m        Member
		attended time.Time
		paid     time.Time
		want     []string
	}{
		{"2 months", member("1", "甲", "b"), monthsAgo(2), monthsAgo(2), nil},
		{"3 months", member("1", "甲", "b"), monthsAgo(3), monthsAgo(3), []string{
			"已连续3个月未交纳党费（预警）", "已连续3个月未参加党的组织生活（预警）"}},
		{"5 months", member("1", "甲", "b"), monthsAgo(5), monthsAgo(5), []string{
			"已连续5个月未交纳党费（预警）", "已连续5个月未参加党的组织生活（预警）"}},
		{"6 months", member("1", "甲", "b"), monthsAgo(6), monthsAgo(6), []string{
			"已连续6个月未交纳党费，存在自行脱党风险", "已连续6个月未参加党的组织生活，存在自行脱党风险"}},
		{"attendance 6, dues 2", member("1", "甲", "b"), monthsAgo(6), monthsAgo(2), []string{
			"已连续6个月未参加党的组织生活，存在自行脱党风险"}},
		{"attendance 2, dues 4", member("1", "甲", "b"), monthsAgo(2), d(2026, 6, 1), []string{
			"已连续4个月未交纳党费（预警）"}},
		{"this month and last month", member("1", "甲", "b"), d(2026, 11, 2), d(2026, 10, 1), nil},
		{"across the new year", member("1", "甲", "b"), d(2025, 12, 31), d(2026, 4, 1), []string{
			"已连续6个月未交纳党费，存在自行脱党风险", "已连续10个月未参加党的组织生活，存在自行脱党风险"}},
		// Dues are owed from the month of arrival (as the ledger owes them:
		// March to October); attendance is counted from the next month.
		{"never: counted from Since", member("1", "甲", "b", sinceDate(d(2026, 3, 10))), time.Time{}, time.Time{}, []string{
			"已连续7个月未参加党的组织生活，存在自行脱党风险", "已连续8个月未交纳党费，存在自行脱党风险"}},
		{"never: counted from Joined", member("1", "甲", "b", joined(d(2026, 7, 1)), probationary), time.Time{}, time.Time{}, []string{
			"已连续3个月未参加党的组织生活（预警）", "已连续4个月未交纳党费（预警）"}},
		{"old records before Since: from Since", member("1", "甲", "b", sinceDate(d(2026, 9, 1))),
			d(2025, 1, 1), d(2025, 1, 1), nil},
		{"came this month: not checked", member("1", "甲", "b", sinceDate(d(2026, 11, 1))), time.Time{}, time.Time{}, nil},
		{"came after AsOf: not checked", member("1", "甲", "b", sinceDate(d(2026, 12, 1))), time.Time{}, time.Time{}, nil},
		{"exempt from dues", member("1", "甲", "b", exempt), monthsAgo(6), time.Time{}, []string{
			"已连续6个月未参加党的组织生活，存在自行脱党风险"}},
		{"not 正常", member("1", "甲", "b", status("停止党籍")), monthsAgo(9), monthsAgo(9), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, asOf)
			f.Branches = []Branch{branch("b", "一支部")}
			f.Members = []Member{tt.m}
			if !tt.attended.IsZero() {
				f.LastAttended["1"] = tt.attended
			}
			if !tt.paid.IsZero() {
				f.LastPaid["1"] = tt.paid
			}
			sameLines(t, details(SixMonth(f, DefaultSettings())), tt.want)
		})
	}
}

func TestTalk(t *testing.T) {
	f := newFacts(2026, d(2026, 11, 15))
	f.Branches = []Branch{branch("b", "一支部")}
	f.Members = []Member{
		member("1", "甲", "b"), member("2", "乙", "b"), member("3", "丙", "b", status("已转出")),
		member("4", "丁", "b", sinceDate(d(2027, 3, 1))),
	}
	f.Talks = []Talk{{MemberID: "1", Date: d(2026, 5, 1)}, {MemberID: "2", Date: d(2025, 5, 1)}}
	sameLines(t, lines(TalkRule(f, DefaultSettings())), []string{"TALK|一支部|乙|2026年尚未开展谈心谈话"})
	f.AsOf = d(2027, 1, 1)
	sameLines(t, lines(TalkRule(f, DefaultSettings())), []string{"TALK|一支部|乙|2026年未开展谈心谈话"})
}

func TestLiaison(t *testing.T) {
	tests := []struct {
		name  string
		m     Member
		kinds []vocab.LiaisonKind
		want  []string
	}{
		{"在职 complete", member("1", "甲", "b"), []vocab.LiaisonKind{"群众", "困难学生"}, nil},
		{"在职 missing one", member("1", "甲", "b"), []vocab.LiaisonKind{"群众"}, []string{"未落实联系困难学生"}},
		{"学生 missing both", member("1", "甲", "b", personType("学生")), nil, []string{"未落实联系群众、困难学生"}},
		{"离退休: not by default", member("1", "甲", "b", personType("离退休")), nil, nil},
		{"其他 complete", member("1", "甲", "b", personType("其他")), []vocab.LiaisonKind{"群众", "困难学生"}, nil},
		{"leader missing 支部 and 班级", member("1", "甲", "b", leader), []vocab.LiaisonKind{"群众", "困难学生"},
			[]string{"未落实联系党支部、班级"}},
		{"leader missing all, in fixed order", member("1", "甲", "b", leader), nil,
			[]string{"未落实联系群众、困难学生、党支部、班级"}},
		{"leader missing 群众 and 班级", member("1", "甲", "b", leader), []vocab.LiaisonKind{"支部", "困难学生"},
			[]string{"未落实联系群众、班级"}},
		{"离退休 leader: not by default", member("1", "甲", "b", leader, personType("离退休")), []vocab.LiaisonKind{"班级"},
			nil},
		{"not 正常", member("1", "甲", "b", status("停止党籍")), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, d(2026, 11, 15))
			f.Members = []Member{tt.m}
			for _, k := range tt.kinds {
				f.Liaisons = append(f.Liaisons, Liaison{MemberID: "1", Kind: k})
			}
			f.Liaisons = append(f.Liaisons, Liaison{MemberID: "2", Kind: "群众"})
			sameLines(t, details(LiaisonRule(f, DefaultSettings())), tt.want)
		})
	}
}

func TestTarget(t *testing.T) {
	tests := []struct {
		name  string
		asOf  time.Time
		agree []Agreement
		want  []string
	}{
		{"none", d(2026, 11, 15), nil, []string{"2026年尚未签订党员目标管理责任书"}},
		{"not signed yet", d(2026, 11, 15), []Agreement{{MemberID: "1"}}, []string{"2026年尚未签订党员目标管理责任书"}},
		{"signed", d(2026, 11, 15), []Agreement{{MemberID: "1", Signed: d(2026, 3, 1)}}, nil},
		{"none, year ended", d(2027, 1, 1), nil, []string{"2026年未签订党员目标管理责任书"}},
		{"signed not scored, year ended", d(2027, 1, 1), []Agreement{{MemberID: "1", Signed: d(2026, 3, 1)}},
			[]string{"2026年目标管理责任书完成情况尚未评定"}},
		{"signed and scored", d(2027, 1, 1), []Agreement{{MemberID: "1", Signed: d(2026, 3, 1), Scored: true}}, nil},
		{"someone else's", d(2026, 11, 15), []Agreement{{MemberID: "2", Signed: d(2026, 3, 1)}},
			[]string{"2026年尚未签订党员目标管理责任书"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Members = []Member{member("1", "甲", "b"), member("3", "丙", "b", status("停止党籍"))}
			f.Agreements = tt.agree
			sameLines(t, details(Target(f, DefaultSettings())), tt.want)
		})
	}
}
