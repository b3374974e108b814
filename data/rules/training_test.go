package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

func TestTrain(t *testing.T) {
	type hours struct {
		form vocab.TrainingForm
		h    float64
	}
	tests := []struct {
		name   string
		asOf   time.Time
		m      Member
		hours  []hours
		self   bool // SelfStudyCounts
		want32 []string
		want56 []string
	}{
		{name: "short", m: member("1", "甲", "b"), hours: []hours{{"培训班", 10}, {"党课", 8}},
			want32: []string{"2026年集中学习18学时，不足32学时"}},
		{name: "half hours", m: member("1", "甲", "b"), hours: []hours{{"培训班", 10}, {"网络培训", 8.5}},
			want32: []string{"2026年集中学习18.5学时，不足32学时"}},
		{name: "exactly 32", m: member("1", "甲", "b"), hours: []hours{{"培训班", 20}, {"集体学习", 12}}},
		{name: "decimals sum exactly", m: member("1", "甲", "b"),
			hours: []hours{{"党课", 10.1}, {"报告会", 10.1}, {"专题研讨", 11.8}}},
		{name: "self-study does not count", m: member("1", "甲", "b"),
			hours: []hours{{"培训班", 30}, {"个人自学", 10}}, want32: []string{"2026年集中学习30学时，不足32学时"}},
		{name: "self-study counts when set", m: member("1", "甲", "b"), self: true,
			hours: []hours{{"培训班", 30}, {"个人自学", 10}}},
		{name: "none at all", m: member("1", "甲", "b"), want32: []string{"2026年集中学习0学时，不足32学时"}},
		{name: "joined mid-year prorated", m: member("1", "甲", "b", joined(d(2026, 7, 10)), probationary),
			hours: []hours{{"培训班", 6}}, want32: []string{"2026年集中学习6学时，不足16学时（7月起按6个月折算）"}},
		{name: "transferred in mid-year prorated, rounded up", m: member("1", "甲", "b", sinceDate(d(2026, 8, 20))),
			hours: []hours{{"培训班", 13.5}}, want32: []string{"2026年集中学习13.5学时，不足14学时（8月起按5个月折算）"}},
		{name: "prorated met", m: member("1", "甲", "b", sinceDate(d(2026, 8, 20))), hours: []hours{{"培训班", 14}}},
		{name: "came in January: full year, no note", m: member("1", "甲", "b", sinceDate(d(2026, 1, 20))),
			hours: []hours{{"培训班", 31}}, want32: []string{"2026年集中学习31学时，不足32学时"}},
		{name: "came after the year: skipped", m: member("1", "甲", "b", sinceDate(d(2027, 2, 1)))},
		{name: "Since before Joined: Joined wins", m: member("1", "甲", "b", joined(d(2026, 7, 1)), sinceDate(d(2020, 1, 1))),
			want32: []string{"2026年集中学习0学时，不足16学时（7月起按6个月折算）"}},
		{name: "secretary", m: member("1", "甲", "b", post("支部书记")), hours: []hours{{"培训班", 40}},
			want56: []string{"2026年集中学习40学时，不足56学时（班子成员）"}},
		{name: "committee member meeting 56", m: member("1", "甲", "b", post("组织委员")), hours: []hours{{"培训班", 56}}},
		{name: "committee member short, not TRAIN-32", m: member("1", "甲", "b", post("宣传委员")),
			hours: []hours{{"培训班", 33}}, want56: []string{"2026年集中学习33学时，不足56学时（班子成员）"}},
		{name: "committee prorated", m: member("1", "甲", "b", post("副书记"), sinceDate(d(2026, 7, 1))),
			hours: []hours{{"培训班", 20}}, want56: []string{"2026年集中学习20学时，不足28学时（班子成员，7月起按6个月折算）"}},
		{name: "leader without a post is checked against 32", m: member("1", "甲", "b", leader),
			hours: []hours{{"培训班", 40}}},
		{name: "not 正常: skipped", m: member("1", "甲", "b", status("停止党籍"))},
		{name: "transferred out: skipped", m: member("1", "甲", "b", status("已转出"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asOf := tt.asOf
			if asOf.IsZero() {
				asOf = d(2026, 11, 15)
			}
			f := newFacts(2026, asOf)
			f.Branches = []Branch{branch("b", "一支部")}
			f.Members = []Member{tt.m}
			for _, h := range tt.hours {
				f.Training = append(f.Training, TrainingTotal{MemberID: tt.m.ID, Form: h.form, Hours: h.h})
			}
			s := DefaultSettings()
			s.SelfStudyCounts = tt.self
			got32, got56 := Train32(f, s), Train56(f, s)
			sameLines(t, details(got32), tt.want32)
			sameLines(t, details(got56), tt.want56)
			for _, fd := range append(got32, got56...) {
				if fd.Branch != "一支部" || fd.Member != "甲" || fd.MemberID != "1" || fd.BranchID != "b" {
					t.Errorf("finding not attributed: %+v", fd)
				}
			}
		})
	}
}

func TestTrainRules(t *testing.T) {
	f := newFacts(2026, d(2026, 11, 15))
	f.Branches = []Branch{branch("b", "一支部")}
	f.Members = []Member{member("1", "甲", "b"), member("2", "乙", "b", post("书记"))}
	fs := All(f, DefaultSettings())
	var rules []string
	for _, fd := range fs {
		if fd.Rule == "TRAIN-32" || fd.Rule == "TRAIN-56" {
			rules = append(rules, string(fd.Rule)+"|"+fd.Member)
		}
	}
	sameLines(t, rules, []string{"TRAIN-32|甲", "TRAIN-56|乙"})
}

func TestLecture(t *testing.T) {
	tests := []struct {
		name     string
		asOf     time.Time
		m        Member
		lectures []Lecture
		want     []string
	}{
		{"leader without", d(2026, 11, 15), member("1", "甲", "b", leader), nil,
			[]string{"2026年尚未讲授党课或作形势报告"}},
		{"leader without, year ended", d(2027, 1, 1), member("1", "甲", "b", leader), nil,
			[]string{"2026年未讲授党课或作形势报告"}},
		{"last day of the year is not ended", d(2026, 12, 31), member("1", "甲", "b", leader), nil,
			[]string{"2026年尚未讲授党课或作形势报告"}},
		{"leader with one", d(2026, 11, 15), member("1", "甲", "b", leader),
			[]Lecture{{MemberID: "1", Date: d(2026, 4, 1)}}, nil},
		{"lecture of last year does not count", d(2026, 11, 15), member("1", "甲", "b", leader),
			[]Lecture{{MemberID: "1", Date: d(2025, 4, 1)}}, []string{"2026年尚未讲授党课或作形势报告"}},
		{"someone else's lecture", d(2026, 11, 15), member("1", "甲", "b", leader),
			[]Lecture{{MemberID: "2", Date: d(2026, 4, 1)}}, []string{"2026年尚未讲授党课或作形势报告"}},
		{"not a leader", d(2026, 11, 15), member("1", "甲", "b"), nil, nil},
		{"leader not 正常", d(2026, 11, 15), member("1", "甲", "b", leader, status("停止党籍")), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Branches = []Branch{branch("b", "一支部")}
			f.Members = []Member{tt.m}
			f.Lectures = tt.lectures
			sameLines(t, details(LectureRule(f, DefaultSettings())), tt.want)
		})
	}
}
