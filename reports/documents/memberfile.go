package documents

import (
	"fmt"
	"strconv"
	"strings"

	"dangjian/data"
	"dangjian/reports/layout"
)

// The member's own documents: the whole file (党员档案) and the 学习管理档案.
const (
	MemberFile Kind = "member-file"
	StudyFile  Kind = "study-file"
)

func init() {
	builders[MemberFile] = builder{title: "党员档案", period: printedPeriod, build: buildMemberFile}
	builders[StudyFile] = builder{title: "党员学习管理档案", period: asOfPeriod, build: buildStudyFile}
	Kinds = append(Kinds, MemberFile, StudyFile)
}

// MemberKinds are the documents printed for one member (Options.MemberID)
// from the member's page.
var MemberKinds = []Kind{Appraisal, Agreement, MemberFile, StudyFile}

// UsesYear reports whether document k covers a year (the 党员档案 covers
// the member's whole file, up to the print date).
func UsesYear(k Kind) bool { return k != MemberFile }

// printedPeriod is the running header of a document as of its print date:
// 「截至2026年11月26日」.
func printedPeriod(r *request) string { return "截至" + prose(r.now) }

// fileMembers returns the members a member's document is printed for: the
// one Options.MemberID names, else the covered branches' members on the
// rolls, by branch and in 姓氏笔画 order.
func (r *request) fileMembers() ([]data.Member, error) {
	members, err := r.formMembers()
	if err != nil {
		return nil, err
	}
	if id := r.opts.MemberID; id != "" {
		m := members[data.Ref(id)]
		if m == nil {
			return nil, fmt.Errorf("所选党员不在%s的范围内，或已被删除", r.scope.name)
		}
		r.memberOrg(m)
		return []data.Member{*m}, nil
	}
	var ms []data.Member
	for _, m := range members {
		if m.Active() {
			ms = append(ms, *m)
		}
	}
	orderBy(r, ms, func(m data.Member) (string, string, string) { return string(m.BranchID), m.Name, m.ID })
	return ms, nil
}

// memberOrg makes a member's document printed from the committee's
// consolidated database for the whole university the very one the
// member's organization's own database gives: that organization in the
// running header, its branches by their own names.
func (r *request) memberOrg(m *data.Member) {
	if !r.scope.consolidated() || r.scope.orgID != "" {
		return
	}
	for _, o := range r.scope.orgs {
		if o.ID == m.OrgID {
			r.scope.orgID, r.scope.name, r.doc.Org = o.ID, o.Name, o.Name
		}
	}
	var own []data.BranchRef
	for _, b := range r.branches {
		if r.inOrg(b.OrgID) {
			b.Label = b.Name
			own = append(own, b)
		}
	}
	r.branches = own
}

// buildMemberFile makes one 党员档案, a part of its own, for each member
// (fileMembers): the member's particulars, every field of the record, then
// the file's events (data.Store.MemberFile) in groups, each group in date
// order.
func buildMemberFile(r *request) error {
	ms, err := r.fileMembers()
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		r.nothing("没有在册党员。")
		return nil
	}
	labels := r.branchLabels()
	for i := range ms {
		f, err := r.store.MemberFile(r.ctx, ms[i].ID)
		if err != nil {
			return err
		}
		r.memberFilePart(f, labels[string(ms[i].BranchID)])
		if err := r.tick(i+1, len(ms), 10); err != nil {
			return err
		}
	}
	r.progress(len(ms), len(ms))
	return nil
}

// chineseNumbers number the sections: 一、二、…
var chineseNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}

func sectionNumber(i int) string {
	if i < len(chineseNumbers) {
		return chineseNumbers[i]
	}
	return strconv.Itoa(i + 1)
}

// memberFilePart adds one member's 党员档案.
func (r *request) memberFilePart(f *data.MemberFile, branch string) {
	m := f.Member
	rec := record(branch, m.Name, m.StaffNo)
	p := r.part("", "（"+layout.Keep(m.Name)+"）", rec)
	p.Add(&layout.Heading{Text: "一、基本情况", Level: 1})
	p.Add(&layout.Form{Rows: r.particulars(f, branch)})
	p.Add(&layout.Heading{Text: "二、档案记录", Level: 1})
	n := 0
	for _, g := range data.FileGroups {
		events := f.InGroup(g)
		if len(events) == 0 {
			continue
		}
		t := &layout.Table{Caption: "（" + sectionNumber(n) + "）" + string(g), Columns: []layout.Column{
			{Title: "日期", Width: 26, Align: layout.Center, Keep: true},
			{Title: "事项", Width: 32, Align: layout.Center, Keep: true},
			{Title: "内容"},
		}}
		for _, e := range events {
			t.Rows = append(t.Rows, layout.Row{Cells: []string{fileWhen(e), e.Kind, tableDates(e.Text)}, Record: rec})
		}
		if g == data.GroupTraining {
			t.Note = "注：各年度计入学时及是否达到要求见党员学习管理档案。"
		}
		p.Add(t)
		n++
	}
	if n == 0 {
		p.Add(&layout.Paragraph{Text: "没有入党、任职、奖惩、培训等记录。"})
	}
}

// particulars are the rows of the member's particulars: every field of
// the member record, on the grid of the other per-member forms.
func (r *request) particulars(f *data.MemberFile, branch string) []layout.FormRow {
	m := f.Member
	g := formGrid
	post := m.PartyPost
	if post == "" {
		post = strings.Join(f.Posts, "、")
	}
	row := func(cells ...layout.Cell) layout.FormRow { return layout.FormRow{Height: formRowH, Cells: cells} }
	// A row of one long value: its caption as wide as the first pair, so
	// that it sets on one line and its rule meets the grid's.
	wideLabel := func(label string) layout.Cell {
		return layout.Cell{Text: label, Label: true, Width: g.labelW + g.valueW[0]}
	}
	wide := func(label, value string) layout.FormRow {
		return row(wideLabel(label), layout.Cell{Text: value, Align: layout.Left})
	}
	yes := func(b bool) string {
		if b {
			return "是"
		}
		return "否"
	}
	group := ""
	if m.GroupID != "" {
		if pg, err := r.store.Groups.Get(r.ctx, string(m.GroupID)); err == nil {
			group = pg.Name
		}
	}
	dues := ""
	if m.DuesBase != 0 {
		dues = m.DuesBase.String() + "元"
	}
	// Dates go in the first two pairs, wide enough for them on one line.
	rows := []layout.FormRow{
		row(g.label("姓名"), g.value(0, layout.Keep(m.Name)), g.label("出生日期"), g.value(1, tableDate(m.BirthDate)),
			g.label("性别"), g.value(2, m.Gender), g.label("民族"), g.value(3, m.Ethnicity)),
		row(g.label("公民身份号码"), g.span(0, 1, layout.Keep(m.IDNumber)), g.label("籍贯"), g.span(2, 3, m.NativePlace)),
		row(g.label("学历"), g.value(0, m.Education), g.label("学位"), g.value(1, m.Degree),
			g.label("毕业院校"), g.span(2, 3, m.School)),
		row(g.label("人员类别"), g.value(0, m.PersonType), g.label("工号或学号"), g.value(1, layout.Keep(m.StaffNo)),
			g.label("党员类别"), g.value(2, m.Category), g.label("党籍状态"), g.value(3, m.Status)),
		row(g.label("入党日期"), g.value(0, tableDate(m.JoinedDate)), g.label("转正日期"), g.value(1, tableDate(m.ConfirmedAt)),
			g.label("党内职务"), g.span(2, 3, post)),
		row(g.label("所在支部"), g.span(0, 1, branch), g.label("党小组"), g.span(2, 3, group)),
		row(g.label("联系电话"), g.span(0, 1, layout.Keep(m.Phone)), g.label("党费基数"), g.span(2, 3, dues)),
		row(wideLabel("按最低标准交纳党费"), layout.Cell{Text: yes(m.DuesReduced), Align: layout.Center, Width: g.labelW + g.valueW[1]},
			g.label("免交党费决定人"), g.span(2, 3, m.DuesExemptBy)),
		wide("单位职务或院系班级", m.Position),
		wide("工作单位及职务", m.WorkUnit),
		wide("户籍所在地", m.HouseholdPlace),
		wide("现居住地", m.Residence),
		wide("档案所在单位", m.ArchiveUnit),
		row(g.label("党员领导干部"), g.value(0, yes(m.IsLeader)), g.label("困难党员"), g.value(1, yes(m.InDifficulty)),
			g.label("流动党员"), g.value(2, yes(m.Floating)), g.label("失联党员"), g.value(3, yes(f.Lost.Lost))),
		row(g.label("失联日期"), g.value(0, tableDate(f.Lost.Date)), g.label("流向"), g.span(1, 3, m.FloatingTo)),
		wide("失联情形", f.Lost.Circumstances),
	}
	if m.Note != "" {
		rows = append(rows, wide("备注", m.Note))
	}
	return rows
}

// fileWhen is an event's date in the table form: 2025.03.01, or 2025年
// for an event recorded by year.
func fileWhen(e data.FileEvent) string {
	if e.YearOnly {
		return strconv.Itoa(e.Date.Year()) + "年"
	}
	return tableDate(e.Date)
}

// tableDates writes the dates of an event's text (2025-03-01, as the
// store writes them; isoDate) in the table form 2025.03.01.
func tableDates(s string) string { return isoDate.ReplaceAllString(s, "$1.$2.$3") }
