package documents

import (
	"fmt"
	"strconv"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

func init() { builders[Dues] = builder{title: "党费收缴台账", landscape: true, build: buildDues} }

// duesUnassigned names the group of lines whose member is in none of the
// organization's branches.
const duesUnassigned = "未归属党支部"

// duesCell is what a month's cell shows, from the calculator's state of
// the month: the amount paid, 未缴 for a month owed, over and unpaid, 免交
// for a month recorded with nothing due, and blank otherwise (not owed
// here, not over yet, or nothing paid yet in the month under way).
func duesCell(mo rules.DuesMonth) string {
	switch mo.State {
	case rules.DuesPaid:
		return data.Money(mo.Paid).String()
	case rules.DuesUnpaid:
		return "未缴"
	case rules.DuesExempt:
		return rules.DuesExemptRate
	}
	return ""
}

// duesRate formats the calculator's 收缴率 of t, or "—" when nothing was
// due.
func duesRate(t rules.DuesTotals) string {
	v, ok := t.Rate()
	if !ok {
		return "—"
	}
	return strconv.FormatFloat(v*100, 'f', 1, 64) + "%"
}

// duesMoney formats an amount in 分 as 元.
func duesMoney(v int64) string { return data.Money(v).String() }

// duesGroup is one table of the ledger: a branch's lines in stroke order,
// with the calculator's totals of the branch.
type duesGroup struct {
	name   string
	lines  []*rules.DuesLine
	totals rules.DuesTotals
}

// duesGroups splits the ledger's lines of the covered branches into
// groups, in the branches' order; when every branch is covered, the lines
// of members in no branch of the organization follow, a group per branch
// id, so that the groups add up to the organization's totals.
func (r *request) duesGroups(l *rules.DuesLedger) []duesGroup {
	byBranch := map[string][]*rules.DuesLine{}
	var unknown []string
	known := map[string]bool{}
	for _, b := range r.branches {
		known[b.ID] = true
	}
	for _, line := range l.Lines {
		id := line.BranchID
		if !known[id] {
			if r.opts.BranchID != "" {
				continue
			}
			if _, seen := byBranch[id]; !seen {
				unknown = append(unknown, id)
			}
		}
		byBranch[id] = append(byBranch[id], line)
	}
	var out []duesGroup
	for _, b := range r.branches {
		out = append(out, duesGroup{name: b.Label, lines: byBranch[b.ID], totals: l.Branches[b.ID]})
	}
	for _, id := range unknown {
		out = append(out, duesGroup{name: duesUnassigned, lines: byBranch[id], totals: l.Branches[id]})
	}
	for _, g := range out {
		sortStroke(g.lines, func(line *rules.DuesLine) string { return line.Member.Name })
	}
	return out
}

// duesIntro explains the ledger's figures: where a member's count starts
// and ends, and what the cells show.
func duesIntro(year int, recordsFrom string) string {
	from := "记录起始月份"
	if recordsFrom != "" {
		from += "（" + recordsFrom + "）"
	}
	return fmt.Sprintf("%d年度党费收缴情况，金额单位为元。党费基数、比例和月应缴为现行标准，月应缴按党费基数乘比例计算"+
		"（学生等每月0.2元），年内有月份应缴与之不同的标“*”，党费基数为零的记作“—”。1月至12月各栏为实缴金额，"+
		"“未缴”为当月应缴而未缴，“免交”为当月无应缴，空白为当月无需在本组织交纳、尚未结束或尚无记录。"+
		"每月党费在当月结束后计入应缴（已有记录的月份按记录计入），自%s、入党当月和转入当月"+
		"（组织关系介绍信注明党费交至某月的，为其次月）中最晚的一个月起计，转出的党员计至转出当月。"+
		"欠缴按月计算，为已结束各月应缴大于实缴的差额之和，多缴部分不抵其他月份。"+
		"已转出等不在册的党员本年有应缴或党费记录的一并列出。各支部内按姓氏笔画排列。"+
		"各支部的交纳日期表逐月列出党费记录中的交纳日期，交纳人在“交纳人签字”栏签字确认，收缴人和党支部书记在表后签字。", year, from)
}

func buildDues(r *request) error {
	fig, err := r.figures()
	if err != nil {
		return err
	}
	ledger := fig.DuesLedger()
	groups := r.duesGroups(ledger)
	total := 0
	for _, g := range groups {
		total += len(g.lines)
	}
	recordsFrom := ""
	if c := fig.Facts().Coverage.Dues; !c.IsZero() {
		recordsFrom = layout.ProseMonth(c)
	}
	if total == 0 {
		text := fmt.Sprintf("%d年度没有应缴或交纳党费的党员", r.year)
		if recordsFrom != "" {
			text += "（本组织党费记录自" + recordsFrom + "起）"
		}
		r.nothing(text + "。")
		return nil
	}
	staff, err := r.staffNos()
	if err != nil {
		return err
	}
	dates, err := r.duesPaidDates()
	if err != nil {
		return err
	}
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: duesIntro(r.year, recordsFrom)}, &layout.Spacer{MM: 2})

	org := ledger.Org
	if r.opts.BranchID != "" {
		org = ledger.Branches[r.branches[0].ID]
	}
	p.Add(&layout.Heading{Level: 1, Text: "汇总"}, duesSummary(groups, org), &layout.Spacer{MM: 3})

	cols := []layout.Column{
		{Title: "姓名", Width: 15, Keep: true}, {Title: "党费基数", Width: 17, Align: layout.Right},
		{Title: "比例", Width: 12, Align: layout.Center}, {Title: "月应缴", Width: 15, Align: layout.Right},
	}
	// A month fits 999.99; the sums 99999.99; 欠缴 takes what is left.
	for m := 1; m <= 12; m++ {
		cols = append(cols, layout.Column{Title: strconv.Itoa(m) + "月", Width: 13, Align: layout.Right})
	}
	cols = append(cols, layout.Column{Title: "应缴合计", Width: 17.5, Align: layout.Right},
		layout.Column{Title: "实缴合计", Width: 17.5, Align: layout.Right}, layout.Column{Title: "欠缴", Align: layout.Right})
	done := 0
	for _, g := range groups {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if len(g.lines) == 0 {
			continue
		}
		// Each branch on its own pages, to be signed and filed by itself.
		p.Add(&layout.PageBreak{}, &layout.Heading{Level: 1, Text: fmt.Sprintf("%s（%d名）", g.name, len(g.lines))})
		t := &layout.Table{Columns: cols, Rows: make([]layout.Row, 0, len(g.lines)+1)}
		for _, line := range g.lines {
			t.Rows = append(t.Rows, layout.Row{Cells: duesRow(line), Record: record(g.name, line.Member.Name, staff[line.Member.ID])})
			done++
			if err := r.tick(done, total, 200); err != nil {
				return err
			}
		}
		s := g.totals
		row := make([]string, 16, 19)
		row[0] = "合计"
		t.Rows = append(t.Rows, layout.Row{Total: true, Cells: append(row, duesMoney(s.Due), duesMoney(s.Paid), duesMoney(s.Arrears))})
		p.Add(t, &layout.Paragraph{Indent: true, Text: fmt.Sprintf("本支部%d名党员应缴合计%s元，实缴合计%s元，欠缴%s元（%d名党员有欠缴），收缴率%s。",
			s.Members, duesMoney(s.Due), duesMoney(s.Paid), duesMoney(s.Arrears), s.Owing, duesRate(s))}, &layout.Spacer{MM: 2},
			&layout.Heading{Level: 2, Text: g.name + "党费交纳日期"}, duesDates(g, dates, staff), &layout.Spacer{MM: 4},
			duesSignatures())
	}
	r.progress(total, total)
	return nil
}

// duesSummary is the 汇总 table: a row per group, then the totals of the
// document (the organization's, or the one branch's).
func duesSummary(groups []duesGroup, org rules.DuesTotals) *layout.Table {
	st := &layout.Table{Columns: []layout.Column{
		{Title: "党支部", Width: 62}, {Title: "人数", Width: 16, Align: layout.Right},
		{Title: "应缴合计", Width: 32, Align: layout.Right}, {Title: "实缴合计", Width: 32, Align: layout.Right},
		{Title: "欠缴", Width: 32, Align: layout.Right}, {Title: "有欠缴的党员", Width: 28, Align: layout.Right},
		{Title: "收缴率", Width: 24, Align: layout.Right}, {Title: "备注"},
	}}
	row := func(name string, s rules.DuesTotals, note string, total bool) {
		st.Rows = append(st.Rows, layout.Row{Total: total, Cells: []string{name, strconv.Itoa(s.Members), duesMoney(s.Due),
			duesMoney(s.Paid), duesMoney(s.Arrears), strconv.Itoa(s.Owing), duesRate(s), note}})
	}
	for _, g := range groups {
		note := ""
		if g.totals.Members == 0 {
			note = "无党员"
		}
		row(g.name, g.totals, note, false)
	}
	row("合计", org, "", true)
	return st
}

// duesRow is a member's line: name (with the status when off the rolls),
// the current 党费基数, rate and 月应缴 (marked * when a month of the year
// counted another amount), the twelve months and the line's sums.
func duesRow(line *rules.DuesLine) []string {
	m := line.Member
	name := layout.Keep(m.Name)
	if !m.Status.Active() {
		name += "\n" + string(m.Status)
	}
	base := "—"
	if line.Base > 0 {
		base = duesMoney(line.Base)
	}
	due := duesMoney(line.MonthlyDue)
	for _, mo := range line.Months {
		if mo.Counted && mo.Due != line.MonthlyDue {
			due += "*"
			break
		}
	}
	row := []string{name, base, duesCompactRate(line.Rate), due}
	for _, mo := range line.Months {
		row = append(row, duesCell(mo))
	}
	arrears := ""
	if line.Arrears > 0 {
		arrears = duesMoney(line.Arrears)
	}
	return append(row, duesMoney(line.Due), duesMoney(line.Paid), arrears)
}

// duesFlatRate is the rate rules.Dues gives 学生 and the members paying
// the lowest amount.
const duesFlatRate = "每月0.2元"

// duesCompactRate shortens the 每月0.2元 rate to fit its column.
func duesCompactRate(rate string) string {
	if rate == duesFlatRate {
		return "0.2元"
	}
	return rate
}
