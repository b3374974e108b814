package app

import (
	"testing"

	"dangjian/data"
)

// The 党员 search finds a member by any of what a person would type: the
// name, a word of it with another word, 拼音首字母, the whole 拼音 (the
// surname read as a surname), the 工号 or the 公民身份号码 with a lower-case x.
func TestMemberSearchTakesWhatPeopleType(t *testing.T) {
	members := []data.Member{
		{Meta: data.Meta{ID: "1"}, Name: "李堃", StaffNo: "T2019001", BranchID: "b1"},
		{Meta: data.Meta{ID: "2"}, Name: "单东阳", StaffNo: "S2023042", IDNumber: "11010519491231002X", BranchID: "b2"},
		{Meta: data.Meta{ID: "3"}, Name: "王建国", StaffNo: "T2001007", BranchID: "b1"},
		{Meta: data.Meta{ID: "4"}, Name: "张伟", StaffNo: "T2010003", BranchID: "b2"},
	}
	rows := memberRows(members, map[string]string{"b1": "第一党支部", "b2": "第二党支部"})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"", []string{"1", "2", "3", "4"}},
		{"   ", []string{"1", "2", "3", "4"}},
		{"likun", []string{"1"}},
		{"LiKun", []string{"1"}},
		{"shandongyang", []string{"2"}},
		{"sdy", []string{"2"}},
		{"wang jianguo", []string{"3"}},
		{"王 国", []string{"3"}},
		{"t2001", []string{"3"}},
		{"002x", []string{"2"}},
		{"张 李", nil},
		{"zw", []string{"4"}},
	} {
		got := filterMembers(rows, c.query, "")
		var ids []string
		for _, r := range got {
			ids = append(ids, r.id)
		}
		if len(ids) != len(c.want) {
			t.Errorf("search %q found %v, want %v", c.query, ids, c.want)
			continue
		}
		for i := range ids {
			if ids[i] != c.want[i] {
				t.Errorf("search %q found %v, want %v", c.query, ids, c.want)
				break
			}
		}
	}
}
