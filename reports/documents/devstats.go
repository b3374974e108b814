package documents

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// DevStats is the 发展党员统计: the people admitted (发展) and confirmed
// (转正) in both statistical years — the 中组部's calendar year and the
// 教育部's 学年 — by 人员类别, gender and branch (or 二级党组织), and the
// people at each stage on the day, all counted by rules.DevStatistics.
const DevStats Kind = "dev-stats"

func init() {
	builders[DevStats] = builder{title: "发展党员统计", landscape: true, period: asOfPeriod, build: buildDevStats}
	Kinds = append(Kinds, DevStats)
}

// devStatYears are the years the document counts: the calendar year of
// the document, the 学年 that ends in it and the one that begins in it,
// once begun by the day.
func devStatYears(year int, ref time.Time) []rules.StatYear {
	years := []rules.StatYear{{Year: year}, {School: true, Year: year - 1}}
	if next := (rules.StatYear{School: true, Year: year}); !ref.Before(next.From()) {
		years = append(years, next)
	}
	return years
}

// devStatsOf counts the pipeline of the branches covered as of ref: each
// organization's under its own rules of 发展党员. orgs names the
// organizations of a consolidated database, in order, when every one is
// covered.
func (r *request) devStatsOf(ref time.Time, years []rules.StatYear) (st rules.DevStats, orgs [][2]string, err error) {
	inScope := func(apps []rules.Applicant) []rules.Applicant {
		var out []rules.Applicant
		for _, a := range apps {
			if r.inBranch(data.Ref(a.BranchID)) {
				out = append(out, a)
			}
		}
		return out
	}
	if r.scope.consolidated() && r.scope.orgID == "" {
		figs, err := r.store.OrgFigures(r.ctx, r.year, checkDay(r.year, r.now))
		if err != nil {
			return st, nil, err
		}
		st = rules.DevStatistics(nil, rules.DevRules{}, ref, years...)
		for _, o := range figs {
			f := o.Figures
			st.Add(rules.DevStatistics(inScope(f.Facts().Applicants), f.Settings().Dev, ref, years...))
			orgs = append(orgs, [2]string{o.Org.ID, o.Org.Name})
		}
		return st, orgs, nil
	}
	fig, err := r.figures()
	if err != nil || fig == nil {
		return st, nil, err
	}
	return rules.DevStatistics(inScope(fig.Facts().Applicants), fig.Settings().Dev, ref, years...), nil, nil
}

// buildDevStats makes the 发展党员统计.
func buildDevStats(r *request) error {
	// The year follows the day counted as of: --date 2025-12-31 counts
	// 2025 and its 学年 as --year 2025 does, whatever the year printed in.
	ref := r.asOf()
	years := devStatYears(ref.Year(), ref)
	st, orgs, err := r.devStatsOf(ref, years)
	if err != nil {
		return err
	}
	r.progress(1, 3)
	stock := 0
	for _, n := range st.Stock {
		stock += n
	}
	if stock == 0 {
		r.nothing("截至" + prose(ref) + "，没有发展党员的记录，无可统计的数据。")
		return nil
	}
	p := r.part("", "", "")
	p.Add(&layout.Fields{Items: []layout.Field{
		{Label: "填报单位（盖章）", Value: r.doc.Org},
		{Label: "填表人"},
		{Label: "报出日期", Value: prose(r.now)},
		{Label: "统计截止日期", Value: prose(ref)},
		{Label: "单位", Value: "名"},
	}})
	p.Add(&layout.Spacer{MM: 1}, &layout.Paragraph{Indent: true, Text: devStatsSummary(st, years, ref)},
		&layout.Spacer{MM: 2})

	var typeRows, genderRows []devStatRow
	for _, pt := range vocab.PersonTypes {
		typeRows = append(typeRows, devStatRow{label: string(pt), of: func(y rules.DevYearStats) rules.DevCount {
			return y.ByType[pt]
		}})
	}
	for _, g := range vocab.Genders {
		genderRows = append(genderRows, devStatRow{label: string(g), of: func(y rules.DevYearStats) rules.DevCount {
			return y.ByGender[g]
		}})
	}
	if unknown(st, func(y rules.DevYearStats) rules.DevCount { return y.ByType[""] }) {
		typeRows = append(typeRows, devStatRow{label: "未填写", of: func(y rules.DevYearStats) rules.DevCount {
			return y.ByType[""]
		}})
	}
	if unknown(st, func(y rules.DevYearStats) rules.DevCount { return y.ByGender[""] }) {
		genderRows = append(genderRows, devStatRow{label: "未填写", of: func(y rules.DevYearStats) rules.DevCount {
			return y.ByGender[""]
		}})
	}
	total := devStatRow{label: "合计", total: true, of: func(y rules.DevYearStats) rules.DevCount { return y.Total }}
	p.Add(devStatsTable("表一　按人员类别", "人员类别", st, years, append(typeRows, total)))
	p.Add(devStatsTable("表二　按性别", "性别", st, years, append(genderRows, total)))
	r.progress(2, 3)

	// By 二级党组织 for the whole university, else by branch.
	var unitRows []devStatRow
	var stockRows [][2]string // id, label
	unit, key := "党支部", func(y rules.DevYearStats) map[string]rules.DevCount { return y.ByBranch }
	stockOf := st.StockByBranch
	if orgs != nil {
		unit, key, stockOf = "二级党组织", func(y rules.DevYearStats) map[string]rules.DevCount { return y.ByOrg }, st.StockByOrg
		stockRows = orgs
	} else {
		for _, b := range r.branches {
			stockRows = append(stockRows, [2]string{b.ID, b.Label})
		}
	}
	for _, row := range stockRows {
		id := row[0]
		unitRows = append(unitRows, devStatRow{label: row[1], of: func(y rules.DevYearStats) rules.DevCount { return key(y)[id] }})
	}
	if len(unitRows) > 1 {
		unitRows = append(unitRows, total)
	}
	p.Add(devStatsTable("表三　按"+unit, unit, st, years, unitRows))
	p.Add(devStockTable("表四　"+prose(ref)+"各阶段人数", unit, st.Stock, stockOf, stockRows))
	p.Add(&layout.Paragraph{Indent: true, Text: devStatsExplained(years)})
	p.Add(&layout.Signatures{Lines: []layout.SignLine{{Who: "填表人签字："}, {Who: "审核人签字："}, {Who: "负责人签字：", Date: true}}})
	r.progress(3, 3)
	return nil
}

// devStatRow is a row of the tables of admissions: its label and its
// counts in a year.
type devStatRow struct {
	label string
	total bool
	of    func(rules.DevYearStats) rules.DevCount
}

// unknown reports whether any year counts someone under the empty value.
func unknown(st rules.DevStats, of func(rules.DevYearStats) rules.DevCount) bool {
	for _, y := range st.Years {
		if of(y) != (rules.DevCount{}) {
			return true
		}
	}
	return false
}

// devStatsTable is a table of admissions: a row per label, for each year
// the people admitted (发展党员) and confirmed (转正).
func devStatsTable(caption, first string, st rules.DevStats, years []rules.StatYear, rows []devStatRow) *layout.Table {
	t := &layout.Table{Caption: caption, Groups: []layout.Group{{Span: 1}}}
	t.Columns = append(t.Columns, layout.Column{Title: first, Width: 52})
	for _, y := range years {
		t.Groups = append(t.Groups, layout.Group{Title: y.Label(), Span: 2})
		t.Columns = append(t.Columns, layout.Column{Title: "发展党员", Align: layout.Right},
			layout.Column{Title: "预备党员转正", Align: layout.Right})
	}
	for _, row := range rows {
		cells := []string{row.label}
		for _, y := range years {
			c := row.of(st.Year(y))
			cells = append(cells, fmt.Sprint(c.Admitted), fmt.Sprint(c.Confirmed))
		}
		t.Rows = append(t.Rows, layout.Row{Cells: cells, Total: row.total})
	}
	return t
}

// devStages are the stages counted in the stock table.
var devStages = []vocab.Stage{vocab.StageApplicant, vocab.StageActivist, vocab.StageCandidate, vocab.StageProbation}

// devStockTable is the people at each stage on the day, a row per branch
// (or organization) and the 合计.
func devStockTable(caption, first string, all map[vocab.Stage]int, by map[string]map[vocab.Stage]int,
	rows [][2]string) *layout.Table {
	t := &layout.Table{Caption: caption}
	t.Columns = append(t.Columns, layout.Column{Title: first, Width: 52})
	for _, s := range devStages {
		t.Columns = append(t.Columns, layout.Column{Title: string(s), Align: layout.Right})
	}
	t.Columns = append(t.Columns, layout.Column{Title: "合计", Align: layout.Right})
	line := func(label string, m map[vocab.Stage]int, total bool) layout.Row {
		cells, sum := []string{label}, 0
		for _, s := range devStages {
			cells = append(cells, fmt.Sprint(m[s]))
			sum += m[s]
		}
		return layout.Row{Cells: append(cells, fmt.Sprint(sum)), Total: total}
	}
	for _, row := range rows {
		t.Rows = append(t.Rows, line(row[1], by[row[0]], false))
	}
	if len(rows) > 1 {
		t.Rows = append(t.Rows, line("合计", all, true))
	}
	t.Note = "注：入党申请人至预备党员按统计截止日期所处阶段计，已转正和已终止发展的不计入。"
	return t
}

// devStatsSummary is the paragraph above the tables.
func devStatsSummary(st rules.DevStats, years []rules.StatYear, ref time.Time) string {
	text := ""
	for i, y := range years {
		c := st.Year(y).Total
		sep := "；"
		if i == len(years)-1 {
			sep = "。"
		}
		so := ""
		if y.Contains(ref) && !ref.Equal(y.To()) {
			so = "（截至统计截止日期）"
		}
		text += fmt.Sprintf("%s%s发展党员%d名、预备党员转正%d名%s", y.Label(), so, c.Admitted, c.Confirmed, sep)
	}
	return text + fmt.Sprintf("截至统计截止日期，有入党申请人%d名、入党积极分子%d名、发展对象%d名、预备党员%d名。",
		st.Stock[vocab.StageApplicant], st.Stock[vocab.StageActivist], st.Stock[vocab.StageCandidate],
		st.Stock[vocab.StageProbation])
}

// devStatsExplained says how the tables count.
func devStatsExplained(years []rules.StatYear) string {
	return "说明：发展党员按支部大会讨论通过接收之日计入所在统计年度，须经党委审批；预备党员转正按转正时间（预备期满之日）" +
		"计入，须经党委审批转正。" + years[0].Label() + "为" + years[0].Kind() + "，" + years[1].Label() + "等学年为" +
		years[1].Kind() + "。"
}
