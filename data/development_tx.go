package data

import (
	"context"
	"errors"

	"dangjian/data/rules"
)

// RecordDevStep is Store.RecordDevStep inside a write that is already
// under way (an import of the pipeline sheet writes every row in one
// transaction): the step is checked against the DEV- rules as the
// transaction sees the applicant, refused when they forbid it (a
// *ValidationError naming the rule), written, and its decision carried
// over to the member record; the warnings it passes with are returned.
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
	return warnings, nil
}
