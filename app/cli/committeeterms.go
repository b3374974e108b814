package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

func init() {
	extraSubs["committee"] = append(extraSubs["committee"],
		sub{"terms", "列出各学期的汇总结果", runCommitteeTerms},
		sub{"compare", "按组织比较两个学期的汇总结果", runCommitteeCompare})
}

// runCommitteeTerms lists the terms' results, newest first.
func runCommitteeTerms(e *env, args []string) int {
	fs := e.flags("committee terms", "")
	dir := fs.String("dir", "", "党委的同步目录")
	asJSON := fs.Bool("json", false, "输出为 .json 格式")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if *dir == "" {
		return e.fail(ExitUsage, "--dir 为必填")
	}
	c, err := snapshot.OpenCommittee(*dir)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	terms, err := c.Terms()
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if *asJSON {
		if terms == nil {
			terms = []snapshot.TermResult{}
		}
		return e.printJSON(terms)
	}
	if len(terms) == 0 {
		e.printf("尚无学期汇总结果（用 dangjian consolidate --dir %s 汇总本学期）\n", *dir)
		return ExitOK
	}
	rows := [][]string{{"学期", "汇总时间", "已合并组织", "拒绝", "跨组织问题", "状态", "汇总数据库"}}
	for _, t := range terms {
		rejected := 0
		for _, o := range t.Sources.Orgs {
			if o.Status == snapshot.StatusRejected {
				rejected++
			}
		}
		state := "进行中"
		switch {
		case t.Ended:
			state = "已结束（冻结）"
		case t.Current:
			state = "本学期"
		}
		if t.Sources.Replaces != nil {
			state += "，曾重新汇总"
		}
		rows = append(rows, []string{t.Label, t.When.Local().Format("2006-01-02 15:04"),
			fmt.Sprintf("%d/%d", t.Sources.Merged(), len(t.Sources.Orgs)), fmt.Sprint(rejected),
			fmt.Sprint(len(t.Sources.Findings)), state, t.Path})
	}
	e.printTable(rows)
	return ExitOK
}

// runCommitteeCompare compares two terms' results per organization.
func runCommitteeCompare(e *env, args []string) int {
	fs := e.flags("committee compare", "")
	dir := fs.String("dir", "", "党委的同步目录")
	from := fs.String("from", "", "较早的学期，如 2025-2026-2")
	to := fs.String("to", "", "较晚的学期，如 2026-2027-1")
	asJSON := fs.Bool("json", false, "输出为 .json 格式")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if *dir == "" || *from == "" || *to == "" {
		return e.fail(ExitUsage, "--dir、--from、--to 均为必填")
	}
	for _, t := range []string{*from, *to} {
		if _, err := snapshot.ParseTerm(t); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
	}
	c, err := snapshot.OpenCommittee(*dir)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	deltas, err := snapshot.CompareTerms(e.ctx, c, *from, *to)
	switch {
	case errors.Is(err, snapshot.ErrNoTermResult):
		return e.fail(ExitUsage, "%v", err)
	case err != nil:
		return e.fail(ExitFailed, "无法比较：%v", err)
	}
	if *asJSON {
		if deltas == nil {
			deltas = []snapshot.OrgTermDelta{}
		}
		return e.printJSON(deltas)
	}
	e.printf("%s → %s\n\n", snapshot.TermLabel(*from), snapshot.TermLabel(*to))
	rows := [][]string{{"组织", "党员", "问题", "考评得分", "按规则的问题变化"}}
	for _, d := range deltas {
		rows = append(rows, []string{d.Name,
			change(d.From, d.To, func(f *snapshot.TermFigures) string { return fmt.Sprint(f.Members) }, signed(d.Members)),
			change(d.From, d.To, func(f *snapshot.TermFigures) string { return fmt.Sprint(f.Findings) }, signed(d.Findings)),
			change(d.From, d.To, func(f *snapshot.TermFigures) string { return fmt.Sprintf("%.1f", f.Score) }, signedScore(d.Score)),
			byRule(d.ByRule)})
	}
	e.printTable(rows)
	return ExitOK
}

// change shows a figure in both terms and its change: 120→123（+3）; a
// term without the organization's snapshot shows 无.
func change(from, to *snapshot.TermFigures, show func(*snapshot.TermFigures) string, delta string) string {
	side := func(f *snapshot.TermFigures) string {
		if f == nil {
			return "无"
		}
		return show(f)
	}
	return side(from) + "→" + side(to) + "（" + delta + "）"
}

func signed(n int) string {
	if n > 0 {
		return fmt.Sprintf("+%d", n)
	}
	return fmt.Sprint(n)
}

func signedScore(x float64) string {
	s := fmt.Sprintf("%+.1f", x)
	if s == "+0.0" || s == "-0.0" {
		return "0.0"
	}
	return s
}

// byRule lists the changes of findings by rule, by the rules' names in
// their order: 每月开展主题党日 +2、三会一课 −1.
func byRule(m map[vocab.RuleID]int) string {
	var parts []string
	for _, r := range vocab.RuleIDs {
		if n := m[r]; n != 0 {
			parts = append(parts, r.Label()+" "+signed(n))
		}
	}
	if len(parts) == 0 {
		return "无变化"
	}
	return strings.Join(parts, "、")
}

// printJSON prints v as indented JSON.
func (e *env) printJSON(v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	return ExitOK
}

// printTable prints rows in columns as a terminal shows them (a hanzi two
// columns wide), the first row the header.
func (e *env) printTable(rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		e.printf("%s\n", b.String())
	}
}
