package documents

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

func init() {
	builders[Appraisal] = builder{title: "民主评议党员登记表", build: buildAppraisal}
}

// apprUngraded is what the 评议等次 box says for a 预备党员.
const apprUngraded = "预备党员不评定等次"

// formLabelW is the width of a form's label cells, mm.
const formLabelW = 22.0

// buildAppraisal makes one 民主评议党员登记表, a part of its own, for every
// appraisal of the year of a member of the covered branches (or the one
// member Options.MemberID names), whatever the member's status now:
// branches in the store's order, members in 姓氏笔画 order. Members who
// were 预备党员 on 31 December of the year take part without a grade and
// get a form too.
func buildAppraisal(r *request) error {
	members, err := r.formMembers()
	if err != nil {
		return err
	}
	branchNames := r.branchLabels()
	rows, err := r.store.Appraisals.List(r.ctx, data.Where(data.ColYear, r.year), data.OrderBy(data.ColID))
	if err != nil {
		return err
	}
	byMember := map[data.Ref][]data.Appraisal{}
	var ms []data.Member
	total := 0
	for _, a := range rows {
		m := members[a.MemberID]
		if m == nil || r.opts.MemberID != "" && string(a.MemberID) != r.opts.MemberID {
			continue // not covered
		}
		if len(byMember[a.MemberID]) == 0 {
			ms = append(ms, *m)
		}
		byMember[a.MemberID] = append(byMember[a.MemberID], a)
		total++
	}
	if total == 0 {
		r.nothing(fmt.Sprintf("%d年度没有党员民主评议记录。", r.year))
		return nil
	}
	orderBy(r, ms, func(m data.Member) (string, string, string) { return string(m.BranchID), m.Name, m.ID })
	done := 0
	for i := range ms {
		m := &ms[i]
		for k := range byMember[data.Ref(m.ID)] {
			r.appraisalForm(m, branchNames[string(m.BranchID)], &byMember[data.Ref(m.ID)][k])
			done++
			if err := r.tick(done, total, 20); err != nil {
				return err
			}
		}
	}
	r.progress(total, total)
	return nil
}

// apprCategory is the member's 党员类别 on 31 December of the appraisal
// year: the one value that decides both the form's 党员类别 and whether a
// grade is given.
func apprCategory(m *data.Member, year int) vocab.Category {
	return rules.CategoryOn(vocab.Category(m.Category), m.JoinedDate.Time, m.ConfirmedAt.Time,
		time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC))
}

// apprGrade is what the 评议等次 box says: that a member who was a 预备党员 at
// the year's end gets no grade, else the grade recorded.
func apprGrade(cat vocab.Category, a *data.Appraisal) string {
	if cat == vocab.CategoryProbation {
		return apprUngraded
	}
	return a.Grade
}

// formLabel and formValue are a form's caption cell and the value cell after it.
func formLabel(text string) layout.Cell {
	return layout.Cell{Text: text, Label: true, Width: formLabelW}
}
func formValue(text string) layout.Cell { return layout.Cell{Text: text, Align: layout.Center} }

// appraisalForm adds one member's form as a part of its own: the
// self-assessment takes the height the page leaves and continues on a
// 续页 when longer.
func (r *request) appraisalForm(m *data.Member, branch string, a *data.Appraisal) {
	cat := apprCategory(m, r.year)
	failed := cat != vocab.CategoryProbation && vocab.Grade(a.Grade) == vocab.GradeFail
	const rowH = 10.0
	f := &layout.Form{Rows: []layout.FormRow{
		{Height: rowH, Cells: []layout.Cell{formLabel("姓名"), formValue(layout.Keep(m.Name)), formLabel("性别"), formValue(m.Gender),
			formLabel("出生年月"), formValue(tableMonth(m.BirthDate))}},
		{Height: rowH, Cells: []layout.Cell{formLabel("入党日期"), formValue(tableDate(m.JoinedDate)), formLabel("党员类别"), formValue(string(cat)),
			formLabel("党内职务"), formValue(m.PartyPost)}},
		{Height: rowH, Cells: []layout.Cell{formLabel("所在支部"), formValue(branch), formLabel("评议年度"),
			{Text: fmt.Sprintf("%d年度", r.year), Align: layout.Center, Width: 38}}},
		{Fill: true, Height: 60, Cells: []layout.Cell{formLabel("个人自我评价"),
			{Text: a.SelfAssessment, Sign: []layout.SignLine{{Who: "本人签字:", Date: true}}}}},
		{Height: 12, Cells: []layout.Cell{formLabel("评议等次"), formValue(apprGrade(cat, a))}},
		{Height: 58, Cells: []layout.Cell{formLabel("支部意见"),
			{Text: a.BranchOpinion, Sign: []layout.SignLine{{Who: "支部书记签字:", Date: true}}}}},
	}}
	if failed {
		f.Rows = append(f.Rows, layout.FormRow{Height: 44, Cells: []layout.Cell{formLabel("教育处置情况"), {Text: a.FollowUp}}})
	}
	p := r.part("", fmt.Sprintf("（%d年度）", r.year), record(branch, m.Name, m.StaffNo))
	p.Add(f)
}
