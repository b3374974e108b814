package documents

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() {
	builders[Stats] = builder{title: "党内统计汇总", period: asOfPeriod, build: buildStats}
}

// statsUnknown labels members whose field is not filled in.
const statsUnknown = "未填写"

// The bands of age and 党龄, in full years.
var (
	statsAgeBands = []statsBand{
		{"30岁及以下", 0, 30}, {"31—40岁", 31, 40}, {"41—50岁", 41, 50},
		{"51—60岁", 51, 60}, {"61岁及以上", 61, 1 << 30},
	}
	statsPartyAgeBands = []statsBand{
		{"不满5年", 0, 4}, {"5—10年", 5, 10}, {"11—20年", 11, 20},
		{"21—30年", 21, 30}, {"31—50年", 31, 50}, {"50年以上", 51, 1 << 30},
	}
)

// statsProbationary is the 党龄 row of 预备党员, whose 党龄 has not begun.
const statsProbationary = "预备党员(未计党龄)"

type statsBand struct {
	label    string
	from, to int // inclusive
}

func statsBandOf(bands []statsBand, years int) string {
	for _, b := range bands {
		if years >= b.from && years <= b.to {
			return b.label
		}
	}
	return bands[0].label // negative: a date after the reference day
}

func statsBandLabels(bands []statsBand) []string {
	out := make([]string, len(bands))
	for i, b := range bands {
		out[i] = b.label
	}
	return out
}

// statsTally counts members by one field. Fixed labels are always listed,
// in their order; other values follow by count, then name; 未填写 comes
// last, and only when some member has it.
type statsTally struct {
	fixed []string
	n     map[string]int
}

func newStatsTally(fixed ...string) *statsTally {
	return &statsTally{fixed: fixed, n: map[string]int{}}
}

func (t *statsTally) add(label string) { t.n[label]++ }

func (t *statsTally) labels() []string {
	out := append([]string(nil), t.fixed...)
	isFixed := map[string]bool{}
	for _, l := range t.fixed {
		isFixed[l] = true
	}
	var extra []string
	for l := range t.n {
		if !isFixed[l] && l != statsUnknown {
			extra = append(extra, l)
		}
	}
	sort.Slice(extra, func(i, j int) bool {
		if t.n[extra[i]] != t.n[extra[j]] {
			return t.n[extra[i]] > t.n[extra[j]]
		}
		return extra[i] < extra[j]
	})
	out = append(out, extra...)
	if t.n[statsUnknown] > 0 && !isFixed[statsUnknown] {
		out = append(out, statsUnknown)
	}
	return out
}

// statsShares formats each count's share of total in per cent, rounded
// half up to one decimal. Each share is rounded on its own, so that equal
// counts show equal shares; the shares of a partition may therefore add up
// to 99.9% or 100.1%, as the document notes.
func statsShares(counts []int, total int) []string {
	out := make([]string, len(counts))
	for i, c := range counts {
		if total <= 0 {
			out[i] = "—"
			continue
		}
		v := (c*2000 + total) / (2 * total) // in 0.1%
		out[i] = fmt.Sprintf("%d.%d%%", v/10, v%10)
	}
	return out
}

// statsYears is the number of full years from a civil date to ref.
func statsYears(from, ref time.Time) int {
	y := ref.Year() - from.Year()
	if ref.Month() < from.Month() || ref.Month() == from.Month() && ref.Day() < from.Day() {
		y--
	}
	return y
}

// statsEthnicity maps a 民族 to 汉族, 少数民族 or 未填写, and returns the
// minority's name.
func statsEthnicity(s string) (group, minority string) {
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return statsUnknown, ""
	case "汉", "汉族":
		return "汉族", ""
	}
	return "少数民族", s
}

// statsPartyAge is a member's 党龄 band on ref, given the member's category
// then: 党龄 runs from 转正, taken as a year after 入党 when the 转正日期 is
// not recorded.
func statsPartyAge(m *data.Member, cat vocab.Category, ref time.Time) string {
	if cat == vocab.CategoryProbation {
		return statsProbationary
	}
	start := rules.PartyAgeStart(m.JoinedDate.Time, m.ConfirmedAt.Time)
	if start.IsZero() {
		return statsUnknown
	}
	return statsBandOf(statsPartyAgeBands, statsYears(start, ref))
}

func statsOr(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return statsUnknown
	}
	return s
}

// statsData is every count of the document.
type statsData struct {
	total     int
	branch    map[string]int // by branch id
	category  *statsTally
	gender    *statsTally
	ethnicity *statsTally
	minority  *statsTally
	age       *statsTally
	education *statsTally
	partyAge  *statsTally
	person    *statsTally
	cross     map[string]map[[2]string]int // branch id → {category, gender} → count
}

func (r *request) statsCount(ref time.Time) (*statsData, error) {
	s := &statsData{
		branch:    map[string]int{},
		category:  newStatsTally(data.Categories...),
		gender:    newStatsTally(data.Genders...),
		ethnicity: newStatsTally("汉族", "少数民族"),
		minority:  newStatsTally(),
		age:       newStatsTally(statsBandLabels(statsAgeBands)...),
		education: newStatsTally(data.Educations...),
		partyAge:  newStatsTally(append(statsBandLabels(statsPartyAgeBands), statsProbationary)...),
		person:    newStatsTally(data.PersonTypes...),
		cross:     map[string]map[[2]string]int{},
	}
	seen := 0
	err := r.store.Members.Each(r.ctx, func(m *data.Member) error {
		seen++
		if seen%2000 == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		if !m.Active() || !r.inBranch(m.BranchID) {
			return nil
		}
		category := categoryOn(m, ref)
		if category == "" {
			return nil // admitted after the reference day
		}
		s.total++
		b := string(m.BranchID)
		s.branch[b]++
		cat, gender := string(category), statsOr(m.Gender)
		s.category.add(cat)
		s.gender.add(gender)
		group, minority := statsEthnicity(m.Ethnicity)
		s.ethnicity.add(group)
		if minority != "" {
			s.minority.add(minority)
		}
		if m.BirthDate.IsZero() {
			s.age.add(statsUnknown)
		} else {
			s.age.add(statsBandOf(statsAgeBands, statsYears(m.BirthDate.Time, ref)))
		}
		s.education.add(statsOr(m.Education))
		s.partyAge.add(statsPartyAge(m, category, ref))
		s.person.add(statsOr(m.PersonType))
		if s.cross[b] == nil {
			s.cross[b] = map[[2]string]int{}
		}
		s.cross[b][[2]string{cat, gender}]++
		return nil
	})
	return s, err
}

func buildStats(r *request) error {
	ref := r.asOf()
	s, err := r.statsCount(ref)
	if err != nil {
		return err
	}
	if s.total == 0 {
		r.nothing("没有在册党员，无可统计的数据。")
		return nil
	}
	steps := 10
	r.progress(1, steps)
	covered := 0
	for _, b := range r.branches {
		if s.branch[b.ID] > 0 {
			covered++
		}
	}
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("统计范围：在册党员（党籍状态为正常或停止党籍）共%d名，其中正式党员%d名、预备党员%d名，"+
		"女党员%d名，少数民族党员%d名；统计的%d个党支部中%d个有在册党员。",
		s.total, s.category.n[string(vocab.CategoryFull)], s.category.n[string(vocab.CategoryProbation)],
		s.gender.n[string(vocab.Female)], s.ethnicity.n["少数民族"],
		len(r.branches), covered)})
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("党员类别为%[1]s时的类别，年龄、党龄按周岁（整年）计算至%[1]s；党龄自转正之日起算，"+
		"未记录转正日期的按入党满一年计。"+
		"占比为占在册党员总数的比例，四舍五入保留一位小数，分项之和可能与100%%略有出入。", prose(ref))}, &layout.Spacer{MM: 2})

	branchNames := make([]string, len(r.branches))
	branchCounts := make([]int, len(r.branches))
	for i, b := range r.branches {
		branchNames[i], branchCounts[i] = b.Label, s.branch[b.ID]
	}
	sections := []struct {
		heading, column string
		labels          []string
		counts          []int
	}{
		{"一、按党支部", "党支部", branchNames, branchCounts},
		{"二、按党员类别", "党员类别", nil, nil},
		{"三、按性别", "性别", nil, nil},
		{"四、按民族", "民族", nil, nil},
		{"五、按年龄", "年龄", nil, nil},
		{"六、按学历", "学历", nil, nil},
		{"七、按党龄", "党龄", nil, nil},
		{"八、按人员类别", "人员类别", nil, nil},
	}
	tallies := []*statsTally{nil, s.category, s.gender, s.ethnicity, s.age, s.education, s.partyAge, s.person}
	for i, sec := range sections {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		labels, counts := sec.labels, sec.counts
		if t := tallies[i]; t != nil {
			labels = t.labels()
			counts = make([]int, len(labels))
			for j, l := range labels {
				counts[j] = t.n[l]
			}
		}
		p.Add(&layout.Heading{Level: 1, Text: sec.heading}, statsTable(sec.column, labels, counts, s.total, true))
		if sec.column == "民族" && len(s.minority.n) > 0 {
			labels := s.minority.labels()
			counts := make([]int, len(labels))
			for j, l := range labels {
				counts[j] = s.minority.n[l]
			}
			p.Add(&layout.Spacer{MM: 2}, &layout.Paragraph{Text: "其中少数民族党员："},
				statsTable("少数民族", labels, counts, s.total, false))
		}
		p.Add(&layout.Spacer{MM: 3})
		r.progress(i+2, steps)
	}
	p.Add(&layout.Heading{Level: 1, Text: "九、党支部×党员类别×性别"})
	p.Add(statsCross(r, s)...)
	r.progress(steps, steps)
	return nil
}

// statsTable is one count table: a row per label with its count and
// share of total, then, when withTotal, the 合计 row.
func statsTable(column string, labels []string, counts []int, total int, withTotal bool) *layout.Table {
	width := 60.0
	if column == "党支部" {
		width = 100
	}
	t := &layout.Table{Columns: []layout.Column{
		{Title: column, Width: width}, {Title: "人数", Width: 25, Align: layout.Right}, {Title: "占比", Width: 25, Align: layout.Right},
	}}
	shares := statsShares(counts, total)
	sum := 0
	for i, l := range labels {
		t.Rows = append(t.Rows, layout.Row{Cells: []string{l, fmt.Sprint(counts[i]), shares[i]}})
		sum += counts[i]
	}
	if withTotal {
		t.Rows = append(t.Rows, layout.Row{Total: true, Cells: []string{"合计", fmt.Sprint(sum), statsShares([]int{sum}, total)[0]}})
	}
	return t
}

// statsCross is the branch × 党员类别 × 性别 table with its totals, and the
// note above it.
func statsCross(r *request, s *statsData) []layout.Block {
	cats := s.category.labels()
	genders := s.gender.labels()
	cols := []layout.Column{{Title: "党支部"}}
	for _, c := range cats {
		short := strings.TrimSuffix(c, "党员")
		for _, g := range genders {
			cols = append(cols, layout.Column{Title: short + g, Width: 14, Align: layout.Right})
		}
		cols = append(cols, layout.Column{Title: short + "小计", Width: 16, Align: layout.Right})
	}
	for _, g := range genders {
		cols = append(cols, layout.Column{Title: g, Width: 12, Align: layout.Right})
	}
	cols = append(cols, layout.Column{Title: "合计", Width: 14, Align: layout.Right})
	note := &layout.Paragraph{Text: "“正式男”即正式党员中的男党员，余类推；“小计”为该类别党员人数，“男”“女”“合计”为各类别之和。"}
	t := &layout.Table{Columns: cols}
	sums := make([]int, len(cols)-1)
	row := func(cell func(cat, gender string) int) []int {
		var out []int
		byGender := make([]int, len(genders))
		all := 0
		for _, c := range cats {
			sub := 0
			for gi, g := range genders {
				n := cell(c, g)
				out = append(out, n)
				sub += n
				byGender[gi] += n
			}
			out = append(out, sub)
			all += sub
		}
		return append(append(out, byGender...), all)
	}
	cellsOf := func(name string, ns []int) []string {
		cells := []string{name}
		for _, n := range ns {
			cells = append(cells, fmt.Sprint(n))
		}
		return cells
	}
	for _, b := range r.branches {
		counts := s.cross[b.ID]
		ns := row(func(c, g string) int { return counts[[2]string{c, g}] })
		for i, n := range ns {
			sums[i] += n
		}
		t.Rows = append(t.Rows, layout.Row{Cells: cellsOf(b.Label, ns)})
	}
	t.Rows = append(t.Rows, layout.Row{Total: true, Cells: cellsOf("合计", sums)})
	return []layout.Block{note, t}
}
