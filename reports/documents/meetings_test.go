package documents

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
)

// meetSection returns the text of branch name's part of the ledger: from
// its heading to the next branch's heading.
func meetSection(t *testing.T, text, name string, branches []data.Branch) string {
	t.Helper()
	headings := map[string]bool{}
	for _, b := range branches {
		headings[b.Name] = true
	}
	lines := ledgerLines(text)
	for i, l := range lines {
		if l != name {
			continue
		}
		end := i + 1
		for end < len(lines) && !headings[lines[end]] {
			end++
		}
		return strings.Join(lines[i:end], "\n")
	}
	t.Fatalf("no heading for %s", name)
	return ""
}

// meetMarkedMonths returns the months of a branch's section marked with
// mark, by the month label under which the mark appears.
func meetMarkedMonths(section, mark string) map[int]bool {
	label := regexp.MustCompile(`^\s*(\d{1,2})月 `)
	out := map[int]bool{}
	month := 0
	for _, l := range strings.Split(section, "\n") {
		if strings.HasPrefix(l, "年度小结") {
			break
		}
		if m := label.FindStringSubmatch(l); m != nil {
			fmt.Sscan(m[1], &month)
		}
		if strings.Contains(l, mark) {
			out[month] = true
		}
	}
	return out
}

func TestMeetingsLedgerMarksMonthsWithoutThemeDay(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := build(t, s, Meetings, Options{})
	checkFrame(t, r, "组织生活台账")
	branches, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	meetings, err := s.Meetings.List(ctx, data.InYear("date", 2026))
	if err != nil {
		t.Fatal(err)
	}
	held := map[string]map[int]bool{} // branch id → months with a 主题党日
	committee := map[string]map[int]bool{}
	for _, m := range meetings {
		set := held
		switch m.Kind {
		case "主题党日":
		case "支委会":
			set = committee
		default:
			continue
		}
		if set[string(m.BranchID)] == nil {
			set[string(m.BranchID)] = map[int]bool{}
		}
		set[string(m.BranchID)][int(m.Date.Month())] = true
	}
	marked := 0
	for _, b := range branches {
		section := meetSection(t, r.text, b.Name, branches)
		// The months the branch was required to hold one: those after its
		// founding month (or from it, when founded on the 1st), up to
		// November (the demo's today is 26 November).
		want, wantCommittee := map[int]bool{}, map[int]bool{}
		for mo := 1; mo <= 11; mo++ {
			start := time.Date(2026, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
			if !b.Founded.IsZero() && b.Founded.After(start) {
				continue
			}
			if !held[b.ID][mo] {
				want[mo] = true
			}
			if !committee[b.ID][mo] && mo < 11 { // November is under way
				wantCommittee[mo] = true
			}
		}
		got := meetMarkedMonths(section, "开展主题党日")
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: months marked without 主题党日 %v, want %v", b.Name, got, want)
		}
		if got := meetMarkedMonths(section, "召开支委会"); fmt.Sprint(got) != fmt.Sprint(wantCommittee) {
			t.Errorf("%s: months marked without 支委会 %v, want %v", b.Name, got, wantCommittee)
		}
		var ended []int // the summary lists the ended months
		for mo := 1; mo < 11; mo++ {
			if want[mo] {
				ended = append(ended, mo)
			}
		}
		marked += len(want)
		if phrase := meetMonthsText(ended) + "未开展主题党日"; len(ended) > 0 &&
			!strings.Contains(strings.ReplaceAll(section, "\n", ""), phrase) {
			t.Errorf("%s: the summary does not say %s", b.Name, phrase)
		}
	}
	if marked == 0 {
		t.Error("the demo should leave some branch a month without 主题党日")
	}
}

// A past year shows all twelve months; a branch without meetings has each
// month marked.
func TestMeetingsLedgerPastYearAndNoMeetings(t *testing.T) {
	s := ledgerEmptyStore(t)
	r := build(t, s, Meetings, Options{Year: 2025})
	for mo := 1; mo <= 12; mo++ {
		if !regexp.MustCompile(fmt.Sprintf(`(?m)^\s*%d月\s+无记录\s+未开展主题党日、未召开支委会$`, mo)).MatchString(r.text) {
			t.Errorf("month %d is not marked:\n%s", mo, r.text)
		}
	}
	summary := strings.ReplaceAll(r.text, "\n", "")
	for _, want := range []string{"1月至12月未开展主题党日", "1月至12月未召开支委会", "第1、2、3、4季度未召开支部党员大会",
		"第1、2、3、4季度未上党课", "未召开专题组织生活会", "未开展民主评议党员"} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary does not say %s", want)
		}
	}
}

func TestMeetingsLedgerEmpty(t *testing.T) {
	s, err := data.Create(context.Background(), t.TempDir()+"/e.db", "空组织", "E")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := build(t, s, Meetings, Options{})
	if !strings.Contains(r.text, "没有党支部") {
		t.Errorf("an empty ledger does not say so:\n%s", r.text)
	}
}

func TestMeetMonthsText(t *testing.T) {
	for _, c := range []struct {
		months []int
		want   string
	}{
		{[]int{10}, "10月"},
		{[]int{2, 3}, "2月、3月"},
		{[]int{1, 2, 3, 5, 7, 8, 9, 10}, "1月至3月、5月、7月至10月"},
	} {
		if got := meetMonthsText(c.months); got != c.want {
			t.Errorf("%v: %s, want %s", c.months, got, c.want)
		}
	}
}

// meetCheckGaps checks a branch's section against the calculator's gaps:
// the months marked 未开展主题党日 are the ended months without one, 尚未
// marks the month under way when it has none yet, each month without a
// monthly 三会一课 meeting is marked, and each quarter without a quarterly
// one is in the yearly summary.
func meetCheckGaps(t *testing.T, section string, bm rules.BranchMeetings, current int) {
	t.Helper()
	name := bm.Branch.Name
	want := map[int]bool{}
	for _, mo := range bm.ThemeDayMissing {
		want[mo] = true
	}
	got := meetMarkedMonths(section, "未开展主题党日")
	for mo := range meetMarkedMonths(section, "尚未开展主题党日") {
		delete(got, mo)
		if !bm.ThemeDayPending || mo != current {
			t.Errorf("%s: %d月 marked 尚未开展主题党日", name, mo)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: months without 主题党日 %v, the calculator's %v", name, got, want)
	}
	summary := strings.ReplaceAll(section[strings.Index(section, "年度小结"):], "\n", "")
	monthly := regexp.MustCompile(`^\d+年(\d+)月(未.+)$`)
	quarterly := regexp.MustCompile(`^\d+年第(\d)季度(未.+)$`)
	marked := map[string]map[int]bool{}
	for _, gap := range bm.ThreeOneMissing {
		if m := monthly.FindStringSubmatch(gap); m != nil {
			if marked[m[2]] == nil {
				marked[m[2]] = meetMarkedMonths(section, m[2])
			}
			mo, _ := strconv.Atoi(m[1])
			if !marked[m[2]][mo] {
				t.Errorf("%s: %s is not marked in its month", name, gap)
			}
			delete(marked[m[2]], mo)
			continue
		}
		m := quarterly.FindStringSubmatch(gap)
		if m == nil {
			t.Fatalf("%s: the calculator's gap %q is neither a month's nor a quarter's", name, gap)
		}
		if !regexp.MustCompile(`第[\d、]*` + m[1] + `[\d、]*季度` + m[2]).MatchString(summary) {
			t.Errorf("%s: the summary lacks %s", name, gap)
		}
	}
	for what, months := range marked {
		if len(months) > 0 {
			t.Errorf("%s: months %v marked %s the calculator does not find", name, months, what)
		}
	}
	if bm.Branch.HasGroups && !strings.Contains(summary, "党小组会") {
		t.Errorf("%s: the summary does not count 党小组会", name)
	}
}

func TestMeetingsLedgerGapsAreTheCalculators(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	r := build(t, s, Meetings, Options{})
	branches, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fig, err := s.Figures(ctx, 2026, testNow)
	if err != nil {
		t.Fatal(err)
	}
	gaps := 0
	for _, bm := range fig.Meetings() {
		meetCheckGaps(t, meetSection(t, r.text, bm.Branch.Name, branches), bm, 11)
		gaps += len(bm.ThemeDayMissing) + len(bm.ThreeOneMissing)
	}
	if gaps == 0 {
		t.Error("the demo should have meeting gaps")
	}
}

// TestMeetingsLedgerFollowsTheCalculator: in the middle of September, a
// branch founded in February is required its meetings from March; August
// is over and September is not.
func TestMeetingsLedgerFollowsTheCalculator(t *testing.T) {
	sc := newScenario(t)
	r := sc.render(t, Meetings, Options{})
	branches := []data.Branch{*sc.a, *sc.b}
	bms := sc.figures(t).Meetings()
	if len(bms) != 2 {
		t.Fatalf("%d branches", len(bms))
	}
	for _, bm := range bms {
		section := meetSection(t, r.text, bm.Branch.Name, branches)
		meetCheckGaps(t, section, bm, 9)
		flat := strings.ReplaceAll(section, "\n", "")
		switch bm.Branch.Name {
		case scBranchA:
			for _, w := range []string{"8月未开展主题党日", "3月未召开支委会", "第2季度未上党课", "尚未召开专题组织生活会"} {
				if !strings.Contains(flat, w) {
					t.Errorf("%s: no %s", scBranchA, w)
				}
			}
			if !bm.ThemeDayPending || !regexp.MustCompile(`(?m)^\s*9月\s+无记录\s+尚未开展主题党日$`).MatchString(section) {
				t.Errorf("%s: September is not marked under way", scBranchA)
			}
		case scBranchB:
			for _, w := range []string{"6月、7月未召开支委会", "第2季度未召开支部党员大会"} {
				if !strings.Contains(flat, w) {
					t.Errorf("%s: no %s", scBranchB, w)
				}
			}
			if strings.Contains(flat, "第1季度") || strings.Contains(flat, "2月未") {
				t.Errorf("%s: gaps before March, its first full month:\n%s", scBranchB, section)
			}
		}
	}
}
