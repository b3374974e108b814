package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"dangjian/data/vocab"
)

// The findings of the DEV- rules over the pipeline (Facts.Applicants), as
// of AsOf, under the version of the rules in the settings (Settings.Dev):
//
//   - every recorded step dated in the year that a rule forbids or warns
//     of, as CheckStep would have said when it was recorded: steps
//     imported from a sheet or recorded under another version are checked
//     as well (before the records begin, only on their own dates and
//     numbers, not for an earlier step missing);
//   - what is overdue for a person still in the pipeline: the talk after
//     the application (DEV-TALK), the periods of the year without a
//     思想汇报 (DEV-REPORT) or a 考察 (DEV-REVIEW) from 确定入党积极分子 to
//     转正, no 培养联系人 (DEV-CONTACTS), no 备案 (DEV-FILING), the 党委's
//     approval of the 接收 (DEV-APPROVAL), the 转正 vote after the 预备期
//     (DEV-PROBATION), the approval of the 转正 (DEV-CONFIRM);
//   - this month's to-dos, marked Due: what falls due by the month's end
//     and is not overdue yet (a talk, this period's 思想汇报 and 考察, a
//     备案, an approval, a 预备期 ending).
//
// A deadline that passed before the records begin (Coverage, the 记录起始月份
// setting) is skipped: an imported pipeline is not flagged for the
// quarters or talks before it was kept here. A deadline on or after their
// start is checked, however early its interval began: an applicant of last
// month with no talk yet is this month's to-do on a database made today. The findings that are not Due are
// 待整改问题 (Summary.Open); none of them lowers the 考评 score (EVAL), whose
// parts DOMAIN.md lists and which does not cover 发展党员. Due findings are
// to-dos and never 待整改问题.

// devStart is the index of the first DEV- rule.
const devStart = rDevOrder

// dev gives the findings and to-dos of one DEV- rule over the pipeline. The
// findings of every DEV- rule are computed together, once per engine.
func (e *engine) dev(r int) []Finding {
	all := e.devFindings()
	for x := rDevOrder; x <= rDevExtension; x++ {
		if x != r && !e.done[x] {
			fs := all[x-devStart]
			e.sort(fs)
			e.results[x], e.done[x] = fs, true
		}
	}
	return all[r-devStart]
}

// devCheck is one computation of the DEV- findings.
type devCheck struct {
	e        *engine
	d        DevRules
	asOf     time.Time
	monthEnd time.Time // the last day of AsOf's month
	todos    bool      // AsOf is in the checked year: this month's to-dos are given
	out      [numDevRules][]Finding
	// probation holds the members PROBATION reports (not reported again).
	probation map[string]bool
}

func (e *engine) devFindings() [numDevRules][]Finding {
	c := &devCheck{e: e, d: e.s.Dev.orDefault(), asOf: e.cal.asOf, probation: map[string]bool{}}
	c.monthEnd = monthStart(c.asOf).AddDate(0, 1, -1)
	c.todos = c.asOf.Year() == e.f.Year
	if len(e.f.Applicants) == 0 {
		return c.out
	}
	for _, f := range e.run(rProbation) {
		c.probation[f.MemberID] = true
	}
	seen := map[string]bool{}
	for i := range e.f.Applicants {
		a := &e.f.Applicants[i]
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		c.applicant(a)
	}
	return c.out
}

// add records a finding of rule id about a.
func (c *devCheck) add(id vocab.RuleID, a *Applicant, due bool, format string, args ...any) {
	i := slices.Index(vocab.DevRuleIDs, id)
	if i < 0 {
		return
	}
	c.out[i] = append(c.out[i], Finding{
		Rule: id, BranchID: a.BranchID, Branch: c.e.branchName(a.BranchID), Member: a.Name,
		MemberID: a.MemberID, ApplicantID: a.ID, Detail: fmt.Sprintf(format, args...), Due: due,
	})
}

// applicant checks one person.
func (c *devCheck) applicant(a *Applicant) {
	steps := slices.Clone(a.Steps)
	SortSteps(steps)
	steps = before(steps, c.asOf)
	if len(steps) == 0 {
		return
	}
	cov := monthStart(c.e.cov(a.OrgID).start())
	c.recorded(a, steps, cov)
	stage := StageOf(steps)
	// 思想汇报 and 考察 are owed from 确定入党积极分子 to 转正 (or the end):
	// also by a person who left the pipeline during the year.
	if act, ok := Last(steps, vocab.StepActivist); ok {
		var until time.Time
		switch stage {
		case vocab.StageFull:
			until = civil(fullDay(steps))
		case vocab.StageEnded:
			until = civil(endDay(steps))
		}
		span := civil(act.Date)
		c.periods(a, steps, cov, span, until, vocab.StepReport, vocab.RuleDevReport,
			func(p DevParams) int { return p.ReportMonths }, string(vocab.StepReport), "递交")
		c.periods(a, steps, cov, span, until, vocab.StepReview, vocab.RuleDevReview,
			func(p DevParams) int { return p.ReviewMonths }, string(vocab.StepReview), "开展")
	}
	if stage == vocab.StageEnded || stage == vocab.StageFull {
		return
	}
	c.talk(a, steps, cov, stage)
	if act, ok := Last(steps, vocab.StepActivist); ok && (stage == vocab.StageActivist || stage == vocab.StageCandidate) {
		c.once(a, steps, cov, act, vocab.StepContacts, vocab.RuleDevContacts, "确定为入党积极分子，尚未指定培养联系人")
		c.once(a, steps, cov, act, vocab.StepActivistFiled, vocab.RuleDevFiling, "确定为入党积极分子，尚未报党委备案")
	}
	if cand, ok := Last(steps, vocab.StepCandidate); ok && stage == vocab.StageCandidate {
		c.once(a, steps, cov, cand, vocab.StepCandidateFiled, vocab.RuleDevFiling, "确定为发展对象，尚未报党委备案")
	}
	switch stage {
	case vocab.StageCandidate:
		c.approval(a, steps, cov)
	case vocab.StageProbation:
		c.probationEnd(a, steps, cov)
	}
}

// recorded reports the recorded steps of the year that a rule forbids or
// warns of, each checked against the person's other steps. A step dated
// before the records begin (cov) is checked on its own dates and numbers
// only: what is missing before it may have been recorded elsewhere.
func (c *devCheck) recorded(a *Applicant, steps []Step, cov time.Time) {
	others := make([]Step, 0, len(steps))
	for i, s := range steps {
		if s.Date.Year() != c.e.f.Year {
			continue
		}
		others = append(others[:0], steps[:i]...)
		others = append(others, steps[i+1:]...)
		b := *a
		b.Steps = others
		is := checkStepIssues(c.d, b, s, c.peopleOn(s))
		for j, issue := range is.out {
			if (is.absent[j] && s.Date.Before(cov)) || is.later[j] {
				continue
			}
			kind := "（提醒）"
			if issue.Refuse {
				kind = ""
			}
			c.add(issue.Rule, a, false, "%s%s%s：%s", dateText(s.Date), s.Kind, kind, issue.Text)
		}
	}
}

// peopleOn is what the step needs of the members it names, on its day,
// from the members in the facts.
func (c *devCheck) peopleOn(s Step) []PersonOn {
	var out []PersonOn
	day := civil(s.Date)
	for _, id := range s.People {
		if id == "" {
			continue
		}
		p := PersonOn{ID: id}
		if m := c.e.members[id]; m != nil {
			p.Name, p.Known = m.Name, true
			st := m.Status
			if !st.Active() && !m.Left.IsZero() && m.Left.After(day) {
				st = vocab.StatusNormal // on the rolls then, left later
			}
			p.Full = FullOn(m.Category, st, m.Joined, m.Confirmed, day)
		}
		out = append(out, p)
	}
	return out
}

// deadline is a finding when day has passed, a to-do when it falls by the
// end of this month; false when neither.
func (c *devCheck) deadline(day time.Time) (found, due bool) {
	switch {
	case c.asOf.After(day):
		return true, false
	case c.todos && !day.After(c.monthEnd):
		return false, true
	}
	return false, false
}

// talk: the talk with an applicant within TalkMonths of the application.
func (c *devCheck) talk(a *Applicant, steps []Step, cov time.Time, stage vocab.Stage) {
	ap, ok := Last(steps, vocab.StepApply)
	if !ok || stage != vocab.StageApplicant {
		return
	}
	if _, talked := Last(steps, vocab.StepTalk); talked {
		return
	}
	by := addMonths(civil(ap.Date), c.d.On(civil(ap.Date)).Params.TalkMonths)
	if by.Before(cov) {
		return
	}
	switch found, due := c.deadline(by); {
	case found:
		c.add(vocab.RuleDevTalk, a, false, "%s递交入党申请书，应于%s前谈话，尚无谈话记录", dateText(ap.Date), dateText(by))
	case due:
		c.add(vocab.RuleDevTalk, a, true, "本月待办：%s递交入党申请书，应于%s前谈话", dateText(ap.Date), dateText(by))
	}
}

// once: a step due once after from (培养联系人, 备案): a finding when from
// was in an earlier month, a to-do in its month; due by the end of from's
// month, skipped when that is before the records begin (cov, a month's
// first day).
func (c *devCheck) once(a *Applicant, steps []Step, cov time.Time, from Step, kind vocab.DevStep, id vocab.RuleID, text string) {
	if civil(from.Date).Before(cov) {
		return
	}
	if _, ok := Last(steps, kind); ok {
		return
	}
	if monthStart(from.Date).Before(monthStart(c.asOf)) {
		c.add(id, a, false, "%s%s", dateText(from.Date), text)
	} else if c.todos {
		c.add(id, a, true, "本月待办：%s%s", dateText(from.Date), text)
	}
}

// periods: a 思想汇报 or a 考察 in every period of months months of the
// year (calendar quarters for 3, half years for 6; months of the version in
// force on the person's 确定入党积极分子, the day the duty starts) from span on, until
// until (转正 or the end; zero while in the pipeline). A period is
// required when the person was in the pipeline from its first month to its
// last day and the records cover it; it is missing when it ended before
// AsOf with no step of the kind in it; the period AsOf is in, still without
// one, is a to-do.
func (c *devCheck) periods(a *Applicant, steps []Step, cov, span, until time.Time, kind vocab.DevStep, id vocab.RuleID,
	monthsOf func(DevParams) int, what, verb string) {
	months := monthsOf(c.d.On(span).Params)
	if months <= 0 {
		return
	}
	year := c.e.f.Year
	var missing []string
	for ps := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); ps.Year() == year; ps = ps.AddDate(0, months, 0) {
		pe := ps.AddDate(0, months, -1)
		if pe.Year() != year {
			pe = time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
		}
		if !span.Before(ps.AddDate(0, 1, 0)) || pe.Before(cov) || ps.After(c.asOf) || (!until.IsZero() && until.Before(pe)) {
			continue
		}
		has := slices.ContainsFunc(steps, func(s Step) bool {
			return s.Kind == kind && !s.Date.Before(ps) && !s.Date.After(pe)
		})
		switch {
		case has:
		case pe.Before(c.asOf):
			missing = append(missing, periodText(ps, months))
		case c.todos:
			c.add(id, a, true, "本月待办：%d年%s尚未%s%s", year, periodText(ps, months), verb, what)
		}
	}
	if len(missing) > 0 {
		c.add(id, a, false, "%d年%s未%s%s（%s确定为入党积极分子）", year, strings.Join(missing, "、"), verb, what,
			dateText(span))
	}
}

// periodText names a period of the year: 第1季度, 上半年, or 1月至2月.
func periodText(ps time.Time, months int) string {
	switch months {
	case 3:
		return fmt.Sprintf("第%d季度", (int(ps.Month())-1)/3+1)
	case 6:
		if ps.Month() < 7 {
			return "上半年"
		}
		return "下半年"
	case 12:
		return "全年"
	case 1:
		return fmt.Sprintf("%d月", int(ps.Month()))
	}
	last := min(int(ps.Month())+months-1, 12)
	return fmt.Sprintf("%d月至%d月", int(ps.Month()), last)
}

// approval: the 党委 approves a passed 接收 within ApprovalMonths (at the
// latest ApprovalMaxMonths).
func (c *devCheck) approval(a *Applicant, steps []Step, cov time.Time) {
	vote, ok := Last(steps, vocab.StepAdmitVote, vocab.OutcomePassed)
	if !ok {
		return
	}
	if ap, ok := Last(steps, vocab.StepApproval); ok && !ap.Date.Before(vote.Date) {
		return
	}
	p := c.d.On(civil(vote.Date)).Params
	by, most := addMonths(civil(vote.Date), p.ApprovalMonths), addMonths(civil(vote.Date), p.ApprovalMaxMonths)
	if by.Before(cov) {
		return
	}
	switch found, due := c.deadline(by); {
	case found && c.asOf.After(most):
		c.add(vocab.RuleDevApproval, a, false, "%s支部大会通过接收，党委尚未审批，已超过最长%d个月（%s）", dateText(vote.Date),
			p.ApprovalMaxMonths, dateText(most))
	case found:
		c.add(vocab.RuleDevApproval, a, false, "%s支部大会通过接收，党委应于%s前审批，尚未审批（特殊情况最迟%s）",
			dateText(vote.Date), dateText(by), dateText(most))
	case due:
		c.add(vocab.RuleDevApproval, a, true, "本月待办：%s支部大会通过接收，党委应于%s前审批", dateText(vote.Date), dateText(by))
	}
}

// ConfirmVotePending reports whether a 预备党员's 转正 is still to be
// voted on: no 支部大会讨论转正 since the 党委 last extended the 预备期.
func ConfirmVotePending(steps []Step) bool {
	for i := len(steps) - 1; i >= 0; i-- {
		switch s := steps[i]; {
		case s.Kind == vocab.StepConfirmVote:
			return false
		case s.Kind == vocab.StepConfirmApproval && s.Outcome == vocab.OutcomeExtended:
			return true
		}
	}
	return true
}

// probationEnd: the 转正 vote when the 预备期 ends (DEV-PROBATION), the
// approval of the 转正 within ConfirmMonths of the vote (DEV-CONFIRM).
func (c *devCheck) probationEnd(a *Applicant, steps []Step, cov time.Time) {
	if ConfirmVotePending(steps) {
		// 届满 on ConfirmedOn, overdue the day after, as PROBATION says.
		end := ConfirmedOn(steps, c.d)
		if end.IsZero() || end.Before(cov) || (a.MemberID != "" && c.probation[a.MemberID]) {
			return
		}
		switch found, due := c.deadline(end); {
		case found:
			c.add(vocab.RuleDevProbation, a, false, "预备期已于%s届满，尚未讨论转正", dateText(end))
		case due:
			c.add(vocab.RuleDevProbation, a, true, "本月待办：预备期将于%s届满，请及时讨论转正", dateText(end))
		}
		return
	}
	vote, _ := Last(steps, vocab.StepConfirmVote)
	if ap, ok := Last(steps, vocab.StepConfirmApproval); ok && !ap.Date.Before(vote.Date) {
		return
	}
	by := addMonths(civil(vote.Date), c.d.On(civil(vote.Date)).Params.ConfirmMonths)
	if by.Before(cov) {
		return
	}
	switch found, due := c.deadline(by); {
	case found:
		c.add(vocab.RuleDevConfirm, a, false, "%s支部大会讨论转正，党委应于%s前审批，尚未审批", dateText(vote.Date), dateText(by))
	case due:
		c.add(vocab.RuleDevConfirm, a, true, "本月待办：%s支部大会讨论转正，党委应于%s前审批", dateText(vote.Date), dateText(by))
	}
}
