package rules

import (
	"slices"
	"testing"

	"dangjian/data/vocab"
)

func TestNextSteps(t *testing.T) {
	n := 0
	st := func(k vocab.DevStep, o ...vocab.DevOutcome) Step {
		n++
		s := Step{Kind: k, Date: d(2024, 1, 1).AddDate(0, 0, 7*n)}
		if len(o) > 0 {
			s.Outcome = o[0]
		}
		return s
	}
	activist := []Step{st(vocab.StepApply), st(vocab.StepTalk), st(vocab.StepActivist)}
	candidate := append(slices.Clone(activist), st(vocab.StepActivistFiled), st(vocab.StepContacts),
		st(vocab.StepCandidate), st(vocab.StepCandidateFiled))
	probation := append(slices.Clone(candidate), st(vocab.StepIntroducers), st(vocab.StepVetting),
		st(vocab.StepTraining), st(vocab.StepAdmitVote, vocab.OutcomePassed), st(vocab.StepApproval, vocab.OutcomePassed))
	confirm := append(slices.Clone(probation), st(vocab.StepConfirmApply), st(vocab.StepConfirmVote, vocab.OutcomePassed))
	tests := []struct {
		name        string
		steps       []Step
		first       vocab.DevStep
		want, never []vocab.DevStep
	}{
		{"none", nil, vocab.StepApply, nil, []vocab.DevStep{vocab.StepTalk, vocab.StepEnd, vocab.StepReport}},
		{"applied", activist[:1], vocab.StepTalk, []vocab.DevStep{vocab.StepActivist, vocab.StepReport, vocab.StepEnd},
			[]vocab.DevStep{vocab.StepApply, vocab.StepReview, vocab.StepCandidate}},
		// 集中培训 of an 入党积极分子 does not skip the 确定发展对象.
		{"activist trained", append(slices.Clone(activist), st(vocab.StepTraining)), vocab.StepActivistFiled,
			[]vocab.DevStep{vocab.StepCandidate, vocab.StepContacts, vocab.StepTraining, vocab.StepReview},
			[]vocab.DevStep{vocab.StepActivist, vocab.StepVetting, vocab.StepPublicity}},
		{"activist filed, contacts, trained", append(slices.Clone(activist), st(vocab.StepActivistFiled),
			st(vocab.StepContacts), st(vocab.StepTraining)), vocab.StepCandidate, []vocab.DevStep{vocab.StepContacts}, nil},
		// Trained as an 入党积极分子, then made a 发展对象: the 备案 comes next,
		// not the step after the 集中培训.
		{"trained activist made candidate", append(slices.Clone(activist), st(vocab.StepActivistFiled),
			st(vocab.StepContacts), st(vocab.StepTraining), st(vocab.StepCandidate)), vocab.StepCandidateFiled,
			[]vocab.DevStep{vocab.StepIntroducers, vocab.StepVetting}, nil},
		{"candidate", candidate, vocab.StepIntroducers, []vocab.DevStep{vocab.StepVetting, vocab.StepAdmitVote},
			[]vocab.DevStep{vocab.StepCandidate, vocab.StepApproval}},
		{"vote failed", append(slices.Clone(candidate), st(vocab.StepAdmitVote, vocab.OutcomeRejected)), vocab.StepIntroducers,
			[]vocab.DevStep{vocab.StepAdmitVote}, []vocab.DevStep{vocab.StepApproval, vocab.StepPartyTalk}},
		{"probation", probation, vocab.StepApprovalFiled, []vocab.DevStep{vocab.StepConfirmApply, vocab.StepOath},
			[]vocab.DevStep{vocab.StepAdmitVote, vocab.StepApproval, vocab.StepConfirmApproval}},
		{"vote on 转正", confirm, vocab.StepConfirmApproval, nil, []vocab.DevStep{vocab.StepConfirmVote}},
		{"extended", append(slices.Clone(confirm), st(vocab.StepConfirmApproval, vocab.OutcomeExtended)), vocab.StepConfirmApply,
			[]vocab.DevStep{vocab.StepConfirmVote, vocab.StepConfirmApproval}, []vocab.DevStep{vocab.StepApproval}},
		{"full", append(slices.Clone(confirm), st(vocab.StepConfirmApproval, vocab.OutcomeConfirmed)), vocab.StepArchive, nil,
			[]vocab.DevStep{vocab.StepEnd, vocab.StepReport, vocab.StepOath}},
		{"archived", append(slices.Clone(confirm), st(vocab.StepConfirmApproval, vocab.OutcomeConfirmed), st(vocab.StepArchive)),
			"", nil, vocab.DevSteps},
		{"ended", append(slices.Clone(activist), st(vocab.StepEnd, vocab.OutcomeDropped)), "", nil, vocab.DevSteps},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			SortSteps(tt.steps)
			got := NextSteps(tt.steps)
			var first vocab.DevStep
			if len(got) > 0 && !got[0].Recurring() && got[0] != vocab.StepEnd {
				first = got[0]
			}
			if first != tt.first {
				t.Errorf("first = %q, want %q (all %v)", first, tt.first, got)
			}
			for _, k := range tt.want {
				if !slices.Contains(got, k) {
					t.Errorf("%q not offered: %v", k, got)
				}
			}
			for _, k := range tt.never {
				if slices.Contains(got, k) {
					t.Errorf("%q offered: %v", k, got)
				}
			}
			// Every step offered passes the order rules.
			for _, k := range got {
				is := checkStepIssues(Rules2014(), Applicant{Steps: tt.steps}, Step{Kind: k, Date: d(2026, 1, 1)}, nil)
				for _, x := range is.out {
					if x.Refuse && x.Rule == vocab.RuleDevOrder {
						t.Errorf("%q offered but refused: %s", k, x.Text)
					}
				}
			}
		})
	}
}
