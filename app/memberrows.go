package app

import (
	"strings"

	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/vocab"
)

// memberColumns are the members table's columns.
var memberColumns = []column{
	{"姓名", 90}, {"性别", 50}, {"所在支部", 220}, {"人员类别", 100}, {"党员类别", 90},
	{"党籍状态", 80}, {"入党日期", 110}, {"工号或学号", 120}, {"党内职务", 110}, {"单位职务或院系班级", 200},
}

// memberOrgColumn is the column committee mode adds after memberColumns:
// the 二级党组织 the member belongs to.
var memberOrgColumn = column{"所属组织", 180}

// memberOrgCol is the index of the 所属组织 cell of a row.
var memberOrgCol = len(memberColumns)

// committeeMemberColumns are the members table's columns in committee mode.
var committeeMemberColumns = append(memberColumns[:len(memberColumns):len(memberColumns)], memberOrgColumn)

// memberRow is one member as the table shows it, with the text searched
// and the keys it sorts by.
type memberRow struct {
	id       string
	branchID string
	cells    []string
	search   string // name, 公民身份号码, 工号或学号, 拼音首字母 and 拼音, lower case, for the search box
	flags    map[string]bool
	pinyin   string // the name's 拼音 sort key
	stroke   int    // the name's place in 姓氏笔画 order among the rows read (see rankStroke)
	branch   string // the branch's 拼音 sort key
}

// The filters on a member's situation besides 人员类别, 预备党员 and
// 停止党籍.
const (
	flagCommittee  = "班子成员"
	flagLeader     = "党员领导干部"
	flagDifficulty = "困难党员"
	flagFloating   = "流动党员"
	flagLost       = "失联党员"
)

// memberFlags are the filters on a member's situation: each 人员类别,
// 预备党员, the flags above, and 停止党籍.
var memberFlags = append(vocab.Texts(vocab.PersonTypes), string(vocab.CategoryProbation), flagCommittee,
	flagLeader, flagDifficulty, flagFloating, flagLost, string(vocab.StatusSuspended))

// memberRows turns members into table rows, naming their branches.
func memberRows(members []data.Member, branchNames map[string]string) []memberRow {
	return memberRowsIn(members, branchNames, nil)
}

// memberRowsIn turns members into table rows, naming their branches and,
// when orgNames is given (committee mode), their organizations, which the
// search box then finds too.
func memberRowsIn(members []data.Member, branchNames, orgNames map[string]string) []memberRow {
	rows := make([]memberRow, len(members))
	for i, m := range members {
		org := orgNames[m.OrgID]
		search := m.Name + "\x00" + m.IDNumber + "\x00" + m.StaffNo + "\x00" + searchKey(m.Name)
		if org != "" {
			search += "\x00" + org
		}
		rows[i] = memberRow{
			id:       m.ID,
			branchID: string(m.BranchID),
			cells: []string{m.Name, m.Gender, branchNames[string(m.BranchID)], m.PersonType, m.Category,
				m.Status, m.JoinedDate.String(), m.StaffNo, m.PartyPost, m.Position, org},
			search: strings.ToLower(search),
			flags: map[string]bool{flagLeader: m.IsLeader, flagDifficulty: m.InDifficulty, flagFloating: m.Floating,
				flagLost: m.LostContact, string(vocab.CategoryProbation): m.Category == string(vocab.CategoryProbation),
				flagCommittee: m.IsCommittee(), m.PersonType: true,
				string(vocab.StatusSuspended): m.Status == string(vocab.StatusSuspended)},
			pinyin: hanzi.PinyinKey(m.Name),
			branch: hanzi.PinyinKey(branchNames[string(m.BranchID)]),
		}
	}
	rankStroke(rows)
	return rows
}

// filterMembers keeps the rows of the branch (all when empty) with the flag
// (any when empty) whose name, 公民身份号码, 工号或学号, 拼音首字母 (zw for
// 张伟) or 拼音 (zhangwei) hold every word of the text.
func filterMembers(rows []memberRow, text, branchID string, flag ...string) []memberRow {
	terms := searchTerms(text)
	out := make([]memberRow, 0, len(rows))
	for _, r := range rows {
		if branchID != "" && r.branchID != branchID {
			continue
		}
		if len(flag) > 0 && flag[0] != "" && !r.flags[flag[0]] {
			continue
		}
		if !holdsAll(r.search, terms) {
			continue
		}
		out = append(out, r)
	}
	return out
}
