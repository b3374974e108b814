package sheets

import (
	"context"

	"dangjian/data"
)

// devStepImporter reads the steps sheet: one step a row, of a person in
// the pipeline already, matched on the step's natural key (the person,
// the step, the date) and recorded through data.Tx.RecordDevStep. Rows
// are recorded in the sheet's order: the export writes each person's
// steps in the order rules.SortSteps gives.
type devStepImporter struct {
	dev      devIndex
	rows     rowKeys
	warnings []Problem
	undo     []func()
}

// devStepCols names the sheet column of each store column.
var devStepCols = map[string]string{"applicant_id": "公民身份号码", "step": "步骤", "date": "日期", "until": "截止日期",
	"person_id": "相关党员", "person2_id": "相关党员", "people": "相关党员", "eligible": "应到人数", "present": "实到人数",
	"votes_for": "赞成票", "votes_against": "反对票", "abstain": "弃权票", "outcome": "结果",
	"extend_months": "延长预备期月数", "hours": "学时", "days": "天数", "number": "编号", "content": "内容", "note": "备注"}

func (d *devStepImporter) prepare(ctx context.Context, tx *data.Tx) error {
	var err error
	d.dev, err = loadDevIndex(ctx, tx)
	d.rows = rowKeys{}
	return err
}

func (d *devStepImporter) apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error) {
	id := r.idNumber("公民身份号码")
	name := r.name("姓名")
	a := d.dev.applicants[id]
	switch {
	case id == "":
	case a == nil:
		r.fail("公民身份号码", "发展党员名册中没有该公民身份号码的人员，请先导入发展党员表")
	case name != "" && name != a.Name:
		r.fail("姓名", "与公民身份号码不符（名册中为"+a.Name+"）")
	}
	st := &data.DevStep{Step: r.choice("步骤", nil), Date: r.date("日期"), Until: r.anyDate("截止日期"), FromLedger: true}
	st.PersonID, st.Person2ID = d.dev.people(r, "相关党员", st.Date.Time)
	counts := []struct {
		col string
		v   *int
	}{{"应到人数", &st.Eligible}, {"实到人数", &st.Present}, {"赞成票", &st.VotesFor}, {"反对票", &st.VotesAgainst},
		{"弃权票", &st.Abstain}}
	for _, c := range counts {
		*c.v, _ = r.count(c.col)
	}
	st.Outcome = r.choice("结果", nil)
	st.ExtendMonths = int(number(r, "延长预备期月数", "个月", "月"))
	st.Hours = r.hours("学时")
	st.Days = number(r, "天数", "天")
	st.Number, st.Content, st.Note = r.text("编号"), r.text("内容"), r.text("备注")
	if len(r.problems) > 0 || a == nil {
		return unchanged, nil
	}
	st.ApplicantID = data.Ref(a.ID)
	if d.rows.claim(r, a.ID+"|"+st.Step+"|"+st.Date.String(), "日期"); len(r.problems) > 0 {
		return unchanged, nil
	}
	old := d.dev.matchStep(a.ID, st, false)
	if old != nil {
		// A column the sheet lacks keeps the stored value.
		keepUnread(r, st, old)
	}
	changed, warnings, err := d.dev.record(ctx, tx, r, st, old, devStepCols, &d.undo)
	if err != nil {
		return unchanged, err
	}
	warn(&d.warnings, r, "日期", warnings)
	switch {
	case old == nil:
		return created, nil
	case changed:
		return updated, nil
	}
	return unchanged, nil
}

// keepUnread gives st the stored values of the columns the sheet lacks.
func keepUnread(r *row, st, old *data.DevStep) {
	keep := []struct {
		col string
		fn  func()
	}{
		{"截止日期", func() { st.Until = old.Until }},
		{"相关党员", func() { st.PersonID, st.Person2ID = old.PersonID, old.Person2ID }},
		{"应到人数", func() { st.Eligible = old.Eligible }},
		{"实到人数", func() { st.Present = old.Present }},
		{"赞成票", func() { st.VotesFor = old.VotesFor }},
		{"反对票", func() { st.VotesAgainst = old.VotesAgainst }},
		{"弃权票", func() { st.Abstain = old.Abstain }},
		{"结果", func() { st.Outcome = old.Outcome }},
		{"延长预备期月数", func() { st.ExtendMonths = old.ExtendMonths }},
		{"学时", func() { st.Hours = old.Hours }},
		{"天数", func() { st.Days = old.Days }},
		{"编号", func() { st.Number = old.Number }},
	}
	for _, k := range keep {
		if !r.has(k.col) {
			k.fn()
		}
	}
}

func (d *devStepImporter) settle(ok bool) {
	if !ok {
		for i := len(d.undo) - 1; i >= 0; i-- {
			d.undo[i]()
		}
	}
	d.undo = nil
}

func (d *devStepImporter) rowWarnings() []Problem { return d.warnings }
