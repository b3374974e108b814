package rules

import (
	"slices"
	"testing"

	"dangjian/data/vocab"
)

// TestMeetingRolls checks who is expected at a meeting (应到): the members
// on the rolls of its branch on its day, the 班子成员 for a 支委会 and the
// 党小组's members for a 党小组会.
func TestMeetingRolls(t *testing.T) {
	day := d(2026, 3, 31)
	tests := []struct {
		name    string
		kind    vocab.MeetingKind
		group   string
		members []Member
		changes []Change
		letters []Transfer
		want    []string
	}{
		{"every member of the branch", vocab.MeetingGeneral, "",
			[]Member{member("1", "甲", "a"), member("2", "乙", "a"), member("3", "丙", "b")}, nil, nil, []string{"1", "2"}},
		{"admitted after the day is not expected", vocab.MeetingThemeDay, "",
			[]Member{member("1", "甲", "a"), member("2", "乙", "a", probationary, joined(d(2026, 4, 1)))}, nil, nil, []string{"1"}},
		{"admitted on the day is expected", vocab.MeetingLecture, "",
			[]Member{member("1", "甲", "a", probationary, joined(day))}, nil, nil, []string{"1"}},
		{"moved here after the day is not expected, moved away after it is", vocab.MeetingGeneral, "",
			[]Member{member("1", "甲", "a"), member("2", "乙", "b")},
			[]Change{{MemberID: "1", Field: FieldBranch, Old: "b", New: "a", At: d(2026, 5, 1)},
				{MemberID: "2", Field: FieldBranch, Old: "a", New: "b", At: d(2026, 5, 1)}}, nil, []string{"2"}},
		{"transferred out before the day is not expected", vocab.MeetingGeneral, "",
			[]Member{member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2026, 2, 1))), member("2", "乙", "a")},
			nil, []Transfer{letter("1", vocab.TransferOut, d(2026, 2, 1))}, []string{"2"}},
		{"transferred out after the day is expected", vocab.MeetingGeneral, "",
			[]Member{member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2026, 7, 1)))},
			nil, []Transfer{letter("1", vocab.TransferOut, d(2026, 7, 1))}, []string{"1"}},
		{"died before the day is not expected", vocab.MeetingGeneral, "",
			[]Member{member("1", "甲", "a", status(vocab.StatusDeceased))},
			[]Change{statusChange("1", vocab.StatusNormal, vocab.StatusDeceased, d(2026, 1, 15))}, nil, nil},
		{"支委会: the 班子成员 that day", vocab.MeetingCommittee, "",
			[]Member{member("1", "甲", "a", post("党支部书记")), member("2", "乙", "a", post("组织委员")),
				member("3", "丙", "a"), member("4", "丁", "a", post("宣传委员"))},
			[]Change{{MemberID: "4", Field: FieldPartyPost, Old: "", New: "宣传委员", At: d(2026, 6, 1)}}, nil, []string{"1", "2"}},
		{"党小组会: the group's members", vocab.MeetingGroup, "g1",
			[]Member{member("1", "甲", "a"), member("2", "乙", "a"), member("3", "丙", "a")}, nil, nil, []string{"1", "3"}},
	}
	groupOf := map[string]string{"1": "g1", "2": "g2", "3": "g1"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, d(2026, 12, 3))
			f.Branches = []Branch{branch("a", "一支部", withGroups), branch("b", "二支部")}
			f.Members, f.Changes, f.Transfers = tt.members, tt.changes, tt.letters
			f.Meetings = []Meeting{{ID: "m", BranchID: "a", GroupID: tt.group, Kind: tt.kind, Date: day}}
			got := NewFigures(f, DefaultSettings()).MeetingRolls(groupOf)["m"]
			if !slices.Equal(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
				t.Errorf("expected %v, want %v", got, tt.want)
			}
		})
	}
}
