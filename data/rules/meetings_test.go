package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

func TestThemeDay(t *testing.T) {
	tests := []struct {
		name string
		asOf time.Time
		b    Branch
		held []int
		want []string
	}{
		{"one month missing and the current one", d(2026, 11, 15), branch("a", "一支部"),
			[]int{1, 2, 4, 5, 6, 7, 8, 9, 10},
			[]string{"2026年3月未开展主题党日", "2026年11月尚未开展主题党日"}},
		{"current month held", d(2026, 11, 15), branch("a", "一支部"),
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, nil},
		{"last day of a month is still current", d(2026, 2, 28), branch("a", "一支部"), []int{1},
			[]string{"2026年2月尚未开展主题党日"}},
		{"first day of a month: previous month ended", d(2026, 3, 1), branch("a", "一支部"), []int{1},
			[]string{"2026年2月未开展主题党日", "2026年3月尚未开展主题党日"}},
		{"founded mid-month: from the next month", d(2026, 11, 15), branch("a", "一支部", founded(d(2026, 5, 15))),
			[]int{6, 8, 9, 10},
			[]string{"2026年7月未开展主题党日", "2026年11月尚未开展主题党日"}},
		{"founded on the 1st: that month counts", d(2026, 11, 15), branch("a", "一支部", founded(d(2026, 5, 1))),
			[]int{6, 7, 8, 9, 10, 11}, []string{"2026年5月未开展主题党日"}},
		{"founded last year", d(2026, 3, 15), branch("a", "一支部", founded(d(2025, 5, 15))), nil,
			[]string{"2026年1月未开展主题党日", "2026年2月未开展主题党日", "2026年3月尚未开展主题党日"}},
		{"founded after AsOf", d(2026, 3, 15), branch("a", "一支部", founded(d(2026, 6, 1))), nil, nil},
		{"AsOf before the year", d(2025, 12, 20), branch("a", "一支部"), nil, nil},
		{"year ended: all twelve, in month order", d(2027, 1, 1), branch("a", "一支部"), []int{1, 3, 4, 5, 6, 7, 8, 9, 11},
			[]string{"2026年2月未开展主题党日", "2026年10月未开展主题党日", "2026年12月未开展主题党日"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Branches = []Branch{tt.b}
			monthly(f, "a", "主题党日", tt.held...)
			// Other kinds and other branches' meetings do not count.
			monthly(f, "a", "支委会", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
			monthly(f, "other", "主题党日", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
			fs := ThemeDay(f, DefaultSettings())
			sameLines(t, details(fs), tt.want)
			for _, fd := range fs {
				if fd.Rule != "THEME-DAY" || fd.Branch != "一支部" || fd.BranchID != "a" || fd.Member != "" {
					t.Errorf("bad finding %+v", fd)
				}
			}
		})
	}
}

func TestThemeDayLastYearMeetingsIgnored(t *testing.T) {
	f := newFacts(2026, d(2026, 2, 15))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Meetings = []Meeting{meeting("x", "a", "主题党日", d(2025, 1, 10))}
	sameLines(t, details(ThemeDay(f, DefaultSettings())),
		[]string{"2026年1月未开展主题党日", "2026年2月尚未开展主题党日"})
}

func TestThreeOne(t *testing.T) {
	// AsOf mid-July: Q1, Q2 and January to June have ended.
	f := newFacts(2026, d(2026, 7, 15))
	f.Branches = []Branch{
		branch("a", "一支部", withGroups),
		branch("b", "二支部", founded(d(2026, 2, 10))), // exists from March: Q2 on
		branch("c", "三支部", founded(d(2026, 4, 1))),  // exists from April: Q2 on
		branch("d", "四支部", founded(d(2026, 7, 1))),  // nothing has ended yet
	}
	monthly(f, "a", "支部党员大会", 2)
	monthly(f, "a", "党课", 3, 5)
	monthly(f, "a", "支委会", 1, 2, 4, 5, 6, 7)
	monthly(f, "a", "党小组会", 1, 2, 3, 4, 5)
	monthly(f, "c", "支部党员大会", 4)
	monthly(f, "c", "党课", 6)
	monthly(f, "c", "支委会", 4, 5, 6)
	monthly(f, "c", "党小组会", 4) // c has no groups: nothing required
	want := []string{
		"THREE-ONE|一支部||2026年3月未召开支委会",
		"THREE-ONE|一支部||2026年6月未召开党小组会",
		"THREE-ONE|一支部||2026年第2季度未召开支部党员大会",
		"THREE-ONE|二支部||2026年3月未召开支委会",
		"THREE-ONE|二支部||2026年4月未召开支委会",
		"THREE-ONE|二支部||2026年5月未召开支委会",
		"THREE-ONE|二支部||2026年6月未召开支委会",
		"THREE-ONE|二支部||2026年第2季度未上党课",
		"THREE-ONE|二支部||2026年第2季度未召开支部党员大会",
	}
	sameLines(t, lines(ThreeOne(f, DefaultSettings())), want)

	// Nothing has ended before the first of the year's second month.
	f.AsOf = d(2026, 1, 31)
	sameLines(t, lines(ThreeOne(f, DefaultSettings())), nil)
	// Once the year has ended, Q3, Q4 and July to December are checked too.
	f.AsOf = d(2027, 1, 1)
	got := ThreeOne(f, DefaultSettings())
	count := map[string]int{}
	for _, fd := range got {
		count[fd.BranchID]++
	}
	// a: Q3, Q4 大会 and 党课 (4) + 支委会 Aug–Dec (5) + 党小组会 Jun–Dec (7) + Mar 支委会 + Q2 大会 = 18.
	// d: Q3, Q4 × 2 (4) + 支委会 Jul–Dec (6) = 10.
	if count["a"] != 18 || count["d"] != 10 {
		t.Errorf("year-end counts = %v, want a 18, d 10", count)
	}
}

func TestOrgLife(t *testing.T) {
	tests := []struct {
		name  string
		asOf  time.Time
		b     Branch
		kinds []vocab.MeetingKind
		want  []string
	}{
		{"both held", d(2026, 11, 15), branch("a", "一支部"), []vocab.MeetingKind{"组织生活会", "民主评议"}, nil},
		{"neither, year running", d(2026, 11, 15), branch("a", "一支部"), nil,
			[]string{"2026年尚未召开专题组织生活会", "2026年尚未开展民主评议党员"}},
		{"neither, year ended", d(2027, 1, 1), branch("a", "一支部"), nil,
			[]string{"2026年未召开专题组织生活会", "2026年未开展民主评议党员"}},
		{"民主评议 missing", d(2027, 1, 1), branch("a", "一支部"), []vocab.MeetingKind{"组织生活会"},
			[]string{"2026年未开展民主评议党员"}},
		{"founded 1 October: exempt", d(2027, 1, 1), branch("a", "一支部", founded(d(2026, 10, 1))), nil, nil},
		{"founded 30 September: checked", d(2027, 1, 1), branch("a", "一支部", founded(d(2026, 9, 30))),
			[]vocab.MeetingKind{"民主评议"}, []string{"2026年未召开专题组织生活会"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Branches = []Branch{tt.b}
			for _, k := range tt.kinds {
				monthly(f, "a", k, 12)
			}
			monthly(f, "other", "组织生活会", 12)
			sameLines(t, details(OrgLife(f, DefaultSettings())), tt.want)
		})
	}
}

func TestDual(t *testing.T) {
	f := newFacts(2026, d(2026, 11, 15))
	f.Branches = []Branch{branch("a", "一支部"), branch("b", "二支部")}
	f.Members = []Member{
		member("1", "甲", "a", leader),                 // attended own branch
		member("2", "乙", "a", leader),                 // attended another branch only
		member("3", "丙", "a", leader),                 // attended nothing
		member("4", "丁", "a", leader),                 // attended own branch last year
		member("5", "戊", "a"),                         // not a leader
		member("6", "己", "b", leader, status("停止党籍")), // not 正常
	}
	f.Meetings = []Meeting{
		meeting("ma", "a", "支委会", d(2026, 3, 1)),
		meeting("mb", "b", "主题党日", d(2026, 3, 1)),
		meeting("old", "a", "主题党日", d(2025, 12, 1)),
	}
	f.Attended = []Attendance{{"1", "ma"}, {"2", "mb"}, {"4", "old"}, {"6", "mb"}}
	want := []string{
		"DUAL|一支部|丙|2026年尚未参加所在支部组织生活（双重组织生活）",
		"DUAL|一支部|丁|2026年尚未参加所在支部组织生活（双重组织生活）",
		"DUAL|一支部|乙|2026年尚未参加所在支部组织生活（双重组织生活）",
	}
	sameLines(t, lines(Dual(f, DefaultSettings())), want)
	f.AsOf = d(2027, 1, 1)
	if got := Dual(f, DefaultSettings()); len(got) != 3 || got[0].Detail != "2026年未参加所在支部组织生活（双重组织生活）" {
		t.Errorf("year ended: %v", lines(got))
	}
}
