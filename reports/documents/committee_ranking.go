package documents

import (
	"fmt"
	"slices"
	"strings"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

func init() {
	committeeBuilders[CommitteeRanking] = committeeBuilder{title: "党员教育管理考评排名", landscape: true, build: buildCommitteeRanking}
}

// ranked is one line of a ranking: its printed score decides its place,
// and lines printing the same score share the better place.
type ranked struct {
	score string // the total as printed, one decimal
	value float64
	order int // the natural order, for equal scores
	cells []string
	rec   string
}

// rankLines sorts lines by score, high first, and gives each its place.
func rankLines(lines []ranked) [][]string {
	slices.SortStableFunc(lines, func(a, b ranked) int {
		if a.score != b.score {
			if a.value > b.value {
				return -1
			}
			return 1
		}
		return a.order - b.order
	})
	out := make([][]string, len(lines))
	place := 0
	for i, l := range lines {
		if i == 0 || l.score != lines[i-1].score {
			place = i + 1
		}
		out[i] = append([]string{fmt.Sprint(place)}, l.cells...)
	}
	return out
}

// buildCommitteeRanking makes the 考评排名: the organizations by their
// 考评 score (rules.Summary.Score of each organization's own figures), then
// every branch of the university by its score, named 「组织 · 支部」.
func buildCommitteeRanking(r *committeeRequest) error {
	day := checkDay(r.year, r.now)
	orgs, err := r.store.OrgFigures(r.ctx, r.year, day)
	if err != nil {
		return err
	}
	if len(orgs) == 0 {
		r.nothing("汇总数据库中还没有任何二级党组织的数据，无可考评的数据。")
		return nil
	}
	refs, err := r.store.BranchRefs(r.ctx)
	if err != nil {
		return err
	}
	branchOrder := map[string]int{}
	label := map[string]string{}
	for i, b := range refs {
		branchOrder[b.ID] = i
		label[b.ID] = b.Qualified()
	}
	r.progress(1, 3)

	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("考评年度：%d年，依据各二级党组织截至%s的记录，按各组织自己的考评设置计算。"+
		"党支部满分100分（学习培训25分，主题党日20分，三会一课15分，专题组织生活会和民主评议10分，目标管理责任书签订10分，"+
		"党费按月交纳10分，党员预警10分）；二级党组织得分为其各党支部得分按党员人数加权平均，与其考评汇总一致。得分相同的名次并列。",
		r.year, prose(refDay(r.year, r.now)))}, &layout.Spacer{MM: 2})

	var all rules.Summary
	var lines []ranked
	var below []string
	for i, o := range orgs {
		s := o.Figures.Summary()
		all.Add(s)
		score := evalFixed(s.Score(), 1)
		lines = append(lines, ranked{score: score, value: s.Score(), order: i, rec: o.Org.Name,
			cells: orgRankCells(o.Org.Name, s, score)})
		if len(s.Scores) > 0 && s.Score() < o.Figures.Settings().EvalPassScore {
			below = append(below, fmt.Sprintf("%s（%s分）", o.Org.Name, score))
		}
	}
	t := &layout.Table{Columns: []layout.Column{
		{Title: "名次", Width: 12, Align: layout.Center}, {Title: "二级党组织"},
		{Title: "党员数", Width: 16, Align: layout.Right}, {Title: "党支部数", Width: 18, Align: layout.Right},
		{Title: "学习培训达标", Width: 34, Align: layout.Right}, {Title: "主题党日开展", Width: 34, Align: layout.Right},
		{Title: "三会一课落实", Width: 34, Align: layout.Right}, {Title: "党费收缴率", Width: 22, Align: layout.Right},
		{Title: "待整改问题", Width: 22, Align: layout.Right}, {Title: "考评得分", Width: 20, Align: layout.Right},
	}}
	for _, cells := range rankLines(lines) {
		t.Rows = append(t.Rows, layout.Row{Cells: cells, Record: cells[1]})
	}
	t.Rows = append(t.Rows, layout.Row{Total: true, Cells: append([]string{""}, orgRankCells(University, all, evalFixed(all.Score(), 1))...)})
	t.Note = "注：学习培训达标为达到年度学时要求的党员数/应达标党员数，主题党日开展为开展主题党日的月数/应开展月数，" +
		"三会一课落实为落实的期次/应落实期次，均为各党支部之和；待整改问题不含政治生日、光荣在党50年名单。"
	p.Add(&layout.Heading{Level: 1, Text: "一、二级党组织考评排名（按得分从高到低）"}, t)
	if len(below) > 0 {
		p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("低于其合格线的二级党组织%d个：%s。", len(below), strings.Join(below, "、"))})
	}
	p.Add(&layout.Spacer{MM: 3})
	if err := r.ctx.Err(); err != nil {
		return err
	}
	r.progress(2, 3)

	lines = lines[:0]
	for _, o := range orgs {
		for _, sc := range o.Figures.Scores() {
			name := label[sc.BranchID]
			if name == "" {
				name = o.Org.Name + data.BranchSeparator + sc.Branch
			}
			score := evalFixed(sc.Total, 1)
			lines = append(lines, ranked{score: score, value: sc.Total, order: branchOrder[sc.BranchID], rec: name,
				cells: []string{name, fmt.Sprint(sc.Members),
					evalFixed(sc.Training, 2), evalFixed(sc.ThemeDay, 2), evalFixed(sc.ThreeOne, 2),
					evalFixed(sc.OrgLife, 2), evalFixed(sc.Target, 2), evalFixed(sc.Dues, 2),
					evalFixed(sc.Alerts, 2), score}})
		}
	}
	bt := &layout.Table{Columns: []layout.Column{
		{Title: "名次", Width: 12, Align: layout.Center}, {Title: "党支部（组织 · 支部）"}, {Title: "党员数", Width: 16, Align: layout.Right},
		{Title: "学习培训（25）", Width: 24, Align: layout.Right}, {Title: "主题党日（20）", Width: 24, Align: layout.Right},
		{Title: "三会一课（15）", Width: 24, Align: layout.Right}, {Title: "组织生活（10）", Width: 24, Align: layout.Right},
		{Title: "责任书（10）", Width: 22, Align: layout.Right}, {Title: "党费（10）", Width: 19, Align: layout.Right},
		{Title: "预警（10）", Width: 19, Align: layout.Right}, {Title: "总分", Width: 16, Align: layout.Right},
	}}
	for _, cells := range rankLines(lines) {
		bt.Rows = append(bt.Rows, layout.Row{Cells: cells, Record: cells[1]})
	}
	bt.Note = "注：党员数为考评计入的党员（党籍状态正常、年底前已在本组织）；得分相同的名次并列。"
	if len(bt.Rows) == 0 {
		p.Add(&layout.Heading{Level: 1, Text: "二、党支部考评排名"}, &layout.Paragraph{Indent: true, Text: "没有党支部，无可考评的数据。"})
	} else {
		p.Add(&layout.Heading{Level: 1, Text: fmt.Sprintf("二、全校党支部考评排名（%d个，按总分从高到低）", len(bt.Rows))}, bt)
	}
	r.progress(3, 3)
	return nil
}

// orgRankCells are an organization's cells of the ranking, after its place.
func orgRankCells(name string, s rules.Summary, score string) []string {
	return []string{name, fmt.Sprint(s.Members), fmt.Sprint(s.Branches),
		outOf(s.TrainingMet, s.TrainingChecked, s.TrainingRate()),
		outOf(s.ThemeDayHeld, s.ThemeDayRequired, s.ThemeDayRate()),
		outOf(s.ThreeOneMet, s.ThreeOneRequired, s.ThreeOneRate()),
		duesRate(s.Dues), fmt.Sprint(s.Open()), score}
}
