package rules

import (
	"cmp"
	"slices"
	"time"

	"dangjian/data/vocab"
)

// SortSteps orders steps by date, then by the step's place in the 细则:
// the order StageOf and the rules read them in.
func SortSteps(steps []Step) { slices.SortStableFunc(steps, CompareSteps) }

// CompareSteps orders two steps by date, then by their place in the 细则.
func CompareSteps(a, b Step) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	return cmp.Compare(a.Kind.Rank(), b.Kind.Rank())
}

// StageOf is the stage the person is in after the recorded steps (sorted
// by SortSteps): 确定入党积极分子 makes an 入党积极分子, 确定发展对象 a
// 发展对象, the 党委's approval of the 接收 a 预备党员, its approval of the
// 转正 a 正式党员; 终止发展 or a cancelled 预备期 ends it. Every screen,
// document and rule takes the stage from here.
func StageOf(steps []Step) vocab.Stage {
	stage := vocab.StageApplicant
	for _, s := range steps {
		switch s.Kind {
		case vocab.StepActivist:
			stage = maxStage(stage, vocab.StageActivist)
		case vocab.StepCandidate:
			stage = maxStage(stage, vocab.StageCandidate)
		case vocab.StepApproval:
			if s.Outcome == vocab.OutcomePassed {
				stage = maxStage(stage, vocab.StageProbation)
			}
		case vocab.StepConfirmApproval:
			switch s.Outcome {
			case vocab.OutcomeConfirmed:
				stage = vocab.StageFull
			case vocab.OutcomeCancelled:
				stage = vocab.StageEnded
			}
		case vocab.StepEnd:
			stage = vocab.StageEnded
		}
	}
	return stage
}

func maxStage(a, b vocab.Stage) vocab.Stage {
	if a == vocab.StageEnded || b.Rank() <= a.Rank() {
		return a
	}
	return b
}

// Last is the latest step of the kind (with the outcome, when one is
// given), and whether there is one.
func Last(steps []Step, kind vocab.DevStep, outcome ...vocab.DevOutcome) (Step, bool) {
	for i := len(steps) - 1; i >= 0; i-- {
		if steps[i].Kind == kind && (len(outcome) == 0 || slices.Contains(outcome, steps[i].Outcome)) {
			return steps[i], true
		}
	}
	return Step{}, false
}

// Admitted is the day the 支部大会 voted to admit the person as a 预备党员
// (the 预备期 and the 入党日期 count from it), zero when none passed.
func Admitted(steps []Step) time.Time {
	s, _ := Last(steps, vocab.StepAdmitVote, vocab.OutcomePassed)
	return s.Date
}

// ProbationEnd is the last day of the person's 预备期 under d: a year (the
// months of the version in force on the 支部大会's vote, d.On) from the
// vote, plus every extension the 党委 approved; zero before the vote. A
// version chosen later does not move the 预备期 of someone admitted before
// its 施行日期.
func ProbationEnd(steps []Step, d DevRules) time.Time {
	from := Admitted(steps)
	if from.IsZero() {
		return time.Time{}
	}
	months := d.orDefault().On(civil(from)).Params.ProbationMonths
	for _, s := range steps {
		if s.Kind == vocab.StepConfirmApproval && s.Outcome == vocab.OutcomeExtended {
			months += s.ExtendMonths
		}
	}
	return addMonths(civil(from), months).AddDate(0, 0, -1)
}

// ConfirmedOn is the day the 预备期 is 届满 and the 转正 date of a person the
// 党委 confirmed (转正时间从预备期满之日算起): the anniversary of the
// 支部大会's vote, the months of the 预备期 (extensions included) on, the
// day after ProbationEnd. A month without that day gives its last day
// (addMonths): a vote on 31 August is 届满 on 31 August a year later, or
// with a 6-month extension on 28 (29) February eighteen months later; a
// vote on 29 February on 28 February the next year.
func ConfirmedOn(steps []Step, d DevRules) time.Time {
	end := ProbationEnd(steps, d)
	if end.IsZero() {
		return end
	}
	return end.AddDate(0, 0, 1)
}

// FullOn reports whether a member was a 正式党员 on day: on the rolls,
// admitted, and confirmed by then (a 正式党员 without a 转正 date a year
// after joining).
func FullOn(category vocab.Category, status vocab.Status, joined, confirmed, day time.Time) bool {
	if !status.Active() || joined.IsZero() || joined.After(day) {
		return false
	}
	switch {
	case !confirmed.IsZero():
		return !confirmed.After(day)
	case category == vocab.CategoryFull:
		return !addMonths(civil(joined), 12).After(day)
	}
	return false
}

// CheckStep says what the DEV- rules of d say of recording step for the
// applicant (whose Steps are those already recorded, sorted by SortSteps;
// a step being edited is left out of them): refusals for a step out of
// order or too early, or with people who may not take it; warnings where
// the rules allow exceptions. people are the members the step names, on
// its date. today, the day it is recorded, is reserved: no rule reads it
// (the data layer refuses a step dated after today before asking).
func CheckStep(d DevRules, a Applicant, step Step, people []PersonOn, today time.Time) []StepIssue {
	return checkStep(d.orDefault(), a, step, people, today)
}

// LedgerNote ends the warning CheckLedgerStep gives for a step an old 台账
// lacks.
const LedgerNote = "按原台账导入"

// CheckLedgerStep is CheckStep for a step taken from an existing 台账 (an
// import of the pipeline): an old ledger seldom carries every step, so
// what a missing record gives (no 政治审查, no 党委派人谈话 recorded …) is a
// warning, not a refusal; what the step's own dates and numbers break (a
// 发展对象 within the year, a vote without quorum, an approval after six
// months) is refused as always.
func CheckLedgerStep(d DevRules, a Applicant, step Step, people []PersonOn) []StepIssue {
	is := checkStepIssues(d.orDefault(), a, step, people)
	for i := range is.out {
		if is.absent[i] && is.out[i].Refuse {
			is.out[i].Refuse = false
			is.out[i].Text += "（" + LedgerNote + "）"
		}
	}
	return is.out
}
