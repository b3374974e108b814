package documents

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() {
	builders[Evaluation] = builder{title: "党员教育管理考评汇总", landscape: true, build: buildEvaluation}
}

// evalNumber formats a score without trailing zeros: 25, 9.5, 18.18.
func evalNumber(v float64, decimals int) string {
	s := fmt.Sprintf("%.*f", decimals, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// docNumber matches a document number such as 「转字〔2026〕第014号」
// (brackets as typed), with the one character before its 字.
var docNumber = regexp.MustCompile(`(?:\p{Han}?字)?[〔\[(（]\d{4}[〕\])）]第?\d+号`)

// keepDocNumbers keeps every document number in s whole (layout.Keep), so
// that none is broken across lines.
func keepDocNumbers(s string) string { return docNumber.ReplaceAllStringFunc(s, layout.Keep) }

// evalFixed formats a score with a fixed number of decimals, so that a
// table's column lines up.
func evalFixed(v float64, decimals int) string { return fmt.Sprintf("%.*f", decimals, v) }

// evalGroup is the findings of one rule in one branch with the same detail:
// one table row naming every member concerned.
type evalGroup struct {
	rule    vocab.RuleID
	detail  string
	members []evalMember // in 姓氏笔画 order
}

// evalMember is a member named in a finding.
type evalMember struct{ name, id string }

// evalGroups groups a branch's findings by rule (in the rules' order) and,
// within a rule, by detail: the branch's own findings first, then the
// members' in 姓氏笔画 order of the first member named; a group's members
// are in 姓氏笔画 order.
func evalGroups(fs []rules.Finding) []evalGroup {
	var out []evalGroup
	index := map[[3]string]int{}
	for _, f := range fs {
		hasMember := ""
		if f.Member != "" || f.MemberID != "" {
			hasMember = "m"
		}
		key := [3]string{string(f.Rule), f.Detail, hasMember}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, evalGroup{rule: f.Rule, detail: f.Detail})
		}
		if hasMember != "" {
			name := f.Member
			if name == "" {
				name = "（已删除的党员）"
			}
			id := f.MemberID
			if id == "" && f.ApplicantID != "" {
				id = applicantKey(f.ApplicantID) // a person of 发展党员 not a member yet
			}
			out[i].members = append(out[i].members, evalMember{name: name, id: id})
		}
	}
	for _, g := range out {
		sortStroke(g.members, func(m evalMember) string { return m.name })
	}
	// Within a rule: the branch's own findings, then the members' rows in
	// 姓氏笔画 order of their first member.
	sortStroke(out, func(g evalGroup) string {
		if len(g.members) == 0 {
			return ""
		}
		return g.members[0].name
	})
	ruleOrder := map[vocab.RuleID]int{}
	for i, id := range rules.RuleIDs {
		ruleOrder[id] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return ruleOrder[out[i].rule] < ruleOrder[out[j].rule] })
	return out
}

func buildEvaluation(r *request) error {
	// One calculator for both: the findings are what store.Check returns.
	fig, err := r.figures()
	if err != nil {
		return err
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	set := fig.Settings()
	all := fig.Scores()
	findings := fig.Findings()

	var scores []rules.Score
	for _, sc := range all {
		if r.inBranch(data.Ref(sc.BranchID)) {
			scores = append(scores, sc)
		}
	}
	if len(scores) == 0 {
		r.nothing("没有党支部，无可考评的数据。")
		return nil
	}
	label := r.branchLabels()
	// By total; equal totals in the store's natural branch order.
	rank := map[string]int{}
	for i, b := range r.branches {
		rank[b.ID] = i
	}
	sort.SliceStable(scores, func(i, j int) bool {
		if scores[i].Total != scores[j].Total {
			return scores[i].Total > scores[j].Total
		}
		return rank[scores[i].BranchID] < rank[scores[j].BranchID]
	})
	total := len(r.branches) + 2
	r.progress(1, total)

	day := refDay(r.year, r.now)
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("考评年度：%d年，依据截至%s的记录计算。满分100分：学习培训25分（达到32/56学时的党员比例），"+
		"主题党日20分，三会一课15分，专题组织生活会和民主评议10分，目标管理责任书签订10分，党费按月交纳10分，"+
		"党员预警10分（按未整改的学习、谈心谈话、责任书、六个月、转接问题扣减）。",
		r.year, prose(day))})
	var below []string
	for _, sc := range scores {
		if sc.Total < set.EvalPassScore {
			below = append(below, fmt.Sprintf("%s（%s分）", label[sc.BranchID], evalNumber(sc.Total, 1)))
		}
	}
	org := fmt.Sprintf("%s考评得分：%s分（各党支部得分按党员人数加权平均", r.scopeWord(), evalNumber(rules.OrgScore(all), 1))
	if len(scores) < len(all) {
		org += fmt.Sprintf("，含全部%d个党支部", len(all))
	}
	org += fmt.Sprintf("）。合格线%s分；", evalNumber(set.EvalPassScore, 1))
	if len(below) == 0 {
		org += "各党支部均达到合格线。"
	} else {
		org += fmt.Sprintf("低于合格线的党支部%d个：%s。", len(below), strings.Join(below, "、"))
	}
	p.Add(&layout.Paragraph{Indent: true, Text: org}, &layout.Spacer{MM: 2})

	p.Add(&layout.Heading{Level: 1, Text: "一、各党支部得分（按总分从高到低）"})
	t := &layout.Table{Columns: []layout.Column{
		{Title: "名次", Width: 12, Align: layout.Center}, {Title: "党支部"}, {Title: "党员数", Width: 16, Align: layout.Right},
		{Title: "学习培训（25）", Width: 26, Align: layout.Right}, {Title: "主题党日（20）", Width: 26, Align: layout.Right},
		{Title: "三会一课（15）", Width: 26, Align: layout.Right}, {Title: "组织生活（10）", Width: 26, Align: layout.Right},
		{Title: "责任书（10）", Width: 24, Align: layout.Right}, {Title: "党费（10）", Width: 20, Align: layout.Right},
		{Title: "预警（10）", Width: 20, Align: layout.Right}, {Title: "总分", Width: 16, Align: layout.Right},
	}}
	members := 0
	for i, sc := range scores {
		rank := i + 1
		for rank > 1 && scores[rank-2].Total == sc.Total { // ties share the better rank
			rank--
		}
		members += sc.Members
		t.Rows = append(t.Rows, layout.Row{Record: label[sc.BranchID], Cells: []string{fmt.Sprint(rank), label[sc.BranchID], fmt.Sprint(sc.Members),
			evalFixed(sc.Training, 2), evalFixed(sc.ThemeDay, 2), evalFixed(sc.ThreeOne, 2),
			evalFixed(sc.OrgLife, 2), evalFixed(sc.Target, 2), evalFixed(sc.Dues, 2),
			evalFixed(sc.Alerts, 2), evalFixed(sc.Total, 1)}})
	}
	if len(scores) == len(all) {
		t.Rows = append(t.Rows, layout.Row{Total: true, Cells: []string{"", r.scopeWord(), fmt.Sprint(members), "", "", "", "", "", "", "",
			evalFixed(rules.OrgScore(all), 1)}})
	}
	t.Note = "注：党员数为考评计入的党员（党籍状态正常、年底前已在本组织）；得分相同的名次并列。"
	p.Add(t, &layout.Spacer{MM: 3})
	if err := r.ctx.Err(); err != nil {
		return err
	}
	r.progress(2, total)

	// The open findings, by branch.
	byBranch := map[string][]rules.Finding{}
	known := map[string]bool{}
	for _, b := range fig.Facts().Branches {
		known[b.ID] = true
	}
	for _, f := range findings {
		if !f.Problem() { // the reminders and this month's to-dos
			continue
		}
		id := f.BranchID
		if !known[id] {
			id = ""
		}
		byBranch[id] = append(byBranch[id], f)
	}
	p.Add(&layout.Heading{Level: 1, Text: "二、各党支部待整改问题（按规则分列）"},
		&layout.Paragraph{Indent: true, Text: fmt.Sprintf("依据制度落实检查（截至%s）未整改的问题；政治生日、光荣在党50年名单不属问题，不列入。"+
			"同一规则下说明相同的党员合并为一行。", prose(day))}, &layout.Spacer{MM: 2})
	staff, err := r.staffNos()
	if err != nil {
		return err
	}
	// The people of 发展党员 a DEV- finding names before they are members
	// are named by their 工号或学号 too.
	err = r.store.Applicants.Each(r.ctx, func(a *data.Applicant) error {
		if a.StaffNo != "" {
			staff[applicantKey(a.ID)] = a.StaffNo
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, b := range r.branches {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		p.Add(evalFindings(b.Label, byBranch[b.ID], staff, set)...)
		r.progress(i+3, total)
	}
	if r.opts.BranchID == "" && len(byBranch[""]) > 0 {
		p.Add(evalFindings("未归属党支部", byBranch[""], staff, set)...)
	}
	r.progress(total, total)
	return nil
}

// evalFindings is one branch's open findings: a count per rule, then a
// table 规则/党员/说明 whose rows name their members' records (staff: the
// members' 工号或学号 by id).
func evalFindings(branch string, fs []rules.Finding, staff map[string]string, set rules.Settings) []layout.Block {
	if len(fs) == 0 {
		return []layout.Block{&layout.Heading{Level: 2, Text: branch + "：无待整改问题"}, &layout.Spacer{MM: 1}}
	}
	people := map[string]bool{}
	perRule := map[vocab.RuleID]int{}
	for _, f := range fs {
		if f.MemberID != "" {
			people[f.MemberID] = true
		}
		perRule[f.Rule]++
	}
	var counts []string
	for _, id := range rules.RuleIDs {
		if n := perRule[id]; n > 0 {
			counts = append(counts, fmt.Sprintf("%s%d项", rules.RuleTitleIn(id, set), n))
		}
	}
	t := &layout.Table{Columns: []layout.Column{
		{Title: "规则", Width: 64}, {Title: "党员"}, {Title: "说明", Width: 110},
	}}
	for _, g := range evalGroups(fs) {
		who, rec := "（支部）", branch
		if len(g.members) > 0 {
			names := make([]string, len(g.members))
			recs := make([]string, len(g.members))
			for k, m := range g.members {
				names[k] = layout.Keep(m.name)
				recs[k] = record("", m.name, staff[m.id])
			}
			who = strings.Join(names, "、")
			rec = branch + " " + strings.Join(recs, "、")
			if len(g.members) > 1 {
				who = fmt.Sprintf("%s（%d名）", who, len(g.members))
			}
		}
		t.Rows = append(t.Rows, layout.Row{Record: rec, Cells: []string{rules.RuleTitleIn(g.rule, set), who, keepDocNumbers(g.detail)}})
	}
	return []layout.Block{
		&layout.Heading{Level: 2, Text: fmt.Sprintf("%s：待整改问题%d项，涉及党员%d名", branch, len(fs), len(people))},
		&layout.Paragraph{Text: strings.Join(counts, "；") + "。"}, t, &layout.Spacer{MM: 3},
	}
}

// applicantKey is the key of a person of 发展党员 in the map of 工号或学号
// by member id.
func applicantKey(id string) string { return "applicant:" + id }
