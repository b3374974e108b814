package rules

import (
	"fmt"
	"testing"
	"time"

	"dangjian/data/vocab"
)

// shapeFacts is branch b (一支部) with full 正式党员 and probation 预备党员,
// checked in 2026 as of asOf, with the given post terms.
func shapeFacts(asOf time.Time, full, probation int, terms []PostTerm, opts ...func(*Branch)) *Facts {
	f := newFacts(2026, asOf)
	f.Branches = []Branch{branch("b", "一支部", opts...)}
	for i := range full + probation {
		m := member(fmt.Sprintf("m%d", i), fmt.Sprintf("党员%d", i), "b")
		if i >= full {
			probationary(&m)
			m.Joined = d(2026, 1, 1)
		}
		f.Members = append(f.Members, m)
	}
	f.PostTerms = terms
	return f
}

func withSecretary(b *Branch) { b.HasSecretary = true }

func TestBranchShape(t *testing.T) {
	sec := func(from, elected time.Time) PostTerm {
		return PostTerm{MemberID: "m0", BranchID: "b", Organ: vocab.OrganBranchCommittee, Post: "书记", From: from, Elected: elected}
	}
	member := func(from time.Time) PostTerm {
		return PostTerm{MemberID: "m1", BranchID: "b", Organ: vocab.OrganBranchCommittee, Post: "组织委员", From: from}
	}
	tests := []struct {
		name            string
		asOf            time.Time
		full, probation int
		terms           []PostTerm
		opts            []func(*Branch)
		want            []string
	}{
		{name: "2 正式党员, no post terms anywhere", asOf: d(2026, 6, 1), full: 2, probation: 3,
			want: []string{"正式党员2名，不足3名，应与邻近单位党员成立联合党支部"}},
		{name: "3 正式党员", asOf: d(2026, 6, 1), full: 3},
		{name: "51 members", asOf: d(2026, 6, 1), full: 51, want: []string{"党员51名，超过50名，应分设党支部"}},
		{name: "50 members", asOf: d(2026, 6, 1), full: 50},
		{name: "7 正式党员 without post terms recorded: not told", asOf: d(2026, 6, 1), full: 7},
		{name: "7 正式党员, posts recorded elsewhere only", asOf: d(2026, 6, 1), full: 7,
			terms: []PostTerm{{MemberID: "m0", Organ: vocab.OrganCommittee, Post: "委员", From: d(2025, 1, 1)}},
			want:  []string{"支部书记空缺", "正式党员7名，应设立支部委员会，尚无在任支委会成员记录"}},
		{name: "6 正式党员, secretary on the branch record", asOf: d(2026, 6, 1), full: 6, opts: []func(*Branch){withSecretary},
			terms: []PostTerm{{MemberID: "m0", Organ: vocab.OrganCommittee, Post: "委员", From: d(2025, 1, 1)}}},
		{name: "a 支委会 without 书记", asOf: d(2026, 6, 1), full: 7, terms: []PostTerm{member(d(2025, 1, 1))},
			want: []string{"支部书记空缺"}},
		{name: "a 副书记 is no 书记", asOf: d(2026, 6, 1), full: 7,
			terms: []PostTerm{{MemberID: "m0", BranchID: "b", Organ: vocab.OrganBranchCommittee, Post: "副书记", From: d(2025, 1, 1)}},
			want:  []string{"支部书记空缺"}},
		{name: "term ends in more than 3 months", asOf: d(2026, 6, 1), full: 7,
			terms: []PostTerm{sec(d(2023, 9, 2), time.Time{})}},
		{name: "term ends in exactly 3 months", asOf: d(2026, 6, 1), full: 7,
			terms: []PostTerm{sec(d(2023, 9, 1), time.Time{})},
			want:  []string{"支部委员会2023年9月1日选举产生，任期将于2026年9月1日届满，应做好换届准备"}},
		{name: "the day the term ends", asOf: d(2026, 6, 1), full: 7,
			terms: []PostTerm{sec(d(2023, 6, 1), time.Time{})},
			want:  []string{"支部委员会2023年6月1日选举产生，任期已于2026年6月1日届满，应进行换届选举"}},
		{name: "the day before the term ends", asOf: d(2026, 5, 31), full: 7,
			terms: []PostTerm{sec(d(2023, 6, 1), time.Time{})},
			want:  []string{"支部委员会2023年6月1日选举产生，任期将于2026年6月1日届满，应做好换届准备"}},
		{name: "the latest election counts", asOf: d(2026, 6, 1), full: 7,
			terms: []PostTerm{sec(d(2020, 1, 1), d(2025, 12, 1)), member(d(2023, 1, 1))}},
		{name: "a post ended is not in force", asOf: d(2026, 6, 1), full: 7,
			terms: []PostTerm{{MemberID: "m0", BranchID: "b", Organ: vocab.OrganBranchCommittee, Post: "书记",
				From: d(2025, 1, 1), Until: d(2026, 3, 1)}},
			want: []string{"支部书记空缺", "正式党员7名，应设立支部委员会，尚无在任支委会成员记录"}},
		{name: "an empty branch", asOf: d(2026, 6, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := shapeFacts(tt.asOf, tt.full, tt.probation, tt.terms, tt.opts...)
			sameLines(t, details(BranchShape(f, DefaultSettings())), tt.want)
		})
	}
	// The term is a setting.
	f := shapeFacts(d(2026, 6, 1), 7, 0, []PostTerm{sec(d(2021, 6, 2), time.Time{})})
	s := DefaultSettings()
	s.TermYears = 5
	if got := details(BranchShape(f, s)); len(got) != 1 || got[0] != "支部委员会2021年6月2日选举产生，任期将于2026年6月2日届满，应做好换届准备" {
		t.Errorf("5-year term: %v", got)
	}
}

// In a consolidated database, an organization that records no post terms
// gets no finding per branch from another's.
func TestBranchShapeTogether(t *testing.T) {
	f := newFacts(2026, d(2026, 6, 1))
	f.Branches = []Branch{{ID: "ba", OrgID: "A", Name: "甲支部"}, {ID: "bb", OrgID: "B", Name: "乙支部"}}
	for i := range 14 {
		b, org := "ba", "A"
		if i >= 7 {
			b, org = "bb", "B"
		}
		m := member(fmt.Sprintf("m%d", i), fmt.Sprintf("党员%d", i), b)
		m.OrgID = org
		f.Members = append(f.Members, m)
	}
	f.PostTerms = []PostTerm{{MemberID: "m0", BranchID: "ba", Organ: vocab.OrganBranchCommittee, Post: "组织委员", From: d(2025, 1, 1)}}
	var parts []*Figures
	for _, org := range []string{"A", "B"} {
		parts = append(parts, NewFigures(f.ForOrg(org), DefaultSettings()))
	}
	var got []string
	for _, fd := range Together(f, parts).Findings() {
		if fd.Rule == vocab.RuleBranchShape {
			got = append(got, fd.Branch+"|"+fd.Detail)
		}
	}
	sameLines(t, got, []string{"甲支部|支部书记空缺"})
	// Over the whole, the same.
	got = nil
	for _, fd := range BranchShape(f, DefaultSettings()) {
		got = append(got, fd.Branch+"|"+fd.Detail)
	}
	sameLines(t, got, []string{"甲支部|支部书记空缺"})
}

// Who holds the posts: a post counts only while its holder is on the rolls
// and in the branch; a 党内职务 on the roster stands for a 书记 or a 支委会;
// the 届 begins at its election, not at a 补选.
func TestBranchShapeHolders(t *testing.T) {
	sec := PostTerm{MemberID: "m0", BranchID: "b", Organ: vocab.OrganBranchCommittee, Post: string(vocab.PostSecretary),
		From: d(2025, 1, 1), Elected: d(2025, 1, 1)}
	elsewhere := PostTerm{MemberID: "m1", Organ: vocab.OrganCommittee, Post: string(vocab.PostMember), From: d(2025, 1, 1)}
	byElection := PostTerm{MemberID: "m1", BranchID: "b", Organ: vocab.OrganBranchCommittee, Post: string(vocab.PostOrganization),
		From: d(2025, 1, 1)}
	tests := []struct {
		name  string
		terms []PostTerm
		m0    func(*Member)
		want  []string
	}{
		{name: "the 书记 on the rolls", terms: []PostTerm{sec}},
		{name: "the 书记 transferred out, the post still open", terms: []PostTerm{sec},
			m0:   func(m *Member) { m.Status = vocab.StatusTransferred },
			want: []string{"支部书记空缺", "正式党员7名，应设立支部委员会，尚无在任支委会成员记录"}},
		{name: "the 书记 moved to another branch", terms: []PostTerm{sec},
			m0:   func(m *Member) { m.BranchID = "c" },
			want: []string{"支部书记空缺", "正式党员7名，应设立支部委员会，尚无在任支委会成员记录"}},
		{name: "an imported roster with 党内职务 支部书记", terms: []PostTerm{elsewhere},
			m0: func(m *Member) { m.PartyPost = "支部书记" }},
		{name: "a 党内职务 支部副书记 is a 支委会 but no 书记", terms: []PostTerm{elsewhere},
			m0:   func(m *Member) { m.PartyPost = "支部副书记" },
			want: []string{"支部书记空缺"}},
		{name: "a 补选 begins no new 届", terms: []PostTerm{
			{MemberID: "m0", BranchID: "b", Organ: vocab.OrganBranchCommittee, Post: string(vocab.PostSecretary), From: d(2023, 6, 1)},
			byElection},
			want: []string{"支部委员会2023年6月1日选举产生，任期已于2026年6月1日届满，应进行换届选举"}},
		{name: "the election recorded, not a later start", terms: []PostTerm{
			{MemberID: "m0", BranchID: "b", Organ: vocab.OrganBranchCommittee, Post: string(vocab.PostSecretary),
				From: d(2020, 1, 1), Elected: d(2023, 6, 1)},
			byElection},
			want: []string{"支部委员会2023年6月1日选举产生，任期已于2026年6月1日届满，应进行换届选举"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := shapeFacts(d(2026, 6, 1), 8, 0, tt.terms)
			f.Branches = append(f.Branches, branch("c", "二支部"))
			if tt.m0 != nil {
				tt.m0(&f.Members[0])
			}
			var got []string
			for _, fd := range BranchShape(f, DefaultSettings()) {
				if fd.BranchID == "b" {
					got = append(got, fd.Detail)
				}
			}
			sameLines(t, got, tt.want)
		})
	}
}
