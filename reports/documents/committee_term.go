package documents

import (
	"fmt"
	"slices"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

func init() {
	committeeBuilders[CommitteeTerm] = committeeBuilder{title: "二级党组织学期汇总", period: termOrToday, build: buildCommitteeTerm}
}

// hashShown is how many hex digits of a manifest's SHA-256 the term report
// prints: enough to tell one snapshot from another and to look it up.
const hashShown = 16

// buildCommitteeTerm makes the 学期汇总 of one organization
// (CommitteeOptions.OrgID) or of each, a part each: its figures (its own,
// rules.Summary), its open findings by rule, its branches' scores, the
// cross-organization findings that concern it with their 处理情况, and the
// chain of its snapshots this term.
func buildCommitteeTerm(r *committeeRequest) error {
	orgs, err := r.store.OrgFigures(r.ctx, r.year, checkDay(r.year, r.now))
	if err != nil {
		return err
	}
	if r.co.OrgID != "" {
		orgs = slices.DeleteFunc(orgs, func(o data.OrgFigures) bool { return o.Org.ID != r.co.OrgID })
	}
	if len(orgs) == 0 {
		r.nothing("汇总数据库中还没有任何二级党组织的数据。")
		return nil
	}
	for i, o := range orgs {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		r.termPart(o)
		r.progress(i+1, len(orgs))
	}
	return nil
}

// termPart is one organization's 学期汇总.
func (r *committeeRequest) termPart(o data.OrgFigures) {
	s := o.Figures.Summary()
	sub := ""
	if t := r.termText(); t != "" {
		sub = "（" + t + "）"
	}
	// No record: the part's title names the organization, and the running
	// header of its later pages shows that title alone.
	p := r.part(o.Org.Name+"学期汇总", sub, "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("本汇总依据%s最近一次通过核验的快照，数据为%d年度截至%s的记录，"+
		"按该组织自己的设置计算，与其本地程序所示一致。", o.Org.Name, r.year, prose(refDay(r.year, r.now)))}, &layout.Spacer{MM: 2})

	p.Add(&layout.Heading{Level: 1, Text: "一、主要数据"})
	figures := &layout.Table{Columns: []layout.Column{{Title: "项目", Width: 40}, {Title: "数据"}, {Title: "说明", Width: 70}}}
	add := func(item, value, note string) {
		figures.Rows = append(figures.Rows, layout.Row{Cells: []string{item, value, note}})
	}
	add("党员数", fmt.Sprintf("%d名", s.Members), "党籍状态正常、计入本年度的党员")
	add("党支部数", fmt.Sprintf("%d个", s.Branches), "")
	add("学习培训达标", outOf(s.TrainingMet, s.TrainingChecked, s.TrainingRate()), "达到年度学时要求的党员/应达标党员")
	add("主题党日开展", outOf(s.ThemeDayHeld, s.ThemeDayRequired, s.ThemeDayRate()), "开展的月数/应开展的月数，各党支部之和")
	add("三会一课落实", outOf(s.ThreeOneMet, s.ThreeOneRequired, s.ThreeOneRate()), "落实的期次/应落实的期次，各党支部之和")
	add("党费应缴", duesMoney(s.Dues.Due)+"元", "")
	add("党费实缴", duesMoney(s.Dues.Paid)+"元", "")
	add("党费欠缴", fmt.Sprintf("%s元（%d名）", duesMoney(s.Dues.Arrears), s.Dues.Owing), "")
	add("党费收缴率", duesRate(s.Dues), "")
	add("待整改问题", fmt.Sprintf("%d项", s.Open()), "不含政治生日、光荣在党50年名单")
	add("考评得分", evalFixed(s.Score(), 1)+"分", fmt.Sprintf("合格线%s分", evalNumber(o.Figures.Settings().EvalPassScore, 1)))
	p.Add(figures, &layout.Spacer{MM: 3})

	p.Add(&layout.Heading{Level: 1, Text: "二、待整改问题（按规则）"})
	byRule := &layout.Table{Columns: []layout.Column{{Title: "规则"}, {Title: "项数", Width: 30, Align: layout.Right}}}
	for _, id := range rules.RuleIDs {
		if n := s.OpenOf(id); n > 0 {
			byRule.Rows = append(byRule.Rows, layout.Row{Cells: []string{rules.RuleTitleIn(id, s.Settings), fmt.Sprint(n)}})
		}
	}
	if len(byRule.Rows) == 0 {
		p.Add(&layout.Paragraph{Indent: true, Text: "没有待整改问题。"})
	} else {
		byRule.Rows = append(byRule.Rows, layout.Row{Total: true, Cells: []string{"合计", fmt.Sprint(s.Open())}})
		byRule.Note = "注：各项问题的明细见该组织的党员教育管理考评汇总。"
		p.Add(byRule)
	}
	p.Add(&layout.Spacer{MM: 3})

	p.Add(&layout.Heading{Level: 1, Text: "三、各党支部考评得分"})
	if len(s.Scores) == 0 {
		p.Add(&layout.Paragraph{Indent: true, Text: "没有党支部。"})
	} else {
		scores := &layout.Table{Columns: []layout.Column{{Title: "党支部"}, {Title: "党员数", Width: 24, Align: layout.Right},
			{Title: "总分", Width: 24, Align: layout.Right}}}
		for _, sc := range s.Scores {
			scores.Rows = append(scores.Rows, layout.Row{Record: sc.Branch, Cells: []string{sc.Branch, fmt.Sprint(sc.Members), evalFixed(sc.Total, 1)}})
		}
		p.Add(scores)
	}
	p.Add(&layout.Spacer{MM: 3})

	p.Add(&layout.Heading{Level: 1, Text: "四、涉及本组织的跨组织问题"})
	cross := &layout.Table{Columns: []layout.Column{{Title: "类别", Width: 30}, {Title: "姓名", Width: 18, Keep: true},
		{Title: "情况说明"}, {Title: "处理情况", Width: 45}}}
	for _, f := range r.co.Findings {
		if slices.Contains(f.OrgIDs, o.Org.ID) {
			cross.Rows = append(cross.Rows, layout.Row{Record: crossKindName(f.Kind) + " " + f.Person, Cells: []string{crossKindName(f.Kind),
				layout.Keep(f.Person), keepDocNumbers(proseDates(f.Detail)), r.co.Notes[f.Key]}})
		}
	}
	if len(cross.Rows) == 0 {
		p.Add(&layout.Paragraph{Indent: true, Text: "没有涉及本组织的跨组织问题。"})
	} else {
		p.Add(cross)
	}
	p.Add(&layout.Spacer{MM: 3})

	p.Add(&layout.Heading{Level: 1, Text: "五、本学期快照记录"})
	chain := r.co.Chains[o.Org.ID]
	if len(chain) == 0 {
		p.Add(&layout.Paragraph{Indent: true, Text: "本学期没有收到该组织的快照。"})
	} else {
		t := &layout.Table{Columns: []layout.Column{{Title: "序号", Width: 16, Align: layout.Right},
			{Title: "生成时间", Width: 34, Align: layout.Center}, {Title: "清单哈希（前16位）", Width: 44, Keep: true}, {Title: "状态"}}}
		for _, l := range chain {
			h := l.ManifestSHA256
			if len(h) > hashShown {
				h = h[:hashShown]
			}
			when := ""
			if !l.Time.IsZero() {
				when = layout.TableDate(l.Time) + " " + l.Time.Format("15:04")
			}
			t.Rows = append(t.Rows, layout.Row{Cells: []string{fmt.Sprint(l.Seq), when, h, l.Status}})
		}
		t.Note = "注：序号为该组织快照的顺序号，每次上传加一；清单哈希为签名清单的SHA-256，可与汇总目录中的记录核对。"
		p.Add(t)
	}
	p.Add(&layout.Spacer{MM: 4}, &layout.Signatures{Lines: []layout.SignLine{{Who: "经办人签字："}, {Who: "审核人签字：", Date: true}}})
}
