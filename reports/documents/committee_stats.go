package documents

import (
	"fmt"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

func init() {
	committeeBuilders[CommitteeStats] = committeeBuilder{title: "全校党内统计", landscape: true,
		period: func(r *committeeRequest) string { return asOfPeriod(&r.request) }, build: buildCommitteeStats}
}

// buildCommitteeStats makes the 全校党内统计: the tables of the 党内统计汇总
// with a row per organization — each organization's rules.PartyStats from
// its own figures (data.Store.OrgFigures) — and a 合计 row that is the
// university's, computed over the whole consolidated database.
func buildCommitteeStats(r *committeeRequest) error {
	ref := r.asOf()
	day := checkDay(r.year, r.now)
	orgs, err := r.store.OrgFigures(r.ctx, r.year, day)
	if err != nil {
		return err
	}
	r.progress(1, 4)
	whole, err := r.store.Figures(r.ctx, r.year, day)
	if err != nil {
		return err
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	st := whole.PartyStats(ref)
	all := &st.Total
	if len(orgs) == 0 {
		r.nothing("汇总数据库中还没有任何二级党组织的数据，无可统计的数据。")
		return nil
	}
	rows := make([]statsRow, 0, len(orgs)+1)
	for _, o := range orgs {
		ps := o.Figures.PartyStats(ref)
		rows = append(rows, statsRow{label: o.Org.Name, s: &ps.Total})
	}
	rows = append(rows, statsRow{label: "合计", s: all, total: true})
	r.progress(2, 4)

	p := r.part("", "", "")
	p.Add(&layout.Fields{Items: []layout.Field{
		{Label: "填报单位（盖章）", Value: CommitteeIssuer},
		{Label: "填表人"},
		{Label: "报出日期", Value: prose(r.now)},
		{Label: "统计截止日期", Value: prose(ref)},
		{Label: "单位", Value: "名"},
	}})
	summary := fmt.Sprintf("全校共有二级党组织%d个（以汇总数据库中的数据为准）。", len(orgs)) + statsSummary(all, ref)
	p.Add(&layout.Spacer{MM: 1}, &layout.Paragraph{Indent: true, Text: summary}, &layout.Spacer{MM: 2})
	tables := []*layout.Table{statsBasic(rows, all), statsAge(rows), statsEducation(rows), statsPersonType(rows),
		statsPartyAge(rows), statsChanges(rows, &st), committeeDevTable(orgs, whole, r.year, ref)}
	for _, t := range tables {
		t.Columns[0].Title = "二级党组织"
		p.Add(t)
	}
	r.progress(3, 4)
	note := strings.Replace(statsExplained(&st, all, true), "为本组织内党支部之间的调整", "为各二级党组织内党支部之间的调整", 1)
	note += "各二级党组织的数据取自其最近一次通过核验的快照；合计为全校汇总数据库的统计，等于各行之和。"
	if n := countKind(r.co.Findings, rules.KindDuplicateActive); n > 0 {
		note += fmt.Sprintf("有%d人同时在两个以上二级党组织在册（见跨组织问题台账“重复在册”），各计入其所在组织，合计中重复计算，待核实后更正。", n)
	}
	p.Add(&layout.Paragraph{Indent: true, Text: note})
	p.Add(&layout.Signatures{Lines: []layout.SignLine{{Who: "填表人签字："}, {Who: "审核人签字："}, {Who: "负责人签字：", Date: true}}})
	r.progress(4, 4)
	return nil
}

// countKind is how many cross-organization findings are of kind.
func countKind(findings []rules.KeyedFinding, kind string) int {
	n := 0
	for _, f := range findings {
		if f.Kind == kind {
			n++
		}
	}
	return n
}

// committeeDevTable is the table of 发展党员 of the 全校党内统计: each
// organization's people admitted and confirmed in the calendar year and in
// the 学年 running on the day (rules.DevYears), from its own figures
// (rules.Figures.DevStats), and the university's.
func committeeDevTable(orgs []data.OrgFigures, whole *rules.Figures, year int, ref time.Time) *layout.Table {
	cy, sy := rules.DevYears(year, ref)
	t := &layout.Table{Caption: "表七　发展党员", Groups: []layout.Group{{Span: 1}, {Title: cy.Label(), Span: 2},
		{Title: sy.Label(), Span: 2}}}
	t.Columns = append(t.Columns, layout.Column{Title: "二级党组织", Width: 46})
	for range 2 {
		t.Columns = append(t.Columns, layout.Column{Title: "发展党员", Align: layout.Right},
			layout.Column{Title: "预备党员转正", Align: layout.Right})
	}
	line := func(label string, st rules.DevStats, total bool) layout.Row {
		c, s := st.Year(cy).Total, st.Year(sy).Total
		return layout.Row{Cells: []string{label, fmt.Sprint(c.Admitted), fmt.Sprint(c.Confirmed), fmt.Sprint(s.Admitted),
			fmt.Sprint(s.Confirmed)}, Total: total}
	}
	for _, o := range orgs {
		t.Rows = append(t.Rows, line(o.Org.Name, o.Figures.DevStats(ref, cy, sy), false))
	}
	t.Rows = append(t.Rows, line("合计", whole.DevStats(ref, cy, sy), true))
	t.Note = "注：本表只计在“发展党员”中记录的人员：发展党员按支部大会讨论通过接收之日计入，预备党员转正按转正时间计入，均须经党委审批；" +
		"表六的“发展党员”按党员的入党日期计，含未在“发展党员”中记录而直接登记的党员，两者口径不同，数字可能不一致。" +
		cy.Label() + "为" + cy.Kind() + "，" + sy.Label() + "为" + sy.Kind() + "。"
	return t
}
