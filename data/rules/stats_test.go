package rules

import (
	"fmt"
	"testing"
	"time"

	"dangjian/data/vocab"
)

func TestAgeBandEdges(t *testing.T) {
	ref := d(2026, 12, 31)
	tests := []struct {
		birth time.Time
		want  AgeBand
	}{
		{d(1996, 12, 31), Age30OrLess}, // 30 today
		{d(1997, 1, 1), Age30OrLess},
		{d(1995, 12, 31), Age31To35}, // 31 today
		{d(1996, 1, 1), Age30OrLess}, // 30 until tomorrow
		{d(1991, 1, 1), Age31To35},   // 35
		{d(1990, 12, 31), Age36To40}, // 36 today
		{d(1986, 1, 1), Age36To40},
		{d(1985, 12, 31), Age41To45},
		{d(1966, 1, 1), Age56To60},
		{d(1965, 12, 31), Age61To65},
		{d(1956, 1, 1), Age66To70}, // 70
		{d(1955, 12, 31), Age71OrMore},
		{d(1930, 5, 5), Age71OrMore},
	}
	for _, tt := range tests {
		if got := AgeBandOf(FullYears(tt.birth, ref)); got != tt.want {
			t.Errorf("born %s: %s, want %s", tt.birth.Format(time.DateOnly), got.Label(), tt.want.Label())
		}
	}
	// 29 February: a year is complete on 1 March in other years.
	if got := FullYears(d(2008, 2, 29), d(2026, 2, 28)); got != 17 {
		t.Errorf("born 29 Feb 2008, on 28 Feb 2026: %d", got)
	}
	if got := FullYears(d(2008, 2, 29), d(2026, 3, 1)); got != 18 {
		t.Errorf("born 29 Feb 2008, on 1 Mar 2026: %d", got)
	}
}

// TestBandsCoverEveryAge checks that every age and 党龄 from 0 to 120 falls
// in exactly one named band, and the bands come in order.
func TestBandsCoverEveryAge(t *testing.T) {
	prev := AgeBand(0)
	for y := 0; y <= 120; y++ {
		b := AgeBandOf(y)
		if b.Label() == "" || b < prev || b == AgeUnknown {
			t.Fatalf("age %d: band %d %q after %d", y, b, b.Label(), prev)
		}
		prev = b
	}
	labels := map[string]bool{}
	for _, b := range AgeBands {
		labels[b.Label()] = true
	}
	if len(labels) != 10 || !labels["30岁及以下"] || !labels["31岁至35岁"] || !labels["71岁及以上"] {
		t.Errorf("age bands %v", labels)
	}
	prevP := PartyAgeBand(0)
	for y := 0; y <= 100; y++ {
		b := PartyAgeBandOf(y)
		if b.Label() == "" || b < prevP || b >= PartyAgeProbation {
			t.Fatalf("党龄 %d: band %q", y, b.Label())
		}
		prevP = b
	}
	for y, want := range map[int]PartyAgeBand{4: PartyAgeUnder5, 5: PartyAge5To10, 10: PartyAge5To10, 11: PartyAge11To20,
		20: PartyAge11To20, 21: PartyAge21To30, 40: PartyAge31To40, 41: PartyAge41To49, 49: PartyAge41To49,
		50: PartyAge50OrMore} {
		if got := PartyAgeBandOf(y); got != want {
			t.Errorf("党龄 %d: %s, want %s", y, got.Label(), want.Label())
		}
	}
}

// TestPartyStatsComposition checks every breakdown of the members on the
// rolls on a day, each adding up to the members counted.
func TestPartyStatsComposition(t *testing.T) {
	ref := d(2026, 12, 31)
	f := newFacts(2026, ref)
	f.Branches = []Branch{branch("a", "一支部"), branch("b", "二支部"), branch("c", "三支部")}
	with := func(m Member, set func(*Member)) Member { set(&m); return m }
	f.Members = []Member{
		with(member("1", "甲", "a"), func(m *Member) {
			m.Gender, m.Ethnicity, m.Education, m.Birth = vocab.Female, "汉族", vocab.EduPostgraduate, d(1996, 12, 31)
		}),
		with(member("2", "乙", "a"), func(m *Member) {
			m.Ethnicity, m.Education, m.Birth = "回族", vocab.EduBachelor, d(1995, 12, 31)
			m.PersonType = vocab.PersonStudent
		}),
		with(member("3", "丙", "b", probationary, joined(d(2026, 5, 1))), func(m *Member) {
			m.Ethnicity, m.Birth, m.PersonType = "汉", d(2004, 3, 1), vocab.PersonStudent
		}),
		with(member("4", "丁", "b"), func(m *Member) {
			m.Gender, m.Ethnicity, m.Education, m.Birth = "", "蒙古族", "博士", time.Time{}
			m.Joined, m.Confirmed = d(1976, 7, 1), d(1976, 12, 31) // 党龄 50 on ref
		}),
		with(member("5", "戊", "b", status(vocab.StatusSuspended)), func(m *Member) { m.Birth = d(1960, 1, 1) }),
		with(member("6", "己", "b", status(vocab.StatusTransferred), left(d(2026, 3, 1))), func(*Member) {}),
	}
	st := NewFigures(f, DefaultSettings()).PartyStats(ref)
	c := st.Total.Composition
	checks := []struct {
		what      string
		got, want any
	}{
		{"members", c.Members, 4},
		{"suspended, beside", c.Suspended, 1},
		{"正式", c.Category[vocab.CategoryFull], 3},
		{"预备", c.Category[vocab.CategoryProbation], 1},
		{"女", c.Gender[vocab.Female], 1},
		{"男", c.Gender[vocab.Male], 2},
		{"性别未填写", c.Gender[""], 1},
		{"汉族", c.Ethnicity[EthnicHan], 2},
		{"少数民族", c.Ethnicity[EthnicMinority], 2},
		{"回族", c.Minorities["回族"], 1},
		{"蒙古族", c.Minorities["蒙古族"], 1},
		{"研究生", c.Education[vocab.EduPostgraduate], 1},
		{"学历 not of the vocabulary", c.Education[""], 2},
		{"学生", c.PersonType[vocab.PersonStudent], 2},
		{"在职教职工", c.PersonType[vocab.PersonStaff], 2},
		{"30岁及以下", c.Age[Age30OrLess], 2},
		{"31岁至35岁", c.Age[Age31To35], 1},
		{"出生日期未填写", c.Age[AgeUnknown], 1},
		{"预备党员（未计党龄）", c.PartyAge[PartyAgeProbation], 1},
		{"50年及以上", c.PartyAge[PartyAge50OrMore], 1},
		{"21年至30年 (转正 2001)", c.PartyAge[PartyAge21To30], 2},
		{"一支部", st.Branches[0].Members, 2},
		{"二支部", st.Branches[1].Members, 2},
		{"三支部, listed with none", st.Branches[2].Members, 0},
	}
	for _, ch := range checks {
		if fmt.Sprint(ch.got) != fmt.Sprint(ch.want) {
			t.Errorf("%s: %v, want %v", ch.what, ch.got, ch.want)
		}
	}
	for _, x := range append(st.Branches, st.Total) {
		sums := map[string]int{
			"党员类别": sum(x.Category), "性别": sum(x.Gender), "民族": sum(x.Ethnicity), "学历": sum(x.Education),
			"人员类别": sum(x.PersonType), "年龄": sum(x.Age), "党龄": sum(x.PartyAge),
		}
		for what, n := range sums {
			if n != x.Members {
				t.Errorf("%v: %s adds up to %d of %d", x.Branch, what, n, x.Members)
			}
		}
		if sum(x.Minorities) != x.Ethnicity[EthnicMinority] {
			t.Errorf("the minorities add up to %d of %d", sum(x.Minorities), x.Ethnicity[EthnicMinority])
		}
		checkIdentity(t, "composition", x)
	}
}

// TestPartyStatsBranchNotOnRecord checks that members of a branch id not
// on record are counted in an entry of their own, after the branches.
func TestPartyStatsBranchNotOnRecord(t *testing.T) {
	f := newFacts(2026, d(2026, 12, 31))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{member("1", "甲", "a"), member("2", "乙", "gone"), member("3", "丙", "")}
	st := NewFigures(f, DefaultSettings()).PartyStats(time.Time{})
	if len(st.Branches) != 3 || st.Branches[1].Branch.ID != "" || st.Branches[2].Branch.ID != "gone" ||
		st.Branches[2].Branch.Name != "" || st.Total.Members != 3 {
		for _, b := range st.Branches {
			t.Logf("%+v: %d", *b.Branch, b.Members)
		}
		t.Errorf("members of branches not on record are not listed after the branches")
	}
}

// TestPartyStatsIdentityOnManyMembers checks 年初 + 增加 − 减少 = 年末 and
// the partitions on the synthetic 20,000 members, whose statuses come with
// and without dates.
func TestPartyStatsIdentityOnManyMembers(t *testing.T) {
	f := synthetic(20000, 540, 10)
	st := NewFigures(f, DefaultSettings()).PartyStats(time.Time{})
	if st.Total.Members < 15000 || st.Total.Changes.Undated() == 0 {
		t.Errorf("%d members, %d undated", st.Total.Members, st.Total.Changes.Undated())
	}
	sumBranches := 0
	for _, b := range st.Branches {
		checkIdentity(t, b.Branch.Name, b)
		sumBranches += b.Members
	}
	checkIdentity(t, "total", st.Total)
	if sumBranches != st.Total.Members {
		t.Errorf("branches add up to %d of %d", sumBranches, st.Total.Members)
	}
}

func sum[K comparable](m map[K]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func BenchmarkPartyStats(b *testing.B) {
	f := synthetic(20000, 540, 10)
	fig := NewFigures(f, DefaultSettings())
	for b.Loop() {
		fig.PartyStats(time.Time{})
	}
}
