package pdf

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

func init() { writers[Appraisal] = writer{"民主评议党员登记表", false, writeAppraisal} }

// apprUngraded is what the 评议等次 box says for a 预备党员.
const apprUngraded = "预备党员不评定等次"

// writeAppraisal prints one 民主评议党员登记表 page for every appraisal of
// the year of a member of the covered branches, whatever the member's
// status now: branches by name, members in stroke order. Members who were
// 预备党员 on 31 December of the year take part without a grade and get a
// page too.
func writeAppraisal(r *request) error {
	members, branchNames, err := r.formMembers()
	if err != nil {
		return err
	}
	rows, err := r.store.Appraisals.List(r.ctx, data.Where(data.ColYear, r.year), data.OrderBy(data.ColID))
	if err != nil {
		return err
	}
	byMember := map[data.Ref][]data.Appraisal{}
	var ms []data.Member
	total := 0
	for _, a := range rows {
		m := members[a.MemberID]
		if m == nil {
			continue // not in a covered branch
		}
		if len(byMember[a.MemberID]) == 0 {
			ms = append(ms, *m)
		}
		byMember[a.MemberID] = append(byMember[a.MemberID], a)
		total++
	}
	d := r.doc
	if total == 0 {
		d.NewPage()
		d.Paragraph(fmt.Sprintf("%d年度没有党员民主评议记录。", r.year))
		return nil
	}
	r.formOrder(ms)
	done := 0
	for i := range ms {
		m := &ms[i]
		for k := range byMember[data.Ref(m.ID)] {
			r.appraisalPage(m, branchNames[string(m.BranchID)], &byMember[data.Ref(m.ID)][k])
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

// appraisalPage draws one member's form on a page of its own: the boxes
// always fit the page, their texts shrink or are cut to fit the boxes.
func (r *request) appraisalPage(m *data.Member, branch string, a *data.Appraisal) {
	d := r.doc
	d.NewPage()
	const (
		rowH     = 10.0
		labelW   = 22.0
		gradeH   = 12.0
		opinionH = 58.0
		followH  = 44.0
	)
	cat := apprCategory(m, r.year)
	cols := []float64{labelW, 38, labelW, 38, labelW, 38}
	joined := ""
	if !m.JoinedDate.IsZero() {
		joined = m.JoinedDate.Format("2006.01.02")
	}
	y := marginTop + 2
	d.formRow(y, rowH, cols, "姓名", m.Name, "性别", m.Gender, "出生年月", formYM(m.BirthDate))
	y += rowH
	d.formRow(y, rowH, cols, "入党日期", joined, "党员类别", string(cat), "党内职务", m.PartyPost)
	y += rowH
	d.formRow(y, rowH, []float64{labelW, 98, labelW, 38}, "所在支部", branch, "评议年度", fmt.Sprintf("%d年度", r.year))
	y += rowH

	failed := cat != vocab.CategoryProbation && vocab.Grade(a.Grade) == vocab.GradeFail
	selfH := d.bottom() - 1 - y - gradeH - opinionH
	if failed {
		selfH -= followH
	}
	d.formBlock(y, selfH, labelW, "个人自我评价", a.SelfAssessment, func(x0, x1, bottom float64) {
		d.formSignAndDate(x0, x1, bottom-6, "本人签字:")
	})
	y += selfH
	d.formRow(y, gradeH, []float64{labelW, d.bodyWidth() - labelW}, "评议等次", apprGrade(cat, a))
	y += gradeH
	d.formBlock(y, opinionH, labelW, "支部意见", a.BranchOpinion, func(x0, x1, bottom float64) {
		d.formSignAndDate(x0, x1, bottom-6, "支部书记签字:")
	})
	y += opinionH
	if failed {
		d.formBlock(y, followH, labelW, "教育处置情况", a.FollowUp, nil)
	}
}
