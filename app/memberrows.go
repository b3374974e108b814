package app

import (
	"strings"

	"dangjian/data"
)

// memberColumns are the members table's columns.
var memberColumns = []struct {
	title string
	width float32
}{
	{"姓名", 90}, {"性别", 50}, {"所在支部", 220}, {"人员类别", 100}, {"党员类别", 90},
	{"党籍状态", 80}, {"入党日期", 110}, {"工号或学号", 120}, {"党内职务", 110}, {"单位职务或院系班级", 200},
}

// memberRow is one member as the table shows it, with the text searched.
type memberRow struct {
	id       string
	branchID string
	cells    []string
	search   string // name, 公民身份号码 and 工号或学号, for the search box
}

// memberRows turns members into table rows, naming their branches.
func memberRows(members []data.Member, branchNames map[string]string) []memberRow {
	rows := make([]memberRow, len(members))
	for i, m := range members {
		rows[i] = memberRow{
			id:       m.ID,
			branchID: string(m.BranchID),
			cells: []string{m.Name, m.Gender, branchNames[string(m.BranchID)], m.PersonType, m.Category,
				m.Status, m.JoinedDate.String(), m.StaffNo, m.PartyPost, m.Position},
			search: m.Name + "\x00" + m.IDNumber + "\x00" + strings.ToUpper(m.StaffNo),
		}
	}
	return rows
}

// filterMembers keeps the rows of the branch (all when empty) whose name,
// 公民身份号码 or 工号或学号 contains the text.
func filterMembers(rows []memberRow, text, branchID string) []memberRow {
	text = strings.ToUpper(strings.TrimSpace(text))
	out := make([]memberRow, 0, len(rows))
	for _, r := range rows {
		if branchID != "" && r.branchID != branchID {
			continue
		}
		if text != "" && !strings.Contains(r.search, text) {
			continue
		}
		out = append(out, r)
	}
	return out
}
