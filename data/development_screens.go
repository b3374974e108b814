package data

import (
	"context"
)

// PipelineBoard reads every applicant of the organization (every one of
// the database for orgID "") with their steps, for the board and the
// person's page: one read of each table.
func (s *Store) PipelineBoard(ctx context.Context, orgID string) ([]DevRecord, error) {
	apps, byApp, err := s.readPipeline(ctx, []Cond{InOrg(orgID)}, []Cond{InOrg(orgID)})
	if err != nil {
		return nil, err
	}
	out := make([]DevRecord, len(apps))
	for i := range apps {
		steps := byApp[apps[i].ID]
		out[i] = DevRecord{Applicant: apps[i], Person: apps[i].RuleApplicant(steps), Steps: steps}
	}
	return out, nil
}

// PipelinePersonOf reads one applicant with their steps.
func (s *Store) PipelinePersonOf(ctx context.Context, id string) (DevRecord, error) {
	a, err := s.Applicants.Get(ctx, id)
	if err != nil {
		return DevRecord{}, err
	}
	steps, err := s.ApplicantSteps(ctx, id)
	if err != nil {
		return DevRecord{}, err
	}
	return DevRecord{Applicant: *a, Person: a.RuleApplicant(steps), Steps: steps}, nil
}
