package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

// complete fills every field PROFILE asks for.
func complete(m *Member) {
	m.Ethnicity, m.Education, m.Birth = "汉族", "大学本科", d(1980, 1, 1)
	m.HasNativePlace, m.HasWorkUnit, m.HasHousehold, m.HasResidence, m.HasPhone = true, true, true, true, true
}

func TestProfile(t *testing.T) {
	tests := []struct {
		name string
		opts []func(*Member)
		eps  []Episode
		want []string
	}{
		{name: "complete", opts: []func(*Member){complete}},
		{name: "nothing but the basics", want: []string{
			"缺少民族、学历、籍贯、出生日期、联系电话、工作单位及职务、户籍所在地、现居住地"}},
		{name: "单位职务或院系班级 stands for 工作单位及职务",
			opts: []func(*Member){complete, func(m *Member) { m.HasWorkUnit, m.HasPosition = false, true }}},
		{name: "no 入党日期 or 人员类别", opts: []func(*Member){complete, func(m *Member) { m.Joined, m.PersonType = time.Time{}, "" }},
			want: []string{"缺少入党日期、人员类别"}},
		{name: "marked 失联", opts: []func(*Member){complete, func(m *Member) { m.LostContact = true }},
			want: []string{"缺少失联情形、失联日期"}},
		{name: "an open 失联 episode gives the date", opts: []func(*Member){complete},
			eps:  []Episode{{MemberID: "1", Kind: vocab.EpisodeLost, Since: d(2026, 1, 1)}},
			want: []string{"缺少失联情形"}},
		{name: "an open 失联 episode with its circumstances", opts: []func(*Member){complete},
			eps: []Episode{{MemberID: "1", Kind: vocab.EpisodeLost, Since: d(2026, 1, 1), Circumstances: true}}},
		{name: "an ended 失联 episode", opts: []func(*Member){complete},
			eps: []Episode{{MemberID: "1", Kind: vocab.EpisodeLost, Since: d(2025, 1, 1), Until: d(2025, 6, 1)}}},
		{name: "失联日期 only on the record", opts: []func(*Member){complete, func(m *Member) { m.LostDate = d(2026, 1, 1) }},
			want: []string{"缺少失联情形"}},
		{name: "失联情形 only on the record", opts: []func(*Member){complete, func(m *Member) { m.HasLostCircumstance = true }},
			want: []string{"缺少失联日期"}},
		{name: "失联 with both", opts: []func(*Member){complete, func(m *Member) {
			m.LostContact, m.HasLostCircumstance, m.LostDate = true, true, d(2026, 1, 1)
		}}},
		{name: "not on the rolls", opts: []func(*Member){status(vocab.StatusTransferred)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := episodeFacts(d(2026, 6, 1), tt.eps, tt.opts...)
			sameLines(t, details(Profile(f, DefaultSettings())), tt.want)
		})
	}
}

// The status timers lower the score (EVAL's open alerts); the practice
// rules, BRANCH-SHAPE and PROFILE do not.
func TestNewRulesInScore(t *testing.T) {
	in := map[int]bool{}
	for _, r := range alertRules {
		in[r] = true
	}
	for _, r := range []int{rLostContact, rAbroad, rAway, rGraduate, rCorrection} {
		if !in[r] {
			t.Errorf("%s findings should lower the alerts part", ruleIDs[r])
		}
	}
	for _, r := range []int{rPledge, rVolunteer, rLeaderLink, rBranchShape, rProfile} {
		if in[r] {
			t.Errorf("%s findings should not lower the score", ruleIDs[r])
		}
	}
	// One member of two with an AWAY finding and nothing else open.
	f := newFacts(2026, d(2026, 1, 1))
	f.Branches = []Branch{branch("b", "一支部")}
	f.Members = []Member{member("1", "甲", "b", complete), member("2", "乙", "b", complete)}
	for _, id := range []string{"1", "2"} {
		f.Training = append(f.Training, TrainingTotal{MemberID: id, Form: vocab.FormLecture, Hours: 40})
		f.Talks = append(f.Talks, Talk{MemberID: id, Date: d(2026, 1, 1)})
		f.Agreements = append(f.Agreements, Agreement{MemberID: id, Signed: d(2026, 1, 1)})
		f.LastAttended[id], f.LastPaid[id] = d(2025, 12, 20), d(2025, 12, 1)
	}
	base := Scores(f, DefaultSettings())[0].Alerts
	f.Episodes = []Episode{{MemberID: "1", Kind: vocab.EpisodeAway, Since: d(2025, 1, 1), Place: "深圳市"}}
	if got := Scores(f, DefaultSettings())[0].Alerts; got >= base {
		t.Errorf("alerts %v with an AWAY finding, %v without", got, base)
	}
}
