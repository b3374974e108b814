package rules

import (
	"fmt"
	"slices"
	"time"

	"dangjian/data/vocab"
)

// The statistics of 发展党员: how many were admitted (入党) and confirmed
// (转正) in a statistical year, by 人员类别, branch, gender and
// organization, and how many stand at each stage on a day. Every surface
// (the dev-stats document, the 全校党内统计, the 全校概览) counts with
// DevStatistics.

// StatYear is a statistical year: the 中组部's calendar year (1 January –
// 31 December) or the 教育部's 学年 (1 July – 30 June).
type StatYear struct {
	School bool // the 教育部's 学年
	Year   int  // the calendar year; for a 学年 the year it begins in (2025 for 2025-2026学年)
}

// CalendarYearOf is the calendar year of day.
func CalendarYearOf(day time.Time) StatYear { return StatYear{Year: day.Year()} }

// SchoolYearOf is the 学年 day falls in: from 1 July of its year, else
// from 1 July of the year before.
func SchoolYearOf(day time.Time) StatYear {
	y := day.Year()
	if day.Month() < time.July {
		y--
	}
	return StatYear{School: true, Year: y}
}

// From is the year's first day.
func (y StatYear) From() time.Time {
	if y.School {
		return time.Date(y.Year, time.July, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// To is the year's last day.
func (y StatYear) To() time.Time { return y.From().AddDate(1, 0, -1) }

// Contains reports whether day (a civil date) falls in the year.
func (y StatYear) Contains(day time.Time) bool {
	day = civil(day)
	return !day.IsZero() && !day.Before(y.From()) && !day.After(y.To())
}

// Label names the year: 2026年 or 2025-2026学年.
func (y StatYear) Label() string {
	if y.School {
		return fmt.Sprintf("%d-%d学年", y.Year, y.Year+1)
	}
	return fmt.Sprintf("%d年", y.Year)
}

// Kind names the way of counting: 中组部统计年度（1月1日至12月31日） or
// 教育部统计年度（7月1日至次年6月30日）.
func (y StatYear) Kind() string {
	if y.School {
		return "教育部统计年度（7月1日至次年6月30日）"
	}
	return "中组部统计年度（1月1日至12月31日）"
}

// DevCount counts the people admitted and confirmed.
type DevCount struct {
	Admitted  int // 发展党员: the 支部大会's vote to admit in the year, approved by the 党委
	Confirmed int // 转正: the 转正 date (the day after the 预备期) in the year, approved by the 党委
}

func (c *DevCount) add(o DevCount) {
	c.Admitted += o.Admitted
	c.Confirmed += o.Confirmed
}

// DevYearStats are one statistical year's counts, in all and by 人员类别,
// branch (id), gender and organization (id).
type DevYearStats struct {
	Year     StatYear
	Total    DevCount
	ByType   map[vocab.PersonType]DevCount
	ByBranch map[string]DevCount
	ByGender map[vocab.Gender]DevCount
	ByOrg    map[string]DevCount
}

// DevStats are the statistics of 发展党员 as of a day: each year asked
// for, and the people at each stage on the day (Stock), in all, per branch
// and per organization.
type DevStats struct {
	AsOf          time.Time
	Years         []DevYearStats
	Stock         map[vocab.Stage]int
	StockByBranch map[string]map[vocab.Stage]int
	StockByOrg    map[string]map[vocab.Stage]int
}

// Year gives the counts of year y, zero when it was not asked for.
func (s DevStats) Year(y StatYear) DevYearStats {
	for _, ys := range s.Years {
		if ys.Year == y {
			return ys
		}
	}
	return newDevYear(y)
}

func newDevYear(y StatYear) DevYearStats {
	return DevYearStats{Year: y, ByType: map[vocab.PersonType]DevCount{}, ByBranch: map[string]DevCount{},
		ByGender: map[vocab.Gender]DevCount{}, ByOrg: map[string]DevCount{}}
}

// DevStatistics counts the pipeline as of asOf under the rules d: a person
// is admitted (发展) in the year of the 支部大会's vote (Admitted) once the
// 党委 has approved it by asOf, and confirmed (转正) in the year of the
// 转正 date (ConfirmedOn, the day after the 预备期, extensions included)
// once the 党委 has approved it by asOf; a later cancellation does not undo
// the count. Steps after asOf are not read. The stock is each person's
// stage on asOf (StageOf). A person listed twice (the same id) counts once.
func DevStatistics(apps []Applicant, d DevRules, asOf time.Time, years ...StatYear) DevStats {
	asOf = civil(asOf)
	out := DevStats{AsOf: asOf, Stock: map[vocab.Stage]int{}, StockByBranch: map[string]map[vocab.Stage]int{},
		StockByOrg: map[string]map[vocab.Stage]int{}}
	for _, y := range years {
		out.Years = append(out.Years, newDevYear(y))
	}
	seen := make(map[string]bool, len(apps))
	for i := range apps {
		a := &apps[i]
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		steps := slices.Clone(a.Steps)
		SortSteps(steps)
		steps = before(steps, asOf)
		if len(steps) == 0 {
			continue
		}
		stage := StageOf(steps)
		out.Stock[stage]++
		stockOf(out.StockByBranch, a.BranchID)[stage]++
		stockOf(out.StockByOrg, a.OrgID)[stage]++
		admitted, confirmed := admittedOn(steps), ConfirmedDay(steps, d)
		for j := range out.Years {
			var c DevCount
			ys := &out.Years[j]
			if ys.Year.Contains(admitted) {
				c.Admitted = 1
			}
			if ys.Year.Contains(confirmed) {
				c.Confirmed = 1
			}
			if c == (DevCount{}) {
				continue
			}
			ys.Total.add(c)
			addTo(ys.ByType, a.PersonType, c)
			addTo(ys.ByBranch, a.BranchID, c)
			addTo(ys.ByGender, a.Gender, c)
			addTo(ys.ByOrg, a.OrgID, c)
		}
	}
	return out
}

// admittedOn is the day of the 支部大会's vote to admit, when the 党委
// approved it; zero otherwise.
func admittedOn(steps []Step) time.Time {
	if _, ok := Last(steps, vocab.StepApproval, vocab.OutcomePassed); !ok {
		return time.Time{}
	}
	return Admitted(steps)
}

// ConfirmedDay is the 转正 date (ConfirmedOn) of a person whose 转正 the
// 党委 approved, zero otherwise: the day the statistics count the 转正 in,
// and the board its 正式党员 of the year.
func ConfirmedDay(steps []Step, d DevRules) time.Time {
	if _, ok := Last(steps, vocab.StepConfirmApproval, vocab.OutcomeConfirmed); !ok {
		return time.Time{}
	}
	return ConfirmedOn(steps, d)
}

func stockOf(m map[string]map[vocab.Stage]int, key string) map[vocab.Stage]int {
	s := m[key]
	if s == nil {
		s = map[vocab.Stage]int{}
		m[key] = s
	}
	return s
}

func addTo[K comparable](m map[K]DevCount, k K, c DevCount) {
	v := m[k]
	v.add(c)
	m[k] = v
}

// Add sums another organization's statistics (of the same day and years)
// into s.
func (s *DevStats) Add(o DevStats) {
	if s.Stock == nil {
		*s = DevStats{AsOf: o.AsOf, Stock: map[vocab.Stage]int{}, StockByBranch: map[string]map[vocab.Stage]int{},
			StockByOrg: map[string]map[vocab.Stage]int{}}
	}
	for st, n := range o.Stock {
		s.Stock[st] += n
	}
	for _, pair := range []struct {
		to, from map[string]map[vocab.Stage]int
	}{
		{s.StockByBranch, o.StockByBranch}, {s.StockByOrg, o.StockByOrg}} {
		for k, m := range pair.from {
			for st, n := range m {
				stockOf(pair.to, k)[st] += n
			}
		}
	}
	for _, oy := range o.Years {
		i := slices.IndexFunc(s.Years, func(y DevYearStats) bool { return y.Year == oy.Year })
		if i < 0 {
			s.Years = append(s.Years, newDevYear(oy.Year))
			i = len(s.Years) - 1
		}
		ys := &s.Years[i]
		ys.Total.add(oy.Total)
		for k, c := range oy.ByType {
			addTo(ys.ByType, k, c)
		}
		for k, c := range oy.ByBranch {
			addTo(ys.ByBranch, k, c)
		}
		for k, c := range oy.ByGender {
			addTo(ys.ByGender, k, c)
		}
		for k, c := range oy.ByOrg {
			addTo(ys.ByOrg, k, c)
		}
	}
}

// DevStats are the statistics of 发展党员 of the figures' pipeline as of
// asOf (the figures' day when zero), each organization's under its own
// rules of 发展党员 in figures made Together (DevStatistics).
func (g *Figures) DevStats(asOf time.Time, years ...StatYear) DevStats {
	if asOf.IsZero() {
		asOf = g.e.cal.asOf
	}
	if g.parts != nil {
		s := DevStatistics(nil, g.e.s.Dev, asOf, years...)
		for _, p := range g.parts {
			s.Add(p.DevStats(asOf, years...))
		}
		return s
	}
	return DevStatistics(g.e.f.Applicants, g.e.s.Dev, asOf, years...)
}

// DevYears are the statistical years the figures of year as of asOf
// count admissions in: the calendar year, and the 学年 running on asOf (on
// 31 December for a past year).
func DevYears(year int, asOf time.Time) (calendar, school StatYear) {
	day := civil(asOf)
	if end := time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC); day.IsZero() || day.After(end) {
		day = end
	}
	return StatYear{Year: year}, SchoolYearOf(day)
}
