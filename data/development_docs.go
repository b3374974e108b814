package data

import (
	"context"

	"dangjian/data/rules"
)

// DevRecord is a person in the pipeline of 发展党员 as the documents print
// them and the board shows them: the applicant's record (the personal
// data), the person as the rules read them (the stage, the 预备期 come from
// there), and the steps as recorded (their numbers and texts), in the order
// of Person.Steps.
type DevRecord struct {
	Applicant Applicant
	Person    rules.Applicant
	Steps     []DevStep
}

// DevRecords reads every applicant the conditions select with their
// steps, in one pass over each table: the records of the 花名册, the 台账,
// the 公示 and the 备案 sheets. The steps are converted as Pipeline
// converts them (Applicant.RuleApplicant).
func (s *Store) DevRecords(ctx context.Context, conds ...Cond) ([]DevRecord, error) {
	apps, byApp, err := s.readPipeline(ctx, conds, nil)
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
