package documents

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dangjian/data/rules"
	"dangjian/reports/layout"
)

func init() {
	committeeBuilders[CommitteeFindings] = committeeBuilder{title: "跨组织问题台账", landscape: true,
		period: termOrToday, build: buildCommitteeFindings}
}

// crossKinds are the kinds of cross-organization finding in the order
// the ledger counts them, with their names.
var crossKinds = []struct{ kind, name string }{
	{rules.KindStranded, "转接挂空"},
	{rules.KindUnmatchedIn, "转入无对应转出"},
	{rules.KindDuplicateActive, "重复在册"},
	{rules.KindNoSnapshot, "未上传快照"},
}

// crossKindName is a kind's name, the kind itself when unknown.
func crossKindName(kind string) string {
	for _, k := range crossKinds {
		if k.kind == kind {
			return k.name
		}
	}
	return kind
}

// termOrToday is the running header of a committee document about a term:
// the term, or the print day when none is named.
func termOrToday(r *committeeRequest) string {
	if t := r.termText(); t != "" {
		return t
	}
	return "截至" + prose(r.now)
}

// isoDate finds a date written 2026-03-05 in a finding's text.
var isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)

// proseDates writes the dates of a text in the prose form, 2026年3月5日.
func proseDates(s string) string {
	return isoDate.ReplaceAllStringFunc(s, func(m string) string {
		p := isoDate.FindStringSubmatch(m)
		y, _ := strconv.Atoi(p[1])
		mo, _ := strconv.Atoi(p[2])
		d, _ := strconv.Atoi(p[3])
		return layout.ProseDate(time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC))
	})
}

// findingOrgs names the organizations of a finding.
func (r *committeeRequest) findingOrgs(f rules.KeyedFinding) string {
	var names []string
	for _, id := range f.OrgIDs {
		if n := r.orgName(id); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, "、")
}

// buildCommitteeFindings makes the 跨组织问题台账: every cross-organization
// finding — its kind, the organizations, the person by name, the letter's
// number, what was found and the committee's 处理情况 — with their counts.
func buildCommitteeFindings(r *committeeRequest) error {
	p := r.part("", "", "")
	fs := r.co.Findings
	if len(fs) == 0 {
		p.Add(&layout.Paragraph{Indent: true, Text: "截至" + prose(r.now) + "，各二级党组织之间没有发现需要处理的问题（转接挂空、转入无对应转出、重复在册、未上传快照）。"})
		return nil
	}
	count := map[string]int{}
	noted := 0
	for _, f := range fs {
		count[f.Kind]++
		if strings.TrimSpace(r.co.Notes[f.Key]) != "" {
			noted++
		}
	}
	var counts []string
	for _, k := range crossKinds {
		if n := count[k.kind]; n > 0 {
			counts = append(counts, fmt.Sprintf("%s%d项", k.name, n))
		}
	}
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("截至%s，汇总各二级党组织的数据发现跨组织问题%d项：%s。"+
		"已记录处理情况%d项，未记录%d项（留空处可手工填写）。本台账只列姓名，不列公民身份号码。",
		prose(r.now), len(fs), strings.Join(counts, "、"), noted, len(fs)-noted)}, &layout.Spacer{MM: 2})
	t := &layout.Table{Columns: []layout.Column{
		{Title: "序号", Width: 10, Align: layout.Center}, {Title: "类别", Width: 30},
		{Title: "二级党组织", Width: 50}, {Title: "姓名", Width: 16, Keep: true},
		{Title: "介绍信编号", Width: 34, Keep: true}, {Title: "情况说明"}, {Title: "处理情况", Width: 52},
	}}
	for i, f := range fs {
		if err := r.tick(i, len(fs), 200); err != nil {
			return err
		}
		rec := crossKindName(f.Kind)
		if f.Person != "" {
			rec += " " + f.Person
		}
		t.Rows = append(t.Rows, layout.Row{Record: rec, MinHeight: 10, Cells: []string{
			fmt.Sprint(i + 1), crossKindName(f.Kind), r.findingOrgs(f), layout.Keep(f.Person),
			layout.Keep(f.LetterNo), keepDocNumbers(proseDates(f.Detail)), r.co.Notes[f.Key]}})
	}
	t.Note = "注：转接挂空为转出介绍信超过有效期、任何二级党组织均未转入；转入无对应转出为转入记录在所注明的转出组织中没有对应的转出；" +
		"重复在册为同一公民身份号码同时在两个以上二级党组织在册；未上传快照为本学期没有通过核验的快照。"
	p.Add(t, &layout.Spacer{MM: 3},
		&layout.Signatures{Lines: []layout.SignLine{{Who: "经办人签字："}, {Who: "审核人签字：", Date: true}}})
	r.progress(len(fs), len(fs))
	return nil
}
