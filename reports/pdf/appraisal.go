package pdf

import (
	"fmt"

	"dangjian/data"
)

func init() { writers[Appraisal] = writer{"民主评议党员登记表", false, writeAppraisal} }

// apprUngraded is what the 评议等次 box says for a 预备党员.
const apprUngraded = "预备党员不评定等次"

// writeAppraisal prints one 民主评议党员登记表 page for every appraisal of
// the year of a member of the covered branches, whatever the member's
// status now: branches by name, members in stroke order. 预备党员 take
// part without a grade and get a page too.
func writeAppraisal(r *request) error {
	members, branchNames, err := r.formMembers()
	if err != nil {
		return err
	}
	rows, err := r.store.Appraisals.List(r.ctx, data.Where("year", r.year), data.OrderBy("id"))
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

// apprGrade is what the 评议等次 box says: the grade, or for a member who
// was still a 预备党员 in the year (and so has none) that they get none.
func apprGrade(m *data.Member, a *data.Appraisal, year int) string {
	if a.Grade != "" {
		return a.Grade
	}
	if m.Category == "预备党员" || m.ConfirmedAt.IsZero() || m.ConfirmedAt.Year() >= year {
		return apprUngraded
	}
	return ""
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
	cols := []float64{labelW, 38, labelW, 38, labelW, 38}
	joined := ""
	if !m.JoinedDate.IsZero() {
		joined = m.JoinedDate.Format("2006.01.02")
	}
	y := marginTop + 2
	d.formRow(y, rowH, cols, "姓名", m.Name, "性别", m.Gender, "出生年月", formYM(m.BirthDate))
	y += rowH
	d.formRow(y, rowH, cols, "入党日期", joined, "党员类别", m.Category, "党内职务", m.PartyPost)
	y += rowH
	d.formRow(y, rowH, []float64{labelW, 98, labelW, 38}, "所在支部", branch, "评议年度", fmt.Sprintf("%d年度", r.year))
	y += rowH

	failed := a.Grade == "不合格"
	selfH := d.bottom() - 1 - y - gradeH - opinionH
	if failed {
		selfH -= followH
	}
	d.formBlock(y, selfH, labelW, "个人自我评价", a.SelfAssessment, func(x0, x1, bottom float64) {
		d.formSignAndDate(x0, x1, bottom-6, "本人签字:")
	})
	y += selfH
	d.formRow(y, gradeH, []float64{labelW, d.bodyWidth() - labelW}, "评议等次", apprGrade(m, a, r.year))
	y += gradeH
	d.formBlock(y, opinionH, labelW, "支部意见", a.BranchOpinion, func(x0, x1, bottom float64) {
		d.formSignAndDate(x0, x1, bottom-6, "支部书记签字:")
	})
	y += opinionH
	if failed {
		d.formBlock(y, followH, labelW, "教育处置情况", a.FollowUp, nil)
	}
}
