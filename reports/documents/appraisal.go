package documents

import (
	"fmt"
	"strings"
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
		if m := members[data.Ref(r.opts.MemberID)]; m != nil {
			// One member without a record of the year: the form to fill
			// in by hand, the member's particulars printed.
			r.appraisalForm(m, branchNames[string(m.BranchID)], &data.Appraisal{Year: r.year, MemberID: data.Ref(m.ID)})
			return nil
		}
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

// apprVotes is the 民主测评 box: 「优秀 12 票、合格 20 票、基本合格 1 票、不合格 0 票,
// 合计 33 票」, or blanks to fill in by hand when no vote was recorded.
func apprVotes(a *data.Appraisal) string {
	counts := map[vocab.Grade]int{vocab.GradeExcellent: a.VotesExcellent, vocab.GradePass: a.VotesQualified,
		vocab.GradeBasic: a.VotesBasic, vocab.GradeFail: a.VotesFail}
	recorded := a.VoteTotal() > 0
	parts := make([]string, 0, len(vocab.Grades))
	for _, g := range vocab.Grades {
		if recorded {
			parts = append(parts, fmt.Sprintf("%s %d 票", g, counts[g]))
		} else {
			parts = append(parts, string(g)+"____票")
		}
	}
	s := strings.Join(parts, "、")
	if recorded {
		s += fmt.Sprintf("，合计 %d 票", a.VoteTotal())
	}
	return s
}

// appraisalForm adds one member's form as a part of its own (see
// apprRows): the self-assessment takes the height the page leaves and
// continues on a 续页 when longer.
func (r *request) appraisalForm(m *data.Member, branch string, a *data.Appraisal) {
	p := r.part("", fmt.Sprintf("（%d年度）", r.year), record(branch, m.Name, m.StaffNo))
	for _, f := range splitForm(r.apprRows(m, branch, a)) {
		p.Add(f)
	}
}

// apprRows are the rows of a member's 民主评议党员登记表, as the form in use
// asks: the member's particulars on a grid of four label and value pairs,
// 个人自我评价 with the member's signature, 民主测评情况, 评议等次, 党支部意见
// with the secretary's signature and the branch's seal, 上级党组织意见 with
// its seal, and for a 不合格 member 教育处置情况. The prose (self-assessment,
// opinions, 教育处置情况) has each paragraph's first line indented by two
// characters, as the form in use has it.
func (r *request) apprRows(m *data.Member, branch string, a *data.Appraisal) []layout.FormRow {
	cat := apprCategory(m, r.year)
	failed := cat != vocab.CategoryProbation && vocab.Grade(a.Grade) == vocab.GradeFail
	g := formGrid
	rows := []layout.FormRow{
		{Height: formRowH, Cells: []layout.Cell{g.label("姓名"), g.value(0, layout.Keep(m.Name)), g.label("性别"), g.value(1, m.Gender),
			g.label("民族"), g.value(2, m.Ethnicity), g.label("出生年月"), g.value(3, tableMonth(m.BirthDate))}},
		{Height: formRowH, Cells: []layout.Cell{g.label("学历"), g.value(0, m.Education), g.label("入党日期"), g.value(1, tableDate(m.JoinedDate)),
			g.label("党员类别"), g.value(2, string(cat)), g.label("党内职务"), g.value(3, m.PartyPost)}},
		{Height: formRowH, Cells: []layout.Cell{g.label("所在支部"), g.span(0, 2, branch), g.label("评议年度"),
			g.value(3, fmt.Sprintf("%d年度", r.year))}},
		{Fill: true, Height: 60, Cells: []layout.Cell{g.label("个人自我评价"),
			{Text: a.SelfAssessment, Indent: true, Sign: []layout.SignLine{{Who: "本人签字：", Date: true}}}}},
		{Height: 12, Cells: []layout.Cell{g.label("民主测评情况"), {Text: apprVotes(a), Align: layout.Center}}},
		{Height: formRowH, Cells: []layout.Cell{g.label("评议等次"), {Text: apprGrade(cat, a), Align: layout.Center}}},
		{Height: 44, Cells: []layout.Cell{g.label("党支部意见"),
			{Text: a.BranchOpinion, Indent: true, Sign: []layout.SignLine{{Who: "党支部书记签字", Seal: true, Date: true}}}}},
		{Height: 46, Cells: []layout.Cell{g.label("上级党组织意见"),
			{Text: a.SuperiorOpinion, Indent: true, Sign: []layout.SignLine{{Who: "上级党组织", Seal: true, Date: true}}}}},
	}
	if failed {
		rows = append(rows, layout.FormRow{Height: 40, Cells: []layout.Cell{g.label("教育处置情况"), {Text: a.FollowUp, Indent: true}}})
	}
	return rows
}
