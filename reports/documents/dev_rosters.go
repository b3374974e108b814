package documents

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"dangjian/assets"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// devColumn is a column of a list of people of the pipeline: its layout
// and its cell, given the day the list is as of.
type devColumn struct {
	layout.Column
	value func(d *devData, p *devPerson, day time.Time) string
}

// The columns the lists of 发展党员 share; widths fit a landscape A4 page.
var (
	devName = devColumn{layout.Column{Title: "姓名", Width: 16, Keep: true},
		func(_ *devData, p *devPerson, _ time.Time) string { return layout.Keep(p.Applicant.Name) }}
	devGender = devColumn{layout.Column{Title: "性别", Width: 9, Align: layout.Center},
		func(_ *devData, p *devPerson, _ time.Time) string { return p.Applicant.Gender }}
	devEthnicity = devColumn{layout.Column{Title: "民族", Width: 12, Align: layout.Center},
		func(_ *devData, p *devPerson, _ time.Time) string { return p.Applicant.Ethnicity }}
	devBirth = devColumn{layout.Column{Title: "出生年月", Width: 16, Align: layout.Center, Keep: true},
		func(_ *devData, p *devPerson, _ time.Time) string { return tableMonth(p.Applicant.BirthDate) }}
	devEducation = devColumn{layout.Column{Title: "学历", Width: 16},
		func(_ *devData, p *devPerson, _ time.Time) string { return p.Applicant.Education }}
	devPosition = devColumn{layout.Column{Title: "院系班级或职务"},
		func(_ *devData, p *devPerson, _ time.Time) string { return p.Applicant.Position }}
	devApplied     = devStepColumn("申请入党\n时间", vocab.StepApply)
	devActivist    = devStepColumn("确定为积极分子时间", vocab.StepActivist)
	devCandidate   = devStepColumn("确定为发展对象时间", vocab.StepCandidate)
	devVetting     = devStepColumn("政审", vocab.StepVetting)
	devContactsCol = devColumn{layout.Column{Title: "培养联系人", Width: 27},
		func(d *devData, p *devPerson, day time.Time) string { return d.contacts(p, day) }}
	devIntroducersCol = devColumn{layout.Column{Title: "入党介绍人", Width: 27},
		func(d *devData, p *devPerson, day time.Time) string { return d.introducers(p, day) }}
	devTrained = devColumn{layout.Column{Title: "培训结业", Width: 19, Align: layout.Center, Keep: true},
		func(_ *devData, p *devPerson, day time.Time) string { return trainedOn(p, day) }}
)

// devStepColumn is a column of the date of the latest step of the kind.
func devStepColumn(title string, kind vocab.DevStep, outcome ...vocab.DevOutcome) devColumn {
	return devColumn{layout.Column{Title: title, Width: 19, Align: layout.Center, Keep: true},
		func(_ *devData, p *devPerson, day time.Time) string { return p.date(kind, day, outcome...) }}
}

// trainedOn is the day the person's latest 集中培训 ended (its last day,
// or its day when it has none).
func trainedOn(p *devPerson, day time.Time) string {
	s, ok := p.last(vocab.StepTraining, day)
	switch {
	case !ok:
		return ""
	case !s.Until.IsZero():
		return layout.TableDate(s.Until)
	}
	return layout.TableDate(s.Date)
}

// devTable is a table of people in the columns, after 序号, as of day.
func devTable(d *devData, ps []*devPerson, cols []devColumn, day time.Time) *layout.Table {
	t := &layout.Table{Columns: []layout.Column{{Title: "序号", Width: 10, Align: layout.Center}}}
	for _, c := range cols {
		t.Columns = append(t.Columns, c.Column)
	}
	for i, p := range ps {
		cells := []string{strconv.Itoa(i + 1)}
		for _, c := range cols {
			cells = append(cells, c.value(d, p, day))
		}
		t.Rows = append(t.Rows, layout.Row{Cells: cells, Record: rowRecord(p, cols, cells[1:])})
	}
	return t
}

// peopleColumns are the titles of the columns that name other people than
// the row's: the members a step names.
var peopleColumns = map[string]bool{devContactsCol.Title: true, devIntroducersCol.Title: true}

// rowRecord names a row of people (its cells, in the columns) for the
// messages about characters the print faces lack: the person of the row,
// or, when such a character is in a name a column of people holds, that
// person and what they are to the row's: 「计算机系学生第一党支部
// 王四(2022001)的入党介绍人王𠮷」.
func rowRecord(p *devPerson, cols []devColumn, cells []string) string {
	own := false
	var named []string
	for i, c := range cols {
		if !unprintable(cells[i]) {
			continue
		}
		if !peopleColumns[c.Title] {
			own = true
			continue
		}
		for _, n := range strings.Split(cells[i], "、") {
			if unprintable(n) {
				named = append(named, c.Title+n)
			}
		}
	}
	switch {
	case len(named) == 0:
		return p.record()
	case own:
		return p.record() + "及其" + strings.Join(named, "、")
	}
	return p.record() + "的" + strings.Join(named, "、")
}

// unprintable reports whether s has a character the print faces lack.
func unprintable(s string) bool {
	for _, r := range s {
		if r != layout.WordJoiner && !unicode.IsSpace(r) && !unicode.IsControl(r) && !assets.PrintCovers(r) {
			return true
		}
	}
	return false
}

// The columns of the two 花名册.
var (
	activistColumns  = []devColumn{devName, devGender, devEthnicity, devBirth, devEducation, devPosition, devApplied, devActivist, devContactsCol}
	candidateColumns = []devColumn{devName, devGender, devEthnicity, devBirth, devEducation, devPosition, devApplied, devActivist,
		devContactsCol, devCandidate, devIntroducersCol, devVetting, devTrained}
)

func buildDevActivists(r *request) error {
	return r.devRoster(vocab.StageActivist, activistColumns)
}

func buildDevCandidates(r *request) error {
	return r.devRoster(vocab.StageCandidate, candidateColumns)
}

// devRoster makes the 花名册 of the people in the stage at the end of the
// day it is as of: per branch, a heading with the count and a table in
// 姓氏笔画 order; the total; the lines to sign.
func (r *request) devRoster(stage vocab.Stage, cols []devColumn) error {
	d, err := r.devPeople()
	if err != nil {
		return err
	}
	day := r.asOf()
	var in []*devPerson
	for _, p := range d.people {
		if p.stageOn(day) == stage {
			in = append(in, p)
		}
	}
	if len(in) == 0 {
		r.nothing(fmt.Sprintf("截至%s没有%s。", prose(day), stage))
		return nil
	}
	p := r.part("", "", "")
	p.Add(branchTables(d, in, cols, day)...)
	p.Add(&layout.Paragraph{Text: devTotal("总计："+string(stage), in) + "。"}, &layout.Spacer{MM: 4}, r.devSign())
	return nil
}

// branchTables are the people, branch by branch: a heading with the
// branch's count, a table of its people in the columns.
func branchTables(d *devData, ps []*devPerson, cols []devColumn, day time.Time) []layout.Block {
	var out []layout.Block
	for _, run := range byBranch(ps) {
		out = append(out, &layout.Heading{Level: 1, Text: fmt.Sprintf("%s（%d名）", run[0].branch, len(run))},
			devTable(d, run, cols, day), &layout.Spacer{MM: 3})
	}
	return out
}

// devTotal is a list's closing count: 「<what>共N名，分属M个党支部」.
func devTotal(what string, ps []*devPerson) string {
	s := fmt.Sprintf("%s共%d名", what, len(ps))
	if n := len(byBranch(ps)); n > 1 {
		s += fmt.Sprintf("，分属%d个党支部", n)
	}
	return s
}

// The three 备案 sheets: the people the 支委会 made 入党积极分子 or 发展对象
// in the period, and those the 党委 approved as 预备党员.
var devFilings = []struct {
	title string // the sheet, under the document's title
	step  vocab.DevStep
	cols  []devColumn
	none  string
}{
	{"入党积极分子", vocab.StepActivist,
		[]devColumn{devName, devGender, devEthnicity, devBirth, devEducation, devPosition, devApplied,
			devStepColumn("支委会确定时间", vocab.StepActivist), devContactsCol},
		"确定的入党积极分子"},
	{"发展对象", vocab.StepCandidate,
		[]devColumn{devName, devGender, devEthnicity, devBirth, devEducation, devPosition, devApplied, devActivist,
			devStepColumn("支委会确定时间", vocab.StepCandidate), devContactsCol, devIntroducersCol},
		"确定的发展对象"},
	{"接收预备党员", vocab.StepApproval,
		[]devColumn{devName, devGender, devEthnicity, devBirth, devEducation, devPosition, devApplied, devActivist, devCandidate,
			devStepColumn("支部大会\n通过时间", vocab.StepAdmitVote, vocab.OutcomePassed),
			devStepColumn("党委审批\n时间", vocab.StepApproval, vocab.OutcomePassed), devIntroducersCol,
			{layout.Column{Title: "志愿书编号", Width: 22, Keep: true}, formNumber}},
		"经党委审批接收的预备党员"},
}

// formNumber is the number of the person's 入党志愿书.
func formNumber(_ *devData, p *devPerson, day time.Time) string {
	s, ok := p.last(vocab.StepForm, day)
	if !ok {
		return ""
	}
	if rec := p.recorded(s); rec != nil {
		return layout.Keep(rec.Number)
	}
	return ""
}

// buildDevFiling makes the 备案 sheets sent to the committee: a sheet (a
// part, 发展党员备案表 with 入党积极分子, 发展对象 or 接收预备党员 under it)
// for each kind of decision taken in the period, with the people it
// took, by branch and in 姓氏笔画 order, and the day of the decision; a
// sheet with nobody is left out.
func buildDevFiling(r *request) error {
	d, err := r.devPeople()
	if err != nil {
		return err
	}
	from, to := r.period()
	for _, f := range devFilings {
		var in []*devPerson
		for _, p := range d.people {
			var outcome []vocab.DevOutcome
			if f.step == vocab.StepApproval {
				outcome = []vocab.DevOutcome{vocab.OutcomePassed}
			}
			if s, ok := p.last(f.step, to, outcome...); ok && inPeriod(s.Date, from, to) {
				in = append(in, p)
			}
		}
		if len(in) == 0 {
			continue
		}
		p := r.part("", f.title+"（"+periodWords(r)+"）", "")
		p.Add(branchTables(d, in, f.cols, to)...)
		p.Add(&layout.Paragraph{Text: devTotal(periodWords(r)+f.none, in) + "。"}, &layout.Spacer{MM: 4}, r.devSign(),
			&layout.Spacer{MM: 4}, &layout.Signatures{Lines: []layout.SignLine{{Who: "党委审核意见：", Seal: true, Date: true}}})
	}
	if len(r.doc.Parts) == 0 {
		r.nothing(fmt.Sprintf("%s没有确定入党积极分子、发展对象，也没有经党委审批接收的预备党员。", periodWords(r)))
	}
	return nil
}

// stageWord is the stage in a cell: 「预备党员（延长预备期）」 for one whose
// 预备期 was extended, 「已终止（2026.02.20）」 with the day for one no
// longer developed; the bracket group is never broken.
func stageWord(p *devPerson, day time.Time) string {
	steps := p.stepsUpTo(day)
	st := rules.StageOf(steps)
	switch st {
	case vocab.StageProbation:
		if _, ok := rules.Last(steps, vocab.StepConfirmApproval, vocab.OutcomeExtended); ok {
			return string(st) + layout.Keep("（延长预备期）")
		}
	case vocab.StageEnded:
		end, ok := rules.Last(steps, vocab.StepEnd)
		if !ok {
			end, ok = rules.Last(steps, vocab.StepConfirmApproval, vocab.OutcomeCancelled)
		}
		if ok {
			// Broken, when it must be, before the bracket group, never
			// inside it: not a lone 「（」 at the end of a line.
			return string(st) + layout.Keep("（"+layout.TableDate(end.Date)+"）")
		}
	}
	return string(st)
}
