package rules

import (
	"slices"

	"dangjian/data/vocab"
)

// NextSteps are the steps the order of the 细则 allows for a person with
// the steps recorded (sorted), the natural next one first and the others
// in the 细则's order: a step whose predecessor in the 细则 is recorded
// (with the outcome it needs), a step that is not recorded twice (DEV-ORDER:
// 思想汇报, 培养考察, 培养联系人, 入党介绍人 and 集中培训 may be; the 转正
// steps once more per extension of the 预备期; a step that failed may be
// taken again), nothing after an end or the 转正 but the 材料归档, and
// 终止发展 while the person is being developed. The intervals and the
// people are left to CheckStep when the step is recorded.
func NextSteps(steps []Step) []vocab.DevStep {
	stage := StageOf(steps)
	var out []vocab.DevStep
	for _, k := range vocab.DevSteps {
		if !nextAllowed(steps, stage, k) {
			continue
		}
		out = append(out, k)
	}
	if natural := naturalNext(steps, stage, out); natural != "" {
		i := slices.Index(out, natural)
		out = slices.Insert(slices.Delete(out, i, i+1), 0, natural)
	}
	return out
}

// nextAllowed reports whether the order of the 细则 allows the step k now.
func nextAllowed(steps []Step, stage vocab.Stage, k vocab.DevStep) bool {
	if (stage == vocab.StageEnded || stage == vocab.StageFull) && k != vocab.StepArchive {
		return false
	}
	if f, ok := follows[k]; ok {
		var outs []vocab.DevOutcome
		if f.outcome != "" {
			outs = []vocab.DevOutcome{f.outcome}
		}
		if _, ok := Last(steps, f.step, outs...); !ok {
			return false
		}
	}
	is := &stepIssues{}
	is.again(steps, steps, Step{Kind: k})
	return len(is.out) == 0
}

// naturalNext is the step the person is waiting for among those offered:
// the first in the 细则's order, not recorded yet, after the step that
// brought them to their stage (a step taken early, such as a 集中培训 of an
// 入党积极分子, skips neither the 确定发展对象 nor the 备案 after it; after
// an extended 预备期, the 转正 again); else the first of those offered not
// recorded yet; "" when none.
func naturalNext(steps []Step, stage vocab.Stage, offered []vocab.DevStep) vocab.DevStep {
	last := -1
	for _, st := range steps {
		k := st.Kind
		switch {
		case k.Recurring() || k == vocab.StepEnd || st.Outcome == vocab.OutcomeRejected:
		case k == vocab.StepConfirmApproval && st.Outcome == vocab.OutcomeExtended:
			last = vocab.StepConfirmApply.Rank() - 1
		case movesStage(st):
			last = max(last, k.Rank())
		}
	}
	candidate := func(k vocab.DevStep) bool {
		if k.Recurring() || k == vocab.StepEnd {
			return false
		}
		if slices.Contains(several, k) {
			_, taken := Last(steps, k)
			return !taken
		}
		return true
	}
	for _, k := range offered {
		if candidate(k) && k.Rank() > last {
			return k
		}
	}
	for _, k := range offered {
		if candidate(k) {
			return k
		}
	}
	return ""
}

// movesStage reports whether the step moves the person on: the
// application, 确定入党积极分子, 确定发展对象, the 支部大会's and the 党委's
// passing of the 接收, the 转正 application and vote.
func movesStage(st Step) bool {
	switch st.Kind {
	case vocab.StepApply, vocab.StepActivist, vocab.StepCandidate, vocab.StepConfirmApply, vocab.StepConfirmVote:
		return true
	case vocab.StepAdmitVote, vocab.StepApproval:
		return st.Outcome == vocab.OutcomePassed
	}
	return false
}
