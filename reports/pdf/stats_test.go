package pdf

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// statsExpected counts the demo's members on the rolls, from the store.
func statsExpected(t *testing.T, s *data.Store, branch string) (total int, byCat map[string]int, byGender map[string]int) {
	t.Helper()
	ctx := context.Background()
	branches, err := s.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, b := range branches {
		name[b.ID] = b.Name
	}
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byCat, byGender = map[string]int{}, map[string]int{}
	for _, m := range members {
		if !m.Active() || branch != "" && name[string(m.BranchID)] != branch {
			continue
		}
		total++
		byCat[string(categoryOn(&m, refDay(2026, testNow)))]++
		byGender[m.Gender]++
	}
	return total, byCat, byGender
}

func TestStatsTotalsAddUp(t *testing.T) {
	s := demoStore(t)
	total, byCat, byGender := statsExpected(t, s, "")
	if total == 0 {
		t.Fatal("the demo has no members on the rolls")
	}
	r := render(t, s, Stats, Options{})
	checkFrame(t, r, "党内统计汇总")
	if !strings.Contains(r.text, fmt.Sprintf("在册党员（党籍状态为正常或停止党籍）共%d名", total)) {
		t.Errorf("the summary does not give %d members", total)
	}
	// Eight count tables, each closing with 合计 = the members on the rolls.
	totalRow := regexp.MustCompile(fmt.Sprintf(`(?m)^合计\s+%d\s+100\.0%%\s*$`, total))
	if n := len(totalRow.FindAllString(r.text, -1)); n != 8 {
		t.Errorf("%d tables total %d members, want 8:\n%s", n, total, r.text)
	}
	// The cross table's 合计 row: 正式男 正式女 正式小计 预备男 预备女 预备小计 男 女 合计.
	cross := regexp.MustCompile(fmt.Sprintf(`(?m)^合计\s+\d+\s+\d+\s+%d\s+\d+\s+\d+\s+%d\s+%d\s+%d\s+%d\s*$`,
		byCat["正式党员"], byCat["预备党员"], byGender["男"], byGender["女"], total))
	if !cross.MatchString(r.text) {
		t.Errorf("the cross table's totals are not %d 正式, %d 预备, %d 男, %d 女, %d in all",
			byCat["正式党员"], byCat["预备党员"], byGender["男"], byGender["女"], total)
	}
	for _, label := range []string{"一、按党支部", "五、按年龄", "30岁及以下", "61岁及以上", "七、按党龄",
		"不满5年", "50年以上", "九、党支部×党员类别×性别", "其中少数民族党员", "计算机系教工党支部"} {
		if !strings.Contains(r.text, label) {
			t.Errorf("%q missing", label)
		}
	}
}

// TestStatsTalliesPartitionTheMembers checks every breakdown, not only the
// printed totals: each adds up to the members on the rolls.
func TestStatsTalliesPartitionTheMembers(t *testing.T) {
	s := demoStore(t)
	total, byCat, _ := statsExpected(t, s, "")
	ctx := context.Background()
	branches, _ := s.Branches.List(ctx)
	r := &request{ctx: ctx, store: s, year: 2026, now: testNow, branches: branches}
	d, err := r.statsCount(refDay(2026, testNow))
	if err != nil {
		t.Fatal(err)
	}
	if d.total != total {
		t.Fatalf("counted %d, the store has %d on the rolls", d.total, total)
	}
	for name, tally := range map[string]*statsTally{"category": d.category, "gender": d.gender, "ethnicity": d.ethnicity,
		"age": d.age, "education": d.education, "party age": d.partyAge, "person": d.person} {
		sum := 0
		for _, l := range tally.labels() {
			sum += tally.n[l]
		}
		if sum != total {
			t.Errorf("%s adds up to %d, not %d", name, sum, total)
		}
	}
	minorities := 0
	for _, n := range d.minority.n {
		minorities += n
	}
	if minorities != d.ethnicity.n["少数民族"] || minorities == 0 {
		t.Errorf("minorities %d, 少数民族 %d", minorities, d.ethnicity.n["少数民族"])
	}
	if d.partyAge.n[statsProbationary] != byCat["预备党员"] {
		t.Errorf("预备党员 without 党龄: %d, want %d", d.partyAge.n[statsProbationary], byCat["预备党员"])
	}
	cross := 0
	for _, cells := range d.cross {
		for _, n := range cells {
			cross += n
		}
	}
	if cross != total {
		t.Errorf("the cross table adds up to %d, not %d", cross, total)
	}
}

func TestStatsOneBranch(t *testing.T) {
	s := demoStore(t)
	const branch = "计算机系教工党支部"
	total, _, _ := statsExpected(t, s, branch)
	r := render(t, s, Stats, Options{BranchID: branchID(t, s, branch)})
	checkFrame(t, r, branch+"党内统计汇总")
	if !strings.Contains(r.text, fmt.Sprintf("共%d名", total)) {
		t.Errorf("the branch's %d members are not the total", total)
	}
	if strings.Contains(r.text, "软件工程系教工党支部") {
		t.Error("another branch is listed")
	}
}

func TestStatsShares(t *testing.T) {
	got := statsShares([]int{37, 37, 1, 222}, 297)
	want := []string{"12.5%", "12.5%", "0.3%", "74.7%"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("shares %v, want %v (equal counts, equal shares)", got, want)
	}
	if got := statsShares([]int{1, 1}, 2); got[0] != "50.0%" {
		t.Errorf("1 of 2 is %s", got[0])
	}
	if got := statsShares([]int{1}, 8); got[0] != "12.5%" { // 12.5 exactly
		t.Errorf("1 of 8 is %s", got[0])
	}
	if got := statsShares([]int{1}, 16); got[0] != "6.3%" { // 6.25 rounds half up
		t.Errorf("1 of 16 is %s", got[0])
	}
	if got := statsShares([]int{0}, 0); got[0] != "—" {
		t.Errorf("share of nothing is %s", got[0])
	}
}

func TestStatsBands(t *testing.T) {
	ref := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		birth time.Time
		want  string
	}{
		{day(1996, 12, 31), "30岁及以下"}, {day(1995, 12, 31), "31—40岁"}, {day(1986, 1, 1), "31—40岁"}, {day(1985, 12, 31), "41—50岁"},
		{day(1966, 12, 31), "51—60岁"}, {day(1965, 12, 31), "61岁及以上"},
	} {
		if got := statsBandOf(statsAgeBands, statsYears(c.birth, ref)); got != c.want {
			t.Errorf("born %s: %s, want %s", c.birth.Format("2006-01-02"), got, c.want)
		}
	}
	mk := func(cat string, joined, confirmed time.Time) *data.Member {
		return &data.Member{Category: cat, JoinedDate: data.DateOf(joined), ConfirmedAt: data.DateOf(confirmed)}
	}
	// The category on the reference day decides: 转正 on 2026-06-12 is 正式
	// at the end of 2026 whatever the record says.
	if got := statsPartyAge(mk("预备党员", day(2025, 6, 10), day(2026, 6, 12)), vocab.CategoryFull, ref); got != "不满5年" {
		t.Errorf("confirmed in 2026: %s", got)
	}
	for _, c := range []struct {
		m    *data.Member
		want string
	}{
		{mk("正式党员", day(2020, 1, 1), day(2022, 1, 1)), "不满5年"},
		{mk("正式党员", day(2020, 1, 1), day(2021, 1, 1)), "5—10年"},
		{mk("正式党员", day(2015, 6, 1), time.Time{}), "5—10年"}, // 转正 taken as 2016-06-01: 10 years
		{mk("正式党员", day(2015, 6, 1), day(2015, 12, 1)), "11—20年"},
		{mk("正式党员", day(1975, 1, 1), day(1976, 1, 1)), "31—50年"},
		{mk("正式党员", day(1974, 1, 1), day(1975, 1, 1)), "50年以上"},
		{mk("预备党员", day(2026, 3, 1), time.Time{}), statsProbationary},
		{mk("正式党员", time.Time{}, time.Time{}), statsUnknown},
	} {
		if got := statsPartyAge(c.m, categoryOn(c.m, ref), ref); got != c.want {
			t.Errorf("joined %s confirmed %s: %s, want %s", c.m.JoinedDate, c.m.ConfirmedAt, got, c.want)
		}
	}
}
