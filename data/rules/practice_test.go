package rules

import (
	"fmt"
	"testing"
	"time"

	"dangjian/data/vocab"
)

func TestPledge(t *testing.T) {
	tests := []struct {
		name    string
		asOf    time.Time
		pledges []Pledge
		opts    []func(*Member)
		cov     time.Time
		want    []string
	}{
		{name: "on the set date itself: not yet", asOf: d(2026, 3, 31)},
		{name: "the day after, none", asOf: d(2026, 4, 1), want: []string{"2026年未在3月31日前公开承诺"}},
		{name: "made on the set date", asOf: d(2026, 4, 1), pledges: []Pledge{{MemberID: "1", Pledged: d(2026, 3, 31)}}},
		{name: "made late", asOf: d(2026, 6, 1), pledges: []Pledge{{MemberID: "1", Pledged: d(2026, 4, 10)}},
			want: []string{"2026年公开承诺于2026年4月10日，晚于3月31日"}},
		{name: "came after the set date", asOf: d(2026, 6, 1), opts: []func(*Member){sinceDate(d(2026, 4, 1))}},
		{name: "records begin after the set date", asOf: d(2026, 6, 1), cov: d(2026, 5, 1)},
		{name: "year running, not reviewed", asOf: d(2026, 12, 31),
			pledges: []Pledge{{MemberID: "1", Pledged: d(2026, 3, 1)}}},
		{name: "year ended, not reviewed", asOf: d(2027, 1, 1),
			pledges: []Pledge{{MemberID: "1", Pledged: d(2026, 3, 1)}}, want: []string{"2026年承诺尚未践诺评议"}},
		{name: "year ended, reviewed", asOf: d(2027, 1, 1),
			pledges: []Pledge{{MemberID: "1", Pledged: d(2026, 3, 1), Reviewed: true}}},
		{name: "not on the rolls", asOf: d(2026, 6, 1), opts: []func(*Member){status(vocab.StatusSuspended)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Branches = []Branch{branch("b", "一支部")}
			// Another member's 承诺, reviewed: the organization records them.
			f.Members = []Member{member("1", "甲", "b", tt.opts...), member("2", "乙", "b")}
			f.Pledges = append([]Pledge{{MemberID: "2", Pledged: d(2026, 3, 1), Reviewed: true}}, tt.pledges...)
			if !tt.cov.IsZero() {
				f.Coverage = Coverage{Meetings: tt.cov, Training: tt.cov, Dues: tt.cov, Talks: tt.cov, Agreements: tt.cov}
			}
			sameLines(t, details(PledgeRule(f, DefaultSettings())), tt.want)
		})
	}
	// The set date is a setting.
	f := newFacts(2026, d(2026, 4, 20))
	f.Branches = []Branch{branch("b", "一支部")}
	f.Members = []Member{member("1", "甲", "b")}
	s := DefaultSettings()
	if err := s.Set("pledge.by", "04-30"); err != nil {
		t.Fatal(err)
	}
	if got := PledgeRule(f, s); len(got) != 0 {
		t.Errorf("before a later set date: %v", lines(got))
	}
}

func TestVolunteer(t *testing.T) {
	tests := []struct {
		name  string
		asOf  time.Time
		hours float64
		opts  []func(*Member)
		want  []string
	}{
		{name: "enough", asOf: d(2027, 1, 1), hours: 8},
		{name: "short", asOf: d(2027, 1, 1), hours: 7.5, want: []string{"2026年志愿服务7.5小时，不足8小时"}},
		{name: "came in July: prorated", asOf: d(2027, 1, 1), hours: 3, opts: []func(*Member){sinceDate(d(2026, 7, 1))},
			want: []string{"2026年志愿服务3小时，不足4小时（7月起按6个月折算）"}},
		{name: "prorated and met", asOf: d(2027, 1, 1), hours: 4, opts: []func(*Member){sinceDate(d(2026, 7, 1))}},
		{name: "a type with no threshold", asOf: d(2027, 1, 1), opts: []func(*Member){personType(vocab.PersonRetired)}},
		{name: "students have their own", asOf: d(2027, 1, 1), hours: 3, opts: []func(*Member){personType(vocab.PersonStudent)},
			want: []string{"2026年志愿服务3小时，不足4小时"}},
		{name: "came this month: not yet", asOf: d(2026, 7, 20), opts: []func(*Member){sinceDate(d(2026, 7, 1))}},
	}
	s := DefaultSettings()
	s.VolunteerHours = [numPersonTypes]int{8, 4, 0, 0}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Branches = []Branch{branch("b", "一支部")}
			f.Members = []Member{member("1", "甲", "b", tt.opts...)}
			if tt.hours > 0 {
				f.Volunteer = []VolunteerTotal{{MemberID: "1", Hours: tt.hours / 2}, {MemberID: "1", Hours: tt.hours / 2}}
			}
			sameLines(t, details(VolunteerRule(f, s)), tt.want)
		})
	}
	// Off by default.
	f := newFacts(2026, d(2027, 1, 1))
	f.Branches = []Branch{branch("b", "一支部")}
	f.Members = []Member{member("1", "甲", "b")}
	if got := VolunteerRule(f, DefaultSettings()); len(got) != 0 {
		t.Errorf("VOLUNTEER with the defaults: %v", lines(got))
	}
}

func TestLeaderLink(t *testing.T) {
	branchLink := func(visits int) LeaderLink {
		return LeaderLink{ID: "l1", MemberID: "1", Kind: vocab.LiaisonBranch, Contact: "学生第一党支部", Visits: visits}
	}
	classLink := func(visits int) LeaderLink {
		return LeaderLink{ID: "l2", MemberID: "1", Kind: vocab.LiaisonClass, Contact: "计科2301班", Visits: visits}
	}
	tests := []struct {
		name  string
		asOf  time.Time
		links []LeaderLink
		opts  []func(*Member)
		want  []string
	}{
		{name: "both, visited twice", asOf: d(2027, 1, 1), links: []LeaderLink{branchLink(2), classLink(3)}},
		{name: "none", asOf: d(2027, 1, 1), want: []string{"2026年未确定联系党支部", "2026年未确定联系班级"}},
		{name: "one visit after the year", asOf: d(2027, 1, 1), links: []LeaderLink{branchLink(1), classLink(2)},
			want: []string{"2026年到联系党支部“学生第一党支部”1次，未达到2次"}},
		{name: "while the year runs", asOf: d(2026, 6, 1), links: []LeaderLink{branchLink(2), classLink(0)},
			want: []string{"2026年到联系班级“计科2301班”0次，尚未达到2次"}},
		{name: "ended before the year", asOf: d(2027, 1, 1),
			links: []LeaderLink{{ID: "l1", MemberID: "1", Kind: vocab.LiaisonBranch, Contact: "x", Until: d(2025, 12, 31), Visits: 2}, classLink(2)},
			want:  []string{"2026年未确定联系党支部"}},
		{name: "not a leader", asOf: d(2027, 1, 1), opts: []func(*Member){func(m *Member) { m.IsLeader = false }}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Branches = []Branch{branch("b", "一支部")}
			f.Members = []Member{member("1", "甲", "b", append([]func(*Member){leader}, tt.opts...)...)}
			f.LeaderLinks = tt.links
			sameLines(t, details(LeaderLinkRule(f, DefaultSettings())), tt.want)
		})
	}
}

// An organization with no 承诺 of the year recorded at all is told once
// per branch; one with any, per member.
func TestPledgeNoneRecorded(t *testing.T) {
	f := newFacts(2026, d(2026, 4, 1))
	f.Branches = []Branch{
		{ID: "a1", OrgID: "A", Name: "甲一支部"}, {ID: "a2", OrgID: "A", Name: "甲二支部"},
		{ID: "b1", OrgID: "B", Name: "乙一支部"}, {ID: "a3", OrgID: "A", Name: "甲三支部"},
	}
	for i, b := range []string{"a1", "a1", "a2", "b1", "b1"} {
		m := member(fmt.Sprintf("m%d", i), fmt.Sprintf("党员%d", i), b)
		m.OrgID = "A"
		if b == "b1" {
			m.OrgID = "B"
		}
		f.Members = append(f.Members, m)
	}
	f.Pledges = []Pledge{{MemberID: "m3", Pledged: d(2026, 3, 1)}}
	var got []string
	for _, fd := range PledgeRule(f, DefaultSettings()) {
		got = append(got, fd.Branch+"|"+fd.Member+"|"+fd.Detail)
	}
	sameLines(t, got, []string{
		"甲一支部||本年度尚无党员公开承诺记录（应于3月31日前公开承诺）",
		"甲二支部||本年度尚无党员公开承诺记录（应于3月31日前公开承诺）",
		"乙一支部|党员4|2026年未在3月31日前公开承诺",
	})
	// Per organization in a consolidated database, the same.
	var parts []*Figures
	for _, org := range []string{"A", "B"} {
		parts = append(parts, NewFigures(f.ForOrg(org), DefaultSettings()))
	}
	got = nil
	for _, fd := range Together(f, parts).Findings() {
		if fd.Rule == vocab.RulePledge {
			got = append(got, fd.Branch+"|"+fd.Member+"|"+fd.Detail)
		}
	}
	sameLines(t, got, []string{
		"甲一支部||本年度尚无党员公开承诺记录（应于3月31日前公开承诺）",
		"甲二支部||本年度尚无党员公开承诺记录（应于3月31日前公开承诺）",
		"乙一支部|党员4|2026年未在3月31日前公开承诺",
	})
}
