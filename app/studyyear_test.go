package app

import (
	"testing"

	"dangjian/data"
	"dangjian/data/rules"
)

// The 学习档案 tab tells each year's hours as the rules count them: what
// counts, what is required, and what was recorded but does not count.
func TestStudyYearTextFollowsTheRulesCount(t *testing.T) {
	cases := []struct {
		y    data.StudyYear
		want string
	}{
		{data.StudyYear{Year: 2026, OnRolls: true, Hours: rules.MemberHours{Hours: 8, Uncounted: 2.5, Required: 32, Checked: true}},
			"2026年计入8学时，应达32学时（另有不计入的2.5学时）"},
		{data.StudyYear{Year: 2025, OnRolls: true, Hours: rules.MemberHours{Hours: 40, Required: 56, Checked: true}},
			"2025年计入40学时，应达56学时"},
		{data.StudyYear{Year: 2024, OnRolls: true, Hours: rules.MemberHours{Hours: 3}}, "2024年计入3学时（本年度不作核算）"},
		{data.StudyYear{Year: 2023}, "2023年未列入学时核算"},
	}
	for _, c := range cases {
		if got := studyYearText(c.y); got != c.want {
			t.Errorf("%d: %q, want %q", c.y.Year, got, c.want)
		}
	}
}
