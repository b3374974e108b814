package data

import (
	"context"
	"database/sql"

	"dangjian/data/rules"
)

// applicants reads the pipeline of 发展党员 for the DEV- rules: every
// applicant (without the personal data the rules do not need: no
// 公民身份号码, no phone) with every step recorded for them, converted as
// the rest of the program converts them (Applicant.RuleApplicant).
func (r factReader) applicants(ctx context.Context, f *rules.Facts) error {
	steps := map[string][]DevStep{}
	err := r.eachRow(ctx, `SELECT id, org_id, applicant_id, step, date, until, person_id, person2_id,
			eligible, present, votes_for, votes_against, abstain, outcome, extend_months, hours, days
		FROM dev_steps WHERE deleted_at IS NULL ORDER BY applicant_id, date, id`, nil, func(rows *sql.Rows) error {
		var s DevStep
		if err := rows.Scan(&s.ID, &s.OrgID, &s.ApplicantID, &s.Step, &s.Date, &s.Until, &s.PersonID, &s.Person2ID,
			&s.Eligible, &s.Present, &s.VotesFor, &s.VotesAgainst, &s.Abstain, &s.Outcome, &s.ExtendMonths,
			&s.Hours, &s.Days); err != nil {
			return err
		}
		steps[string(s.ApplicantID)] = append(steps[string(s.ApplicantID)], s)
		return nil
	})
	if err != nil {
		return err
	}
	return r.eachRow(ctx, `SELECT id, org_id, branch_id, name, gender, birth_date, person_type, member_id
		FROM applicants WHERE deleted_at IS NULL ORDER BY id`, nil, func(rows *sql.Rows) error {
		var a Applicant
		if err := rows.Scan(&a.ID, &a.OrgID, &a.BranchID, &a.Name, &a.Gender, &a.BirthDate, &a.PersonType,
			&a.MemberID); err != nil {
			return err
		}
		f.Applicants = append(f.Applicants, a.RuleApplicant(steps[a.ID]))
		return nil
	})
}
