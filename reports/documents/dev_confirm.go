package documents

import (
	"fmt"
	"time"

	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// firstEnd is the day the person's 预备期 was first to be 满 (届满): rules.
// ConfirmedOn over the steps without the extensions the 党委 approved, the
// day `dangjian check` and the member's 转正日期 name.
func firstEnd(p *devPerson, d rules.DevRules) time.Time {
	var steps []rules.Step
	for _, s := range p.steps() {
		if s.Kind == vocab.StepConfirmApproval && s.Outcome == vocab.OutcomeExtended {
			continue
		}
		steps = append(steps, s)
	}
	return rules.ConfirmedOn(steps, d)
}

// confirmResult is the 结果 of a person's 转正: the 党委's decision, or the
// 支部大会's awaiting it; an extension with the day the 预备期 now ends.
func confirmResult(d *devData, p *devPerson) string {
	s, ok := p.last(vocab.StepConfirmApproval, time.Time{})
	pending := ""
	if !ok {
		if s, ok = p.last(vocab.StepConfirmVote, time.Time{}); !ok {
			return "尚未讨论"
		}
		pending = "（待党委审批）"
	}
	extended := ""
	if e, ok := p.last(vocab.StepConfirmApproval, time.Time{}, vocab.OutcomeExtended); ok {
		extended = fmt.Sprintf("延长预备期%d个月，%s期满", e.ExtendMonths, layout.TableDate(rules.ConfirmedOn(p.steps(), p.rules)))
		if s.ID == e.ID {
			return extended + pending
		}
		extended += "；"
	}
	return extended + string(s.Outcome) + pending
}

// confirmColumns are the columns of the 预备党员转正名单 after 序号.
var confirmColumns = []devColumn{
	{layout.Column{Title: "姓名", Width: 16, Keep: true}, devName.value},
	{layout.Column{Title: "性别", Width: 9, Align: layout.Center}, devGender.value},
	devPosition,
	{layout.Column{Title: "入党时间", Width: 19, Align: layout.Center, Keep: true},
		func(_ *devData, p *devPerson, _ time.Time) string { return layout.TableDate(rules.Admitted(p.steps())) }},
	{layout.Column{Title: "预备期满", Width: 19, Align: layout.Center, Keep: true},
		func(d *devData, p *devPerson, _ time.Time) string { return layout.TableDate(firstEnd(p, p.rules)) }},
	devStepColumn("转正申请", vocab.StepConfirmApply),
	devStepColumn("支部大会", vocab.StepConfirmVote),
	{layout.Column{Title: "表决情况", Width: 58}, confirmVotes},
	{layout.Column{Title: "结果", Width: 38}, func(d *devData, p *devPerson, _ time.Time) string { return confirmResult(d, p) }},
	devStepColumn("党委审批", vocab.StepConfirmApproval),
}

// confirmVotes is the attendance and votes of the latest 转正 vote:
// 「应到20人，实到18人，赞成18票」.
func confirmVotes(_ *devData, p *devPerson, _ time.Time) string {
	s, ok := p.last(vocab.StepConfirmVote, time.Time{})
	if !ok || s.Eligible == 0 {
		return ""
	}
	text := fmt.Sprintf("应到%d人，实到%d人，赞成%d票", s.Eligible, s.Present, s.For)
	if s.Against > 0 {
		text += fmt.Sprintf("，反对%d票", s.Against)
	}
	if s.Abstain > 0 {
		text += fmt.Sprintf("，弃权%d票", s.Abstain)
	}
	return text
}

// buildDevConfirm makes the 预备党员转正名单: each person admitted whose
// 预备期 ended in the period (first, or after an extension), by branch and
// in 姓氏笔画 order, with the steps of the 转正 and the result; the counts
// by result.
func buildDevConfirm(r *request) error {
	d, err := r.devPeople()
	if err != nil {
		return err
	}
	from, to := r.period()
	var in []*devPerson
	for _, p := range d.people {
		if rules.Admitted(p.steps()).IsZero() {
			continue
		}
		if inPeriod(firstEnd(p, p.rules), from, to) || inPeriod(rules.ConfirmedOn(p.steps(), p.rules), from, to) {
			in = append(in, p)
		}
	}
	if len(in) == 0 {
		r.nothing(fmt.Sprintf("%s没有预备期期满的预备党员。", periodWords(r)))
		return nil
	}
	p := r.part("", "", "")
	p.Add(&layout.Paragraph{Indent: true, Text: fmt.Sprintf("本名单列出%s预备期期满（含延长预备期后期满）的预备党员，按党支部和姓氏笔画排列。"+
		"预备期满为预备期原定期满之日，即按期转正的转正时间，延长的见结果栏；预备期按%s计算。", periodWords(r), versionWords(d.rules))}, &layout.Spacer{MM: 2})
	p.Add(branchTables(d, in, confirmColumns, time.Time{})...)
	counts := map[string]int{}
	for _, q := range in {
		s, ok := q.last(vocab.StepConfirmApproval, time.Time{})
		switch {
		case !ok:
			counts["尚未审批"]++
		default:
			counts[string(s.Outcome)]++
		}
	}
	text := devTotal("合计：", in)
	for _, k := range []string{string(vocab.OutcomeConfirmed), string(vocab.OutcomeExtended), string(vocab.OutcomeCancelled), "尚未审批"} {
		if counts[k] > 0 {
			text += fmt.Sprintf("，%s%d名", k, counts[k])
		}
	}
	p.Add(&layout.Paragraph{Text: text + "。"}, &layout.Spacer{MM: 4}, r.devSign())
	return nil
}

// versionWords names the rules the 预备期 are counted by: the version in
// force, and, for one with a 施行日期, that those admitted before it are
// counted by the version before (rules.DevRules.On).
func versionWords(d rules.DevRules) string {
	if d.Since.IsZero() {
		return d.Title
	}
	before := d.On(d.Since.AddDate(0, 0, -1))
	return fmt.Sprintf("%s（%s施行；此前接收的按%s）", d.Title, layout.ProseDate(d.Since), before.Title)
}
