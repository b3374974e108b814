package data

import (
	"context"

	"dangjian/data/rules"
)

// PipelinePerson is a person on the 发展党员 board: the applicant's
// record, the steps recorded for them (in the order the rules read them)
// and the person as the rules read them.
type PipelinePerson struct {
	Applicant Applicant
	Steps     []DevStep
	Rule      rules.Applicant
}

// PipelineBoard reads every applicant of the organization (every one of
// the database for orgID "") with their steps, for the board and the
// person's page: one read of each table.
func (s *Store) PipelineBoard(ctx context.Context, orgID string) ([]PipelinePerson, error) {
	apps, byApp, err := s.readPipeline(ctx, []Cond{InOrg(orgID)}, []Cond{InOrg(orgID)})
	if err != nil {
		return nil, err
	}
	out := make([]PipelinePerson, len(apps))
	for i := range apps {
		steps := byApp[apps[i].ID]
		out[i] = PipelinePerson{Applicant: apps[i], Steps: steps, Rule: apps[i].RuleApplicant(steps)}
	}
	return out, nil
}

// PipelinePersonOf reads one applicant with their steps.
func (s *Store) PipelinePersonOf(ctx context.Context, id string) (PipelinePerson, error) {
	a, err := s.Applicants.Get(ctx, id)
	if err != nil {
		return PipelinePerson{}, err
	}
	steps, err := s.ApplicantSteps(ctx, id)
	if err != nil {
		return PipelinePerson{}, err
	}
	return PipelinePerson{Applicant: *a, Steps: steps, Rule: a.RuleApplicant(steps)}, nil
}
