package data

import (
	"context"
	"errors"

	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// RecordDevStep is Store.RecordDevStep inside a write that is already
// under way (an import of the pipeline sheet writes every row in one
// transaction): the step is checked against the DEV- rules as the
// transaction sees the applicant, refused when they forbid it (a
// *ValidationError naming the rule), written, and its decision carried
// over to the member record; the warnings it passes with are returned.
// A step of a person already a member that changes the 支部大会's vote
// or the 转正 moves the member's 入党日期 and 转正日期 with it (those that
// followed the pipeline: a member linked with other dates keeps them).
func (tx *Tx) RecordDevStep(ctx context.Context, st *DevStep) ([]rules.StepIssue, error) {
	orgID := st.OrgID
	if orgID == "" {
		orgID = tx.w.s.Org().ID
	}
	issues, err := devStepIssues(ctx, tx.w, tx.Tables, st, orgID, tx.w.s.now())
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	var warnings []rules.StepIssue
	for _, is := range issues {
		if !is.Refuse {
			warnings = append(warnings, is)
		}
	}
	member, before, err := memberBefore(ctx, tx, st)
	if err != nil {
		return nil, err
	}
	if st.ID == "" {
		err = tx.DevSteps.Create(ctx, st)
	} else {
		err = tx.DevSteps.Update(ctx, st)
	}
	if err != nil {
		return nil, err
	}
	if err := applyDevStep(ctx, tx, st); err != nil {
		return nil, err
	}
	if member != nil {
		if err := followPipeline(ctx, tx, st, member, before); err != nil {
			return nil, err
		}
	}
	warnings = append(warnings, admittedDateIssues(ctx, tx, st)...)
	return warnings, nil
}

// memberBefore reads, for a step of a person already a member, the member
// record and the steps as they were before the step is written; an edit
// that would undo the 接收 is refused (a *ValidationError on the outcome).
func memberBefore(ctx context.Context, tx *Tx, st *DevStep) (*Member, []rules.Step, error) {
	if st.ApplicantID == "" {
		return nil, nil, nil
	}
	a, err := tx.Applicants.get(ctx, tx.w, string(st.ApplicantID))
	if errors.Is(err, ErrNotFound) {
		return nil, nil, nil // the reference check names it
	}
	if err != nil || a.MemberID == "" {
		return nil, nil, err
	}
	if st.ID != "" {
		old, err := tx.DevSteps.get(ctx, tx.w, st.ID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return nil, nil, err
		}
		if old != nil && admitting(old) && (!admitting(st) || old.Step != st.Step) {
			return nil, nil, &ValidationError{Problems: []Problem{{Col: "outcome", Label: "结果",
				Msg: admittedStepRefusal(old).Error()}}}
		}
	}
	m, err := tx.Members.get(ctx, tx.w, string(a.MemberID))
	if errors.Is(err, ErrNotFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	steps, err := stepsForRules(ctx, tx.w, a.ID, "")
	if err != nil {
		return nil, nil, err
	}
	return (*Member)(m), a.RuleApplicant(steps).Steps, nil
}

// admitting reports whether the step is one the 接收 of a member rests on:
// the 支部大会's vote to admit or the 党委's approval, passed.
func admitting(st *DevStep) bool {
	step := vocab.DevStep(st.Step)
	return (step == vocab.StepAdmitVote || step == vocab.StepApproval) &&
		vocab.DevOutcome(st.Outcome) == vocab.OutcomePassed
}

// ErrAdmittedStep is the kind of refusal to delete or undo the step a
// member's 接收 rests on.
var ErrAdmittedStep = errors.New("已接收为党员的步骤不能删除或改为未通过")

func admittedStepRefusal(st *DevStep) error {
	return &refusal{kind: ErrAdmittedStep, msg: "此人已接收为党员，" + st.Date.String() + "的“" + st.Step +
		"”（通过）不能删除或改为未通过。如其党籍有变化，请在党员信息中修改其党籍状态。"}
}

// checkDelete refuses deleting the 支部大会讨论接收 or 党委审批 (passed) of a
// person already a member: the member record rests on it.
func (st *DevStep) checkDelete(ctx context.Context, q queryer) error {
	if !admitting(st) {
		return nil
	}
	var member Ref
	err := q.QueryRowContext(ctx, `SELECT member_id FROM applicants WHERE id = ? AND deleted_at IS NULL`,
		st.ApplicantID).Scan(&member)
	if err != nil || member == "" {
		return nil
	}
	return admittedStepRefusal(st)
}

// followPipeline moves the member's 入党日期 and 转正日期 with the steps they
// come from, when they followed them before the step was written.
func followPipeline(ctx context.Context, tx *Tx, st *DevStep, m *Member, before []rules.Step) error {
	a, err := tx.Applicants.get(ctx, tx.w, string(st.ApplicantID))
	if err != nil {
		return err
	}
	steps, err := stepsForRules(ctx, tx.w, a.ID, "")
	if err != nil {
		return err
	}
	after := a.RuleApplicant(steps).Steps
	cur, err := tx.Members.get(ctx, tx.w, m.ID)
	if err != nil {
		return err
	}
	changed := false
	if was, now := rules.Admitted(before), rules.Admitted(after); !now.IsZero() && !now.Equal(was) &&
		cur.JoinedDate.Time.Equal(was) {
		cur.JoinedDate = DateOf(now)
		changed = true
	}
	if _, ok := rules.Last(after, vocab.StepConfirmApproval, vocab.OutcomeConfirmed); ok &&
		cur.Category == string(vocab.CategoryFull) {
		d, err := devRulesOf(ctx, tx.w, a.OrgID)
		if err != nil {
			return err
		}
		was, now := rules.ConfirmedOn(before, d), rules.ConfirmedOn(after, d)
		if !now.IsZero() && !now.Equal(was) && (cur.ConfirmedAt.Time.Equal(was) || cur.ConfirmedAt.IsZero()) {
			cur.ConfirmedAt = DateOf(now)
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return tx.Members.Update(ctx, (*Member)(cur))
}

// admittedDateIssues warns, at the 党委's approval, when the member the
// applicant is linked to has a 入党日期 other than the 支部大会's vote: the
// member is not changed.
func admittedDateIssues(ctx context.Context, tx *Tx, st *DevStep) []rules.StepIssue {
	if !admitting(st) || vocab.DevStep(st.Step) != vocab.StepApproval {
		return nil
	}
	a, err := tx.Applicants.get(ctx, tx.w, string(st.ApplicantID))
	if err != nil || a.MemberID == "" {
		return nil
	}
	m, err := tx.Members.get(ctx, tx.w, string(a.MemberID))
	if err != nil {
		return nil
	}
	steps, err := stepsForRules(ctx, tx.w, a.ID, "")
	if err != nil {
		return nil
	}
	vote := rules.Admitted(a.RuleApplicant(steps).Steps)
	if vote.IsZero() || m.JoinedDate.IsZero() || m.JoinedDate.Time.Equal(vote) {
		return nil
	}
	return []rules.StepIssue{{Rule: vocab.RuleDevOrder, Text: "党员信息中的入党日期为" + m.JoinedDate.String() +
		"，与支部大会讨论接收的日期" + DateOf(vote).String() + "不同，党员信息未修改，请核对"}}
}
