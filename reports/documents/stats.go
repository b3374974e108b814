package documents

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() {
	builders[Stats] = builder{title: "党内统计汇总", landscape: true, period: asOfPeriod, build: buildStats}
}

// The 党内统计 tables: one row per branch and the 合计, counts in 名, from
// rules.Figures.PartyStats as of the document's day (Options.AsOf).

// statsRow is one branch's (or the total's) statistics with its row label.
type statsRow struct {
	label string
	s     *rules.BranchStats
	total bool
}

// statsRows gives the rows of the tables: the branches covered in the
// store's order, members of branches not on record when every branch is
// covered, and the 合计 when there is more than one row.
func statsRows(r *request, st *rules.PartyStats) []statsRow {
	byID := map[string]*rules.BranchStats{}
	for i := range st.Branches {
		byID[st.Branches[i].Branch.ID] = &st.Branches[i]
	}
	var rows []statsRow
	covered := map[string]bool{}
	for _, b := range r.branches {
		covered[b.ID] = true
		s := byID[b.ID]
		if s == nil {
			s = &rules.BranchStats{}
		}
		rows = append(rows, statsRow{label: b.Label, s: s})
	}
	if r.opts.BranchID != "" {
		return rows
	}
	for i := range st.Branches {
		s := &st.Branches[i]
		if !covered[s.Branch.ID] && (s.Members > 0 || s.Suspended > 0 || s.Changes != rules.Changes{}) {
			rows = append(rows, statsRow{label: "未分配党支部", s: s})
		}
	}
	if len(rows) > 1 {
		rows = append(rows, statsRow{label: "合计", s: &st.Total, total: true})
	}
	return rows
}

// statsTotal is the figures of everything the document covers.
func statsTotal(r *request, st *rules.PartyStats, rows []statsRow) *rules.BranchStats {
	if r.opts.BranchID == "" {
		return &st.Total
	}
	return rows[0].s
}

func buildStats(r *request) error {
	fig, err := r.figures()
	if err != nil {
		return err
	}
	ref := r.asOf()
	st := fig.PartyStats(ref)
	rows := statsRows(r, &st)
	all := statsTotal(r, &st, rows)
	c := all.Changes
	if all.Members == 0 && c.Start == 0 && c.Added() == 0 && c.Undated() == 0 && all.Suspended == 0 {
		r.nothing("统计截止日期" + prose(ref) + "没有在册党员，本年度也没有党员增减，无可统计的数据。")
		return nil
	}
	r.progress(1, 3)
	p := r.part("", "", "")
	p.Add(&layout.Fields{Items: []layout.Field{
		{Label: "填报单位（盖章）", Value: r.doc.Org},
		{Label: "填表人"},
		{Label: "报出日期", Value: prose(r.now)},
		{Label: "统计截止日期", Value: prose(ref)},
		{Label: "单位", Value: "名"},
	}})
	p.Add(&layout.Spacer{MM: 1}, &layout.Paragraph{Indent: true, Text: statsSummary(all, ref)}, &layout.Spacer{MM: 2})
	p.Add(statsBasic(rows, all), statsAge(rows), statsEducation(rows), statsPersonType(rows), statsPartyAge(rows))
	r.progress(2, 3)
	p.Add(statsChanges(rows, &st))
	explained := statsExplained(&st, all, r.opts.BranchID == "")
	if r.scopeWord() == University {
		explained = strings.Replace(explained, "为本组织内党支部之间的调整", "为各二级党组织内党支部之间的调整", 1)
	}
	p.Add(&layout.Paragraph{Indent: true, Text: explained})
	p.Add(&layout.Signatures{Lines: []layout.SignLine{{Who: "填表人签字："}, {Who: "审核人签字："}, {Who: "负责人签字：", Date: true}}})
	r.progress(3, 3)
	return nil
}

// statsSummary is the paragraph above the tables.
func statsSummary(all *rules.BranchStats, ref time.Time) string {
	text := fmt.Sprintf("截至统计截止日期，共有党员%d名，其中正式党员%d名、预备党员%d名；女党员%d名，少数民族党员%d名。"+
		"%d年初有党员%d名，本年增加%d名（其中发展党员%d名），减少%d名。",
		all.Members, all.Category[vocab.CategoryFull], all.Category[vocab.CategoryProbation],
		all.Gender[vocab.Female], all.Ethnicity[rules.EthnicMinority],
		ref.Year(), all.Changes.Start, all.Changes.Added(), all.Changes.Admitted, all.Changes.Removed())
	if all.Suspended > 0 {
		text += fmt.Sprintf("另有停止党籍的党员%d名，不计入党员总数。", all.Suspended)
	}
	return text
}

// statsExplained is the note on how the figures are counted, and on the
// members whose dates could not be told; whole when every branch is
// covered.
func statsExplained(st *rules.PartyStats, all *rules.BranchStats, whole bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "统计说明：党员总数为统计截止日期党籍正常的党员，停止党籍的党员不计入。"+
		"党员类别为统计截止日期时的类别；年龄、党龄按周岁计算至统计截止日期，党龄自转正之日起算，未记录转正日期的按入党满一年计。"+
		"党员增减自%s起计至%s：年初数＋增加－减少＝年末数；发展党员以入党日期计，转入、转出以介绍信开具日期计，"+
		"死亡、出党、停止党籍、恢复党籍以党籍状态变更登记之日计；支部间调入、调出为本组织内党支部之间的调整",
		prose(st.From), prose(st.Ref))
	if whole {
		b.WriteString("，合计相等，不影响党员总数")
	}
	b.WriteString("。")
	if c := all.Changes; c.Confirmed > 0 {
		fmt.Fprintf(&b, "本年预备党员转正%d名。", c.Confirmed)
	}
	if c := all.Changes; c.Undated() > 0 {
		fmt.Fprintf(&b, "无法确定日期的党员%d名", c.Undated())
		var parts []string
		if c.UndatedLeft > 0 {
			parts = append(parts, fmt.Sprintf("%d名党籍状态已变更但未记录日期，未计入年初数和年末数", c.UndatedLeft))
		}
		if c.UndatedJoin > 0 {
			parts = append(parts, fmt.Sprintf("%d名未记录入党日期，按年初已在册计", c.UndatedJoin))
		}
		b.WriteString("：" + strings.Join(parts, "；") + "，请补录后重新统计。")
	}
	return b.String()
}

// statsTable is a table of the 党支部 column and a column per title, a
// row per row with its counts from count; with shares, a last row gives
// each column's share of the last row's first count (the 合计).
func statsTable(caption string, rows []statsRow, groups []layout.Group, titles []string, shares bool,
	count func(*rules.BranchStats) []int) *layout.Table {
	t := &layout.Table{Caption: caption, Groups: groups}
	t.Columns = append(t.Columns, layout.Column{Title: "党支部", Width: 46})
	for _, title := range titles {
		t.Columns = append(t.Columns, layout.Column{Title: title, Align: layout.Right})
	}
	var last []int
	for _, row := range rows {
		ns := count(row.s)
		cells := []string{row.label}
		for _, n := range ns {
			cells = append(cells, fmt.Sprint(n))
		}
		t.Rows = append(t.Rows, layout.Row{Cells: cells, Total: row.total})
		last = ns
	}
	if shares && len(last) > 0 && last[0] > 0 {
		cells := []string{"占比"}
		for _, n := range last {
			cells = append(cells, share(n, last[0]))
		}
		t.Rows = append(t.Rows, layout.Row{Cells: cells})
	}
	return t
}

// share is n's share of total in per cent, rounded half up to one decimal.
func share(n, total int) string {
	v := (n*2000 + total) / (2 * total) // in 0.1%
	return fmt.Sprintf("%d.%d%%", v/10, v%10)
}

// statsBasic is 表一: 党员总数 by 党员类别, 性别 and 民族, and the members
// whose 党籍 is stopped beside them.
func statsBasic(rows []statsRow, all *rules.BranchStats) *layout.Table {
	genderUnknown := all.Gender[""] > 0
	ethnicUnknown := all.Ethnicity[rules.EthnicUnknown] > 0
	titles := []string{"党员总数", string(vocab.CategoryFull), string(vocab.CategoryProbation)}
	groups := []layout.Group{{Span: 2}, {Title: "党员类别", Span: 2}}
	for _, g := range vocab.Genders {
		titles = append(titles, string(g))
	}
	if genderUnknown {
		titles = append(titles, "未填写")
	}
	groups = append(groups, layout.Group{Title: "性别", Span: len(titles) - 3})
	n := len(titles)
	titles = append(titles, rules.EthnicHan.Label(), rules.EthnicMinority.Label())
	if ethnicUnknown {
		titles = append(titles, "未填写")
	}
	groups = append(groups, layout.Group{Title: "民族", Span: len(titles) - n}, layout.Group{Span: 1})
	titles = append(titles, "停止党籍（不计入总数）")
	// No 占比 row: the columns are not one partition.
	t := statsTable("表一　党员基本情况", rows, groups, titles, false, func(s *rules.BranchStats) []int {
		ns := []int{s.Members, s.Category[vocab.CategoryFull], s.Category[vocab.CategoryProbation]}
		for _, g := range vocab.Genders {
			ns = append(ns, s.Gender[g])
		}
		if genderUnknown {
			ns = append(ns, s.Gender[""])
		}
		ns = append(ns, s.Ethnicity[rules.EthnicHan], s.Ethnicity[rules.EthnicMinority])
		if ethnicUnknown {
			ns = append(ns, s.Ethnicity[rules.EthnicUnknown])
		}
		return append(ns, s.Suspended)
	})
	if len(all.Minorities) > 0 {
		t.Note = "少数民族党员中：" + statsMinorities(all.Minorities) + "。"
	}
	return t
}

// statsMinorities lists the minorities by count, then name: 「回族2名、蒙古族1名」.
func statsMinorities(m map[string]int) string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s%d名", n, m[n])
	}
	return strings.Join(parts, "、")
}

// statsAge is 表二: the members by age band.
func statsAge(rows []statsRow) *layout.Table {
	bands := append([]rules.AgeBand(nil), rules.AgeBands...)
	if anyRow(rows, func(s *rules.BranchStats) bool { return s.Age[rules.AgeUnknown] > 0 }) {
		bands = append(bands, rules.AgeUnknown)
	}
	titles := []string{"合计"}
	for _, b := range bands {
		titles = append(titles, b.Label())
	}
	return statsTable("表二　党员年龄情况", rows, []layout.Group{{Span: 2}, {Title: "年龄", Span: len(bands)}}, titles, true,
		func(s *rules.BranchStats) []int {
			ns := []int{s.Members}
			for _, b := range bands {
				ns = append(ns, s.Age[b])
			}
			return ns
		})
}

// statsEducation is 表三: the members by 学历.
func statsEducation(rows []statsRow) *layout.Table {
	return statsByValue("表三　党员学历情况", "学历", rows, vocab.Educations, func(s *rules.BranchStats) map[vocab.Education]int { return s.Education })
}

// statsPersonType is 表四: the members by 人员类别.
func statsPersonType(rows []statsRow) *layout.Table {
	return statsByValue("表四　党员人员类别情况", "人员类别", rows, vocab.PersonTypes, func(s *rules.BranchStats) map[vocab.PersonType]int { return s.PersonType })
}

// statsByValue is a table of the members by the values of a field, with
// 未填写 when some member lacks it.
func statsByValue[T ~string](caption, group string, rows []statsRow, values []T, of func(*rules.BranchStats) map[T]int) *layout.Table {
	values = append([]T(nil), values...)
	titles := []string{"合计"}
	for _, v := range values {
		titles = append(titles, string(v))
	}
	if anyRow(rows, func(s *rules.BranchStats) bool { return of(s)[""] > 0 }) {
		values = append(values, "")
		titles = append(titles, "未填写")
	}
	return statsTable(caption, rows, []layout.Group{{Span: 2}, {Title: group, Span: len(values)}}, titles, true,
		func(s *rules.BranchStats) []int {
			ns := []int{s.Members}
			m := of(s)
			for _, v := range values {
				ns = append(ns, m[v])
			}
			return ns
		})
}

// statsPartyAge is 表五: the members by 党龄, 预备党员 apart.
func statsPartyAge(rows []statsRow) *layout.Table {
	bands := append([]rules.PartyAgeBand(nil), rules.PartyAgeBands...)
	bands = append(bands, rules.PartyAgeProbation)
	if anyRow(rows, func(s *rules.BranchStats) bool { return s.PartyAge[rules.PartyAgeUnknown] > 0 }) {
		bands = append(bands, rules.PartyAgeUnknown)
	}
	titles := []string{"合计"}
	for _, b := range bands {
		titles = append(titles, b.Label())
	}
	return statsTable("表五　党员党龄情况", rows, []layout.Group{{Span: 2}, {Title: "党龄", Span: len(bands)}}, titles, true,
		func(s *rules.BranchStats) []int {
			ns := []int{s.Members}
			for _, b := range bands {
				ns = append(ns, s.PartyAge[b])
			}
			return ns
		})
}

// statsChanges is 表六: the 党员增减 of the year, 年初数 + 增加 − 减少 = 年末数
// on every row.
func statsChanges(rows []statsRow, st *rules.PartyStats) *layout.Table {
	in := []string{"小计", "发展党员", string(vocab.TransferIn), "恢复党籍", "支部间调入", "其他原因"}
	out := []string{"小计", string(vocab.TransferOut), "死亡", string(vocab.StatusExpelled), string(vocab.StatusSuspended),
		"支部间调出", "其他原因"}
	titles := append(append(append([]string{"年初数"}, in...), out...), "年末数")
	groups := []layout.Group{{Span: 2}, {Title: "增加", Span: len(in)}, {Title: "减少", Span: len(out)}, {Span: 1}}
	// No 占比 row: counts of people coming and going have no share.
	return statsTable(fmt.Sprintf("表六　党员增减情况（%s至%s）", prose(st.From), prose(st.Ref)),
		rows, groups, titles, false, func(s *rules.BranchStats) []int {
			c := s.Changes
			return []int{c.Start,
				c.Added(), c.Admitted, c.TransferredIn, c.Restored, c.MovedIn, c.OtherIn,
				c.Removed(), c.TransferredOut, c.Died, c.Expelled, c.Suspended, c.MovedOut, c.OtherOut,
				c.End}
		})
}

// anyRow reports whether some row satisfies f.
func anyRow(rows []statsRow, f func(*rules.BranchStats) bool) bool {
	for _, r := range rows {
		if f(r.s) {
			return true
		}
	}
	return false
}
