package sheets

import (
	"fmt"
	"strings"

	"dangjian/data"
	"dangjian/data/rules"
)

// The headers of the summary sheets' total rows.
const (
	subtotalText = "小计" // a branch's row, under 姓名
	totalText    = "合计" // the organization's row, under 党支部
)

// duesSummaryLayout is the dues export's 收缴汇总 sheet: the year's 党费
// ledger, one row per member line, a 小计 row after each branch's lines and
// a 合计 row for the organization. 公民身份号码 matches a line to its rows
// in the 党费收缴 sheet of the same workbook.
var duesSummaryLayout = Layout{Kind: Dues, Title: "收缴汇总", Columns: []Column{
	{Header: "党支部", Type: "text", Width: 24, Computed: true},
	{Header: "姓名", Type: "text", Width: 10, Computed: true},
	{Header: "公民身份号码", Type: "id", Width: 21, Computed: true},
	{Header: "缴纳标准", Type: "text", Width: 10, Computed: true},
	{Header: "月应缴", Type: "money", Width: 10, Computed: true},
	{Header: "应缴合计", Type: "money", Width: 12, Computed: true},
	{Header: "实缴合计", Type: "money", Width: 12, Computed: true},
	{Header: "欠缴", Type: "money", Width: 10, Computed: true},
	{Header: "备注", Type: "text", Width: 36, Computed: true},
}}

// duesSummary lays out fig's 党费 ledger (rules.Figures.DuesLedger): every
// amount, line and total, is the ledger's.
func duesSummary(fig *rules.Figures, names *summaryNames) *summary {
	ledger := fig.DuesLedger()
	var order []string
	byBranch := map[string][]*rules.DuesLine{}
	for _, l := range ledger.Lines {
		if _, ok := byBranch[l.BranchID]; !ok {
			order = append(order, l.BranchID)
		}
		byBranch[l.BranchID] = append(byBranch[l.BranchID], l)
	}
	return &summary{
		layout: duesSummaryLayout,
		rows:   len(ledger.Lines) + len(order) + 1,
		note: "应缴按组通字〔2008〕3号计算，自党员在本组织计缴的月份起，至转出的月份止；" +
			"欠缴是已结束的月份应缴而未缴足的金额。",
		each: func(add func(map[string]any) error) error {
			for _, id := range order {
				branch := names.branch(id)
				for _, l := range byBranch[id] {
					if err := add(duesLineRow(l, branch, names.idNumber(l.Member.ID), ledger.Year)); err != nil {
						return err
					}
				}
				if err := add(duesTotalRow(branch, subtotalText, ledger.Branches[id])); err != nil {
					return err
				}
			}
			return add(duesTotalRow(totalText, "", ledger.Org))
		},
	}
}

// duesLineRow is a member's line.
func duesLineRow(l *rules.DuesLine, branch, idNumber string, year int) map[string]any {
	return map[string]any{
		"党支部":    branch,
		"姓名":     l.Member.Name,
		"公民身份号码": idNumber,
		"缴纳标准":   l.Rate,
		"月应缴":    data.Money(l.MonthlyDue),
		"应缴合计":   data.Money(l.Due),
		"实缴合计":   data.Money(l.Paid),
		"欠缴":     data.Money(l.Arrears),
		"备注":     duesLineNote(l, year),
	}
}

// duesLineNote says when within the year the member owes dues here and
// how many months are in arrears, e.g. 「自2026年5月起计缴；欠缴2个月」.
func duesLineNote(l *rules.DuesLine, year int) string {
	var parts []string
	if l.From.Year() == year && l.From.Month() > 1 {
		parts = append(parts, "自"+monthText(l.From)+"起计缴")
	}
	if l.Until.Year() == year {
		parts = append(parts, "计缴至"+monthText(l.Until))
	}
	owing := 0
	for _, m := range l.Months {
		if m.Arrears > 0 {
			owing++
		}
	}
	if owing > 0 {
		parts = append(parts, fmt.Sprintf("欠缴%d个月", owing))
	}
	return strings.Join(parts, "；")
}

// duesTotalRow is a branch's 小计 or the organization's 合计.
func duesTotalRow(branch, name string, t rules.DuesTotals) map[string]any {
	note := fmt.Sprintf("%d人，其中欠缴%d人", t.Members, t.Owing)
	if rate, ok := t.Rate(); ok {
		note += "；收缴率" + percentText(rate)
	}
	return map[string]any{
		"党支部":    branch,
		"姓名":     name,
		"公民身份号码": "",
		"缴纳标准":   "",
		"月应缴":    nil,
		"应缴合计":   data.Money(t.Due),
		"实缴合计":   data.Money(t.Paid),
		"欠缴":     data.Money(t.Arrears),
		"备注":     note,
	}
}
