package rules

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"dangjian/data/vocab"
)

// PartyStats is the 党内统计 of the organization as of a day: who is on
// the rolls by each field the statistics forms ask, and the 党员增减 of the
// year up to that day, for every branch and for the whole.
//
// On the rolls means counted in the 党员总数: 党籍 正常, admitted (入党日期
// on or before the day) and here (by the transfer letters). A member whose
// 党籍 is stopped (停止党籍) is not counted, as the 党内统计 counts them: the
// stop is a 减少 and its 恢复 an 增加.
type PartyStats struct {
	Ref      time.Time     // the day the figures are as of (统计截止日期)
	From     time.Time     // the first day whose changes are counted: 1 January of Ref's year
	Total    BranchStats   // the whole organization (Branch nil); each column is the sum over Branches
	Branches []BranchStats // every branch in findings order, then members of branches not on record
}

// BranchStats is the statistics of one branch.
type BranchStats struct {
	Branch      *Branch // nil for the total; a branch not on record has only its ID
	Composition         // the members on the rolls on Ref
	Changes     Changes // 党员增减 from From to Ref
}

// Composition counts the members on the rolls on a day. Every breakdown
// adds up to Members; a value not filled in (or not of the vocabulary) is
// counted under the empty key, or AgeUnknown and PartyAgeUnknown.
type Composition struct {
	Members    int
	Category   map[vocab.Category]int
	Gender     map[vocab.Gender]int
	Ethnicity  map[Ethnicity]int
	Minorities map[string]int // 少数民族 by name (回族 …), adding up to Ethnicity[EthnicMinority]
	Education  map[vocab.Education]int
	PersonType map[vocab.PersonType]int
	Age        map[AgeBand]int
	PartyAge   map[PartyAgeBand]int // 正式党员 by 党龄, 预备党员 under PartyAgeProbation
	// Suspended counts the members whose 党籍 is stopped on the day: not in
	// Members, listed beside it.
	Suspended int
}

// Ethnicity groups 民族 as the statistics do.
type Ethnicity int8

// The groups; EthnicUnknown when 民族 is not filled in.
const (
	EthnicHan Ethnicity = iota
	EthnicMinority
	EthnicUnknown
)

// Ethnicities lists the groups of a known 民族.
var Ethnicities = []Ethnicity{EthnicHan, EthnicMinority}

// Label is the group as the tables name it.
func (e Ethnicity) Label() string {
	switch e {
	case EthnicHan:
		return "汉族"
	case EthnicMinority:
		return "少数民族"
	}
	return "民族未填写"
}

// EthnicityOf groups a recorded 民族 and gives a minority's name as
// recorded.
func EthnicityOf(s string) (Ethnicity, string) {
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return EthnicUnknown, ""
	case "汉", "汉族":
		return EthnicHan, ""
	}
	return EthnicMinority, s
}

// Changes is the 党员增减 of a period: Start + Added() − Removed() = End,
// for every branch and the total alike.
type Changes struct {
	Start int // 年初数: on the rolls at the end of the day before From

	Admitted      int // 发展党员: admitted (入党日期) in the period, here
	TransferredIn int // 转入: arrived with a letter in
	Restored      int // 恢复党籍: 停止党籍 at the start, 正常 at the end
	MovedIn       int // 支部间调入: from another branch of the organization
	OtherIn       int // 其他: back on the rolls for a reason the records do not say

	TransferredOut int // 转出: left with a letter out, or 已转出
	Died           int // 死亡
	Expelled       int // 出党 (开除党籍, 除名, 退党 …)
	Suspended      int // 停止党籍
	MovedOut       int // 支部间调出: to another branch of the organization
	OtherOut       int // 其他

	End int // 年末数: on the rolls on Ref (= Composition.Members)

	// Confirmed counts, among End, the 预备党员 of the start who are 正式 at
	// the end (预备党员转正); part of no sum.
	Confirmed int
	// UndatedLeft counts the members no longer 正常 with no date of the
	// change (no letter, no recorded change): they are in neither Start nor
	// End, since no day can be told. UndatedJoin counts the members of End
	// with no 入党日期 and no letter, taken as on the rolls at the start.
	// Together they are the document's 无法确定日期.
	UndatedLeft, UndatedJoin int
}

// Added is the sum of the increases.
func (c Changes) Added() int {
	return c.Admitted + c.TransferredIn + c.Restored + c.MovedIn + c.OtherIn
}

// Removed is the sum of the decreases.
func (c Changes) Removed() int {
	return c.TransferredOut + c.Died + c.Expelled + c.Suspended + c.MovedOut + c.OtherOut
}

// Undated is the members whose dates could not be told (无法确定日期).
func (c Changes) Undated() int { return c.UndatedLeft + c.UndatedJoin }

// PartyStats computes the statistics as of ref (a zero ref: the figures'
// reference day, the year's last day or AsOf while the year runs), with the
// changes from 1 January of ref's year.
func (g *Figures) PartyStats(ref time.Time) PartyStats {
	e := g.e
	if ref.IsZero() {
		ref = e.ref
	}
	ref = civil(ref)
	from := time.Date(ref.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
	start := from.AddDate(0, 0, -1)
	out := PartyStats{Ref: ref, From: from}

	changes, letters := byMember(e.f)

	index := map[string]int{}
	for _, b := range e.branchList {
		index[b.ID] = len(out.Branches)
		out.Branches = append(out.Branches, BranchStats{Branch: b, Composition: newComposition()})
	}
	var extra []string // branch ids not on record
	of := func(id string) *BranchStats {
		i, ok := index[id]
		if !ok {
			i = len(out.Branches)
			index[id] = i
			extra = append(extra, id)
			out.Branches = append(out.Branches, BranchStats{Branch: &Branch{ID: id}, Composition: newComposition()})
		}
		return &out.Branches[i]
	}

	seen := map[string]bool{}
	for i := range e.f.Members {
		m := e.f.Members[i]
		if seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		t := newRollsTimeline(m, changes[m.ID], letters[m.ID])
		a, z := t.on(start), t.on(ref)
		if t.undatedLeft {
			of(z.branch).Changes.UndatedLeft++
		}
		if z.suspended {
			of(z.branch).Suspended++
		}
		if z.on {
			b := of(z.branch)
			b.add(&z.Member, ref)
			b.Changes.End++
			if t.undatedJoin() {
				b.Changes.UndatedJoin++
			}
			if a.Category == vocab.CategoryProbation && z.Category == vocab.CategoryFull {
				b.Changes.Confirmed++
			}
		}
		if a.on {
			of(a.branch).Changes.Start++
		}
		switch {
		case a.on && z.on && a.branch != z.branch:
			of(a.branch).Changes.MovedOut++
			of(z.branch).Changes.MovedIn++
		case z.on && !a.on:
			of(z.branch).Changes.countIn(a, z)
		case a.on && !z.on:
			of(a.branch).Changes.countOut(z)
		case !a.on && !z.on:
			// Came and went within the period: both count.
			if mid, ok := t.onWithin(start, ref); ok {
				of(mid.branch).Changes.countIn(a, mid)
				of(mid.branch).Changes.countOut(z)
			}
		}
	}
	// Members of branches not on record come last, by id.
	if len(extra) > 0 {
		n := len(out.Branches) - len(extra)
		slices.SortFunc(out.Branches[n:], func(a, b BranchStats) int { return cmp.Compare(a.Branch.ID, b.Branch.ID) })
	}
	out.Total.Composition = newComposition()
	for i := range out.Branches {
		out.Total.merge(&out.Branches[i])
	}
	return out
}

// countIn counts a member on the rolls at the end (z) and not at the start
// (a) under its reason.
func (c *Changes) countIn(a, z rollsOn) {
	switch {
	case !a.here && z.here:
		c.TransferredIn++
	case a.Category == "":
		c.Admitted++
	case a.Status == vocab.StatusSuspended:
		c.Restored++
	default:
		c.OtherIn++
	}
}

// countOut counts a member on the rolls at the start and not at the end
// (z) under its reason.
func (c *Changes) countOut(z rollsOn) {
	switch {
	case !z.here || z.Status == vocab.StatusTransferred:
		c.TransferredOut++
	case z.Status == vocab.StatusDeceased:
		c.Died++
	case z.Status == vocab.StatusExpelled:
		c.Expelled++
	case z.Status == vocab.StatusSuspended:
		c.Suspended++
	default:
		c.OtherOut++
	}
}

func newComposition() Composition {
	return Composition{
		Category:   map[vocab.Category]int{},
		Gender:     map[vocab.Gender]int{},
		Ethnicity:  map[Ethnicity]int{},
		Minorities: map[string]int{},
		Education:  map[vocab.Education]int{},
		PersonType: map[vocab.PersonType]int{},
		Age:        map[AgeBand]int{},
		PartyAge:   map[PartyAgeBand]int{},
	}
}

// known is v when it is one of values, else the empty value (未填写).
func known[T ~string](values []T, v T) T {
	if slices.Contains(values, v) {
		return v
	}
	return ""
}

// add counts m, as on day, in the composition.
func (c *Composition) add(m *Member, day time.Time) {
	c.Members++
	c.Category[m.Category]++
	c.Gender[known(vocab.Genders, m.Gender)]++
	group, name := EthnicityOf(m.Ethnicity)
	c.Ethnicity[group]++
	if name != "" {
		c.Minorities[name]++
	}
	c.Education[known(vocab.Educations, m.Education)]++
	c.PersonType[known(vocab.PersonTypes, m.PersonType)]++
	if m.Birth.IsZero() {
		c.Age[AgeUnknown]++
	} else {
		c.Age[AgeBandOf(FullYears(m.Birth, day))]++
	}
	switch start := PartyAgeStart(m.Joined, m.Confirmed); {
	case m.Category == vocab.CategoryProbation:
		c.PartyAge[PartyAgeProbation]++
	case start.IsZero():
		c.PartyAge[PartyAgeUnknown]++
	default:
		c.PartyAge[PartyAgeBandOf(FullYears(start, day))]++
	}
}

// merge adds b's counts to s.
func (s *BranchStats) merge(b *BranchStats) {
	c := &s.Composition
	c.Members += b.Members
	c.Suspended += b.Suspended
	addAll(c.Category, b.Category)
	addAll(c.Gender, b.Gender)
	addAll(c.Ethnicity, b.Ethnicity)
	addAll(c.Minorities, b.Minorities)
	addAll(c.Education, b.Education)
	addAll(c.PersonType, b.PersonType)
	addAll(c.Age, b.Age)
	addAll(c.PartyAge, b.PartyAge)
	x, y := &s.Changes, b.Changes
	x.Start += y.Start
	x.Admitted += y.Admitted
	x.TransferredIn += y.TransferredIn
	x.Restored += y.Restored
	x.MovedIn += y.MovedIn
	x.OtherIn += y.OtherIn
	x.TransferredOut += y.TransferredOut
	x.Died += y.Died
	x.Expelled += y.Expelled
	x.Suspended += y.Suspended
	x.MovedOut += y.MovedOut
	x.OtherOut += y.OtherOut
	x.End += y.End
	x.Confirmed += y.Confirmed
	x.UndatedLeft += y.UndatedLeft
	x.UndatedJoin += y.UndatedJoin
}

func addAll[K comparable](to, from map[K]int) {
	for k, n := range from {
		to[k] += n
	}
}
