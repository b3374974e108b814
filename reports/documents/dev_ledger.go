package documents

import (
	"fmt"
	"time"

	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// ledgerDateWidth is the width of a date column of the 台账, mm: a date
// and its padding, so that the 阶段 column keeps what 「已终止（2026.03.25）」's
// bracket group needs on one line.
const ledgerDateWidth = 17.0

// ledgerDate is a date column of the 发展党员工作台账: a main step of the
// 细则 whose date a checker looks at.
func ledgerDate(title string, kind vocab.DevStep, outcome ...vocab.DevOutcome) devColumn {
	c := devStepColumn(title, kind, outcome...)
	c.Width = ledgerDateWidth
	return c
}

// ledgerColumns are the columns of the 台账 after 序号: the person, the
// stage at the end of the period, then a date per main step.
var ledgerColumns = []devColumn{
	{layout.Column{Title: "姓名", Width: 16, Keep: true}, devName.value},
	{layout.Column{Title: "性别", Width: 9, Align: layout.Center}, devGender.value},
	{layout.Column{Title: "阶段"}, func(_ *devData, p *devPerson, day time.Time) string { return stageWord(p, day) }},
	ledgerDate("申请入党", vocab.StepApply),
	ledgerDate("谈话", vocab.StepTalk),
	ledgerDate("确定积极分子", vocab.StepActivist),
	ledgerDate("确定发展对象", vocab.StepCandidate),
	ledgerDate("政治审查", vocab.StepVetting),
	{layout.Column{Title: "集中培训结业", Width: ledgerDateWidth, Align: layout.Center, Keep: true},
		func(_ *devData, p *devPerson, day time.Time) string { return trainedOn(p, day) }},
	ledgerDate("党委预审", vocab.StepPreReview),
	ledgerDate("公示", vocab.StepPublicity),
	ledgerDate("支部大会接收", vocab.StepAdmitVote, vocab.OutcomePassed),
	ledgerDate("党委审批", vocab.StepApproval, vocab.OutcomePassed),
	ledgerDate("入党宣誓", vocab.StepOath),
	ledgerDate("党委审批转正", vocab.StepConfirmApproval),
}

// inPipeline reports whether the person was in the pipeline in the
// period: a step taken in it, or in a stage short of 正式党员 (and not
// ended) when it began, having applied by its end.
func inPipeline(p *devPerson, from, to time.Time) bool {
	applied := false
	for _, s := range p.steps() {
		if inPeriod(s.Date, from, to) {
			return true
		}
		if !s.Date.After(to) {
			applied = true
		}
	}
	if !applied || from.IsZero() {
		return applied
	}
	switch p.stageOn(from.AddDate(0, 0, -1)) {
	case vocab.StageFull, vocab.StageEnded:
		return false
	}
	return true
}

// buildDevLedger makes the 发展党员工作台账: a row per person in the
// pipeline in the period, by branch and in 姓氏笔画 order, with their stage
// at its end and the date of every main step taken by then; the counts by
// stage.
func buildDevLedger(r *request) error {
	d, err := r.devPeople()
	if err != nil {
		return err
	}
	from, to := r.period()
	day := to
	if today := r.today(); today.Before(day) {
		day = today
	}
	var in []*devPerson
	for _, p := range d.people {
		if inPipeline(p, from, to) {
			in = append(in, p)
		}
	}
	if len(in) == 0 {
		r.nothing(fmt.Sprintf("%s没有处在发展党员各阶段的人员。", periodWords(r)))
		return nil
	}
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("本台账列出%s处在发展党员各阶段的人员，按党支部和姓氏笔画排列；"+
		"“阶段”栏为截至%s所处的阶段，各日期栏为截至当日记录的步骤日期（集中培训为结业日期，支部大会接收、党委审批为通过的日期），空白为尚未记录。",
		periodWords(r), prose(day))}, &layout.Spacer{MM: 2})
	p.Add(branchTables(d, in, ledgerColumns, day)...)
	counts := map[vocab.Stage]int{}
	for _, q := range in {
		counts[rules.StageOf(q.stepsUpTo(day))]++
	}
	text := devTotal("合计：", in)
	for _, st := range vocab.Stages {
		if counts[st] > 0 {
			text += fmt.Sprintf("，%s%d名", st, counts[st])
		}
	}
	p.Add(&layout.Paragraph{Text: text + "。"}, &layout.Spacer{MM: 4},
		&layout.Fields{Items: []layout.Field{{Label: "制表人"}, {Label: "审核人"}, {Label: "填报日期", Value: prose(r.now)}}})
	return nil
}
