package rules

import (
	"fmt"
	"slices"
	"time"

	"dangjian/data/vocab"
)

// The step checks of 发展党员 (CheckStep). Every interval and count comes
// from the version of the rules in force (DevRules.Params); a rule that
// forbids the step refuses it, a rule that allows exceptions warns.
//
// "Within N months" of a day ends on the same day N months later or, when
// that month is shorter, on its last day (addMonths: an application on 31
// January is talked with by 28 or 29 February, not 3 March); "N years"
// are 12·N such months (born on 29 February, 18 on 28 February).

// follows is the step a step comes after in the 细则, with the outcome it
// needs ("" for any). Steps not listed (递交入党申请书) follow none.
var follows = map[vocab.DevStep]struct {
	step    vocab.DevStep
	outcome vocab.DevOutcome
}{
	vocab.StepTalk:            {vocab.StepApply, ""},
	vocab.StepActivist:        {vocab.StepApply, ""},
	vocab.StepActivistFiled:   {vocab.StepActivist, ""},
	vocab.StepContacts:        {vocab.StepActivist, ""},
	vocab.StepReport:          {vocab.StepApply, ""},
	vocab.StepReview:          {vocab.StepActivist, ""},
	vocab.StepCandidate:       {vocab.StepActivist, ""},
	vocab.StepCandidateFiled:  {vocab.StepCandidate, ""},
	vocab.StepIntroducers:     {vocab.StepCandidate, ""},
	vocab.StepVetting:         {vocab.StepCandidate, ""},
	vocab.StepTraining:        {vocab.StepActivist, ""},
	vocab.StepCommitteeReview: {vocab.StepCandidate, ""},
	vocab.StepPreReview:       {vocab.StepCandidate, ""},
	vocab.StepPublicity:       {vocab.StepCandidate, ""},
	vocab.StepForm:            {vocab.StepCandidate, ""},
	vocab.StepAdmitVote:       {vocab.StepCandidate, ""},
	vocab.StepPartyTalk:       {vocab.StepAdmitVote, vocab.OutcomePassed},
	vocab.StepApproval:        {vocab.StepAdmitVote, vocab.OutcomePassed},
	vocab.StepApprovalFiled:   {vocab.StepApproval, vocab.OutcomePassed},
	vocab.StepAssigned:        {vocab.StepApproval, vocab.OutcomePassed},
	vocab.StepOath:            {vocab.StepApproval, vocab.OutcomePassed},
	vocab.StepConfirmApply:    {vocab.StepApproval, vocab.OutcomePassed},
	vocab.StepConfirmVote:     {vocab.StepApproval, vocab.OutcomePassed},
	vocab.StepConfirmApproval: {vocab.StepConfirmVote, ""},
	vocab.StepArchive:         {vocab.StepApproval, vocab.OutcomePassed},
	vocab.StepEnd:             {vocab.StepApply, ""},
}

// stepName names a step with its outcome, e.g. 「支部大会讨论接收（通过）」.
func stepName(kind vocab.DevStep, outcome vocab.DevOutcome) string {
	if outcome == "" {
		return "“" + string(kind) + "”"
	}
	return "“" + string(kind) + "（" + string(outcome) + "）”"
}

// stepIssues collects what the rules say of one step. absent marks, per
// issue, one that a record missing from the person's steps gives (no
// 确定入党积极分子 before a 确定发展对象, no 政治审查 …), as opposed to one
// the recorded dates and numbers give.
type stepIssues struct {
	out    []StepIssue
	absent []bool
	// later marks an issue only a record after the step in the 细则's
	// order gives (the same step recorded again after it): the findings
	// report it on that later record, not on this one.
	later []bool
}

func (s *stepIssues) refuse(r vocab.RuleID, format string, args ...any) {
	s.out = append(s.out, StepIssue{Rule: r, Text: fmt.Sprintf(format, args...), Refuse: true})
	s.absent = append(s.absent, false)
	s.later = append(s.later, false)
}

func (s *stepIssues) warn(r vocab.RuleID, format string, args ...any) {
	s.out = append(s.out, StepIssue{Rule: r, Text: fmt.Sprintf(format, args...)})
	s.absent = append(s.absent, false)
	s.later = append(s.later, false)
}

// missing marks the last issue as given by a missing record.
func (s *stepIssues) missing() { s.absent[len(s.absent)-1] = true }

// before lists the steps dated on or before day (steps sorted).
func before(steps []Step, day time.Time) []Step {
	i := 0
	for i < len(steps) && !steps[i].Date.After(day) {
		i++
	}
	return steps[:i]
}

// checkStep is CheckStep with the rules d (each step is judged under the
// version in force on its day, d.On).
func checkStep(d DevRules, a Applicant, step Step, people []PersonOn, today time.Time) []StepIssue {
	_ = today // reserved (CheckStep)
	return checkStepIssues(d, a, step, people).out
}

// checkStepIssues is checkStep telling which issues a missing record
// gives.
func checkStepIssues(d DevRules, a Applicant, step Step, people []PersonOn) *stepIssues {
	is := &stepIssues{}
	steps := a.Steps
	day := civil(step.Date)
	// The version in force on the step's day (a revised 细则 does not
	// judge what was done before its 施行日期).
	// An interval is judged under the version in force on the day it
	// starts (the application, the 确定入党积极分子, the vote), as the
	// findings judge it.
	p := d.On(day).Params
	from := func(t time.Time) DevParams { return d.On(civil(t)).Params }
	prior := before(steps, day)

	// DEV-ORDER: nothing after the end, the order of the 细则.
	switch stage := StageOf(prior); {
	case stage == vocab.StageEnded && step.Kind != vocab.StepArchive:
		is.refuse(vocab.RuleDevOrder, "%s已终止发展，不能再记录%s", dateText(endDay(prior)), stepName(step.Kind, ""))
	case stage == vocab.StageFull && step.Kind != vocab.StepArchive:
		is.refuse(vocab.RuleDevOrder, "已于%s转为正式党员，不能再记录%s", dateText(fullDay(prior)), stepName(step.Kind, ""))
	}
	is.again(steps, prior, step)
	if f, ok := follows[step.Kind]; ok {
		var outs []vocab.DevOutcome
		if f.outcome != "" {
			outs = []vocab.DevOutcome{f.outcome}
		}
		if _, ok := Last(prior, f.step, outs...); !ok {
			if later, ok := Last(steps, f.step, outs...); ok {
				is.refuse(vocab.RuleDevOrder, "%s须在%s之后，而%s记录在%s", stepName(step.Kind, ""),
					stepName(f.step, f.outcome), stepName(f.step, f.outcome), dateText(later.Date))
			} else {
				is.refuse(vocab.RuleDevOrder, "%s须在%s之后，尚无%s的记录", stepName(step.Kind, ""),
					stepName(f.step, f.outcome), stepName(f.step, f.outcome))
				is.missing()
			}
		}
	}

	switch step.Kind {
	case vocab.StepApply:
		// DEV-AGE
		if !a.Birth.IsZero() {
			adult := addMonths(civil(a.Birth), 12*p.AgeYears)
			if day.Before(adult) {
				is.refuse(vocab.RuleDevAge, "递交入党申请书时（%s）未满%d周岁（%s年满%d周岁）", dateText(day),
					p.AgeYears, dateText(adult), p.AgeYears)
			}
		}
	case vocab.StepTalk:
		// DEV-TALK; the 谈话人 a 正式党员 on the day.
		is.people(vocab.RuleDevTalk, vocab.RoleTalker, step, people)
		if ap, ok := Last(prior, vocab.StepApply); ok {
			months := from(ap.Date).TalkMonths
			due := addMonths(civil(ap.Date), months)
			if day.After(due) {
				is.warn(vocab.RuleDevTalk, "%s递交入党申请书，应在%d个月内（%s前）谈话，%s谈话已超期",
					dateText(ap.Date), months, dateText(due), dateText(day))
			}
		}
	case vocab.StepContacts:
		is.people(vocab.RuleDevContacts, vocab.RoleContact, step, people)
		n := countPeople(step)
		if n < p.ContactsMin {
			is.refuse(vocab.RuleDevContacts, "须指定至少%d名培养联系人", p.ContactsMin)
		} else if n > p.ContactsMax {
			is.refuse(vocab.RuleDevContacts, "培养联系人至多%d名", p.ContactsMax)
		}
	case vocab.StepIntroducers:
		is.people(vocab.RuleDevIntroducers, vocab.RoleIntroducer, step, people)
		if countPeople(step) == 0 {
			is.refuse(vocab.RuleDevIntroducers, "须写明入党介绍人")
		} else if n := introducers(append(slices.Clone(prior), step)); n < p.Introducers {
			// Said now, not first at the 支部大会 months later.
			is.warn(vocab.RuleDevIntroducers, "入党介绍人应为%d名正式党员，目前只有%d名，请在支部大会讨论接收前补齐",
				p.Introducers, n)
		}
	case vocab.StepCandidate:
		// DEV-ACTIVIST-YEAR
		if act, ok := Last(prior, vocab.StepActivist); ok {
			months := from(act.Date).ActivistMonths
			ok := addMonths(civil(act.Date), months)
			if day.Before(ok) {
				is.refuse(vocab.RuleDevActivistYear, "%s确定为入党积极分子，培养教育须满%d个月（%s起）才能确定为发展对象",
					dateText(act.Date), months, dateText(ok))
			}
		}
	case vocab.StepTraining:
		if !trainingEnough(p, step) {
			is.warn(vocab.RuleDevTraining, "集中培训%s学时、%s天，不足%d学时或%d天", formatNumber(step.Hours),
				formatNumber(step.Days), p.TrainingHours, p.TrainingDays)
		}
	case vocab.StepPublicity:
		if step.Until.IsZero() {
			is.warn(vocab.RuleDevPublicity, "公示未填写截止日期，无法确认不少于%d个工作日", p.PublicityDays)
		} else if n := workingDays(day, civil(step.Until)); n < p.PublicityDays {
			is.warn(vocab.RuleDevPublicity, "公示%s至%s仅%d个工作日（按周一至周五计，未扣除节假日），不足%d个工作日",
				dateText(day), dateText(step.Until), n, p.PublicityDays)
		}
	case vocab.StepPreReview:
		is.vetting(prior, step)
	case vocab.StepAdmitVote:
		is.vetting(prior, step)
		if !slices.ContainsFunc(prior, func(s Step) bool { return s.Kind == vocab.StepTraining && trainingEnough(p, s) }) {
			is.refuse(vocab.RuleDevTraining, "支部大会讨论接收前须有不少于%d学时或%d天的集中培训记录", p.TrainingHours, p.TrainingDays)
			is.missing()
		}
		if _, ok := Last(prior, vocab.StepPublicity); !ok {
			is.warn(vocab.RuleDevPublicity, "支部大会讨论接收前尚无公示记录")
			is.missing()
		}
		if _, ok := Last(prior, vocab.StepForm); !ok {
			is.warn(vocab.RuleDevOrder, "支部大会讨论接收前尚无“填写入党志愿书”的记录")
			is.missing()
		}
		if n := introducers(prior); n < p.Introducers {
			is.refuse(vocab.RuleDevIntroducers, "支部大会讨论接收须有%d名入党介绍人，记录中只有%d名", p.Introducers, n)
			is.missing()
		}
	case vocab.StepPartyTalk:
		is.people(vocab.RuleDevPartyTalk, vocab.RolePartyTalker, step, people)
	case vocab.StepApproval:
		if step.Outcome == vocab.OutcomePassed {
			if _, ok := Last(prior, vocab.StepPartyTalk); !ok {
				is.refuse(vocab.RuleDevPartyTalk, "党委审批前须派人与发展对象谈话，尚无“党委派人谈话”的记录")
				is.missing()
			}
		}
		if vote, ok := Last(prior, vocab.StepAdmitVote, vocab.OutcomePassed); ok {
			p := from(vote.Date)
			due, most := addMonths(civil(vote.Date), p.ApprovalMonths), addMonths(civil(vote.Date), p.ApprovalMaxMonths)
			switch {
			case day.After(most):
				is.refuse(vocab.RuleDevApproval, "%s支部大会通过接收，党委审批最迟应在%d个月内（%s前），%s已超过", dateText(vote.Date),
					p.ApprovalMaxMonths, dateText(most), dateText(day))
			case day.After(due):
				is.warn(vocab.RuleDevApproval, "%s支部大会通过接收，党委应在%d个月内（%s前）审批，特殊情况可延长至%d个月", dateText(vote.Date),
					p.ApprovalMonths, dateText(due), p.ApprovalMaxMonths)
			}
		}
	case vocab.StepConfirmVote:
		// 届满 on ConfirmedOn (the vote's anniversary), the day PROBATION
		// and the member's 转正日期 name.
		if on := ConfirmedOn(prior, d); !on.IsZero() && day.Before(on) {
			is.refuse(vocab.RuleDevProbation, "预备期于%s届满，届满前不能讨论转正", dateText(on))
		}
	case vocab.StepConfirmApproval:
		if vote, ok := Last(prior, vocab.StepConfirmVote); ok {
			p := from(vote.Date)
			due := addMonths(civil(vote.Date), p.ConfirmMonths)
			if day.After(due) {
				is.warn(vocab.RuleDevConfirm, "%s支部大会讨论转正，党委应在%d个月内（%s前）审批", dateText(vote.Date),
					p.ConfirmMonths, dateText(due))
			}
		}
	}
	// DEV-QUORUM: a 支部大会 that decides for the person.
	if step.Kind.Votes() && step.Eligible > 0 && slices.Contains([]vocab.DevOutcome{vocab.OutcomePassed,
		vocab.OutcomeConfirmed, vocab.OutcomeExtended}, step.Outcome) {
		if step.Present*100 <= step.Eligible*p.QuorumPercent {
			is.refuse(vocab.RuleDevQuorum, "到会有表决权的正式党员%d人，未超过应到会有表决权人数%d人的%s",
				step.Present, step.Eligible, shareText(p.QuorumPercent))
		}
		if step.For*100 <= step.Eligible*p.QuorumPercent {
			is.refuse(vocab.RuleDevQuorum, "赞成%d票，未超过应到会有表决权人数%d人的%s", step.For, step.Eligible,
				shareText(p.QuorumPercent))
		}
	}
	// DEV-EXTENSION
	if step.Outcome == vocab.OutcomeExtended {
		if step.ExtendMonths < p.ExtensionMinMonths || step.ExtendMonths > p.ExtensionMaxMonths {
			is.refuse(vocab.RuleDevExtension, "延长预备期%d个月，应为%d至%d个月", step.ExtendMonths,
				p.ExtensionMinMonths, p.ExtensionMaxMonths)
		}
		if n := extensions(prior); n >= p.Extensions {
			is.refuse(vocab.RuleDevExtension, "预备期已延长%d次，至多延长%d次", n, p.Extensions)
		}
	}
	return is
}

// several are the steps that are not Recurring but may still be recorded
// more than once: the 入党介绍人 and 培养联系人 named one at a time or
// replaced, a 集中培训 in several sessions (the rules read them all).
var several = []vocab.DevStep{vocab.StepIntroducers, vocab.StepContacts, vocab.StepTraining}

// reopened are the steps of the 转正 taken again after the 党委 extended
// the 预备期: once more per extension.
var reopened = []vocab.DevStep{vocab.StepConfirmApply, vocab.StepConfirmVote, vocab.StepConfirmApproval}

// again refuses a step recorded a second time (DEV-ORDER): a second
// 确定入党积极分子 would restart the year, a second 支部大会讨论接收 move
// the 预备期. A step whose earlier record failed (未通过) may be taken
// again, and the steps of the 转正 once more per extension.
func (s *stepIssues) again(steps, prior []Step, step Step) {
	if step.Kind.Recurring() || slices.Contains(several, step.Kind) {
		return
	}
	allowed := 0
	if slices.Contains(reopened, step.Kind) {
		allowed = extensions(prior)
	}
	var earlier []Step
	for _, o := range steps {
		if o.Kind == step.Kind && o.Outcome != vocab.OutcomeRejected {
			earlier = append(earlier, o)
		}
	}
	if len(earlier) <= allowed {
		return
	}
	o := earlier[allowed]
	s.refuse(vocab.RuleDevOrder, "已于%s记录%s，不能再次记录", dateText(o.Date), stepName(o.Kind, o.Outcome))
	s.later[len(s.later)-1] = CompareSteps(o, step) > 0
}

// shareText is 「半数」 for 50 per cent, else the percentage.
func shareText(percent int) string {
	if percent == 50 {
		return "半数"
	}
	return fmt.Sprintf("%d%%", percent)
}

// people checks that every member the step names is a 正式党员 on its day.
func (s *stepIssues) people(r vocab.RuleID, role vocab.DevRole, step Step, people []PersonOn) {
	for _, id := range step.People {
		if id == "" {
			continue
		}
		i := slices.IndexFunc(people, func(p PersonOn) bool { return p.ID == id })
		switch {
		case i < 0 || !people[i].Known:
			s.refuse(r, "%s不在党员名册中，须由正式党员担任", role)
		case !people[i].Full:
			s.refuse(r, "%s%s在%s不是正式党员", role, people[i].Name, dateText(step.Date))
		}
	}
}

// vetting refuses a 预审 or a 支部大会 without a 政治审查 (DEV-VETTING).
func (s *stepIssues) vetting(prior []Step, step Step) {
	if _, ok := Last(prior, vocab.StepVetting); !ok {
		s.refuse(vocab.RuleDevVetting, "%s前须完成政治审查，尚无“政治审查”的记录", stepName(step.Kind, ""))
		s.missing()
	}
}

// countPeople is how many members the step names.
func countPeople(step Step) int {
	n := 0
	for _, id := range step.People {
		if id != "" {
			n++
		}
	}
	return n
}

// introducers counts the different 入党介绍人 the steps name.
func introducers(steps []Step) int {
	var ids []string
	for _, s := range steps {
		if s.Kind != vocab.StepIntroducers {
			continue
		}
		for _, id := range s.People {
			if id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return len(ids)
}

// extensions counts the extensions of the 预备期 the 党委 approved.
func extensions(steps []Step) int {
	n := 0
	for _, s := range steps {
		if s.Kind == vocab.StepConfirmApproval && s.Outcome == vocab.OutcomeExtended {
			n++
		}
	}
	return n
}

// trainingEnough reports whether a 集中培训 reaches the 学时 or the days.
func trainingEnough(p DevParams, s Step) bool {
	return s.Hours >= float64(p.TrainingHours) || s.Days >= float64(p.TrainingDays)
}

// workingDays counts Monday to Friday from from to until, both included
// (holidays are not known here and count as working days).
func workingDays(from, until time.Time) int {
	n := 0
	for d := from; !d.After(until); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// endDay is the day development ended (终止发展 or 取消预备党员资格).
func endDay(steps []Step) time.Time {
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		if s.Kind == vocab.StepEnd || (s.Kind == vocab.StepConfirmApproval && s.Outcome == vocab.OutcomeCancelled) {
			return s.Date
		}
	}
	return time.Time{}
}

// fullDay is the day the 党委 approved the 转正.
func fullDay(steps []Step) time.Time {
	s, _ := Last(steps, vocab.StepConfirmApproval, vocab.OutcomeConfirmed)
	return s.Date
}
