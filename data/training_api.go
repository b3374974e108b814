package data

import "context"

// RecordTraining saves a training session and credits each member with the
// session's hours, in one transaction.
func (s *Store) RecordTraining(ctx context.Context, t *Training, memberIDs []string) error {
	if len(memberIDs) == 0 {
		return &ValidationError{Problems: []Problem{{Col: "member_id", Label: "参加人员", Msg: "请至少选择一名党员"}}}
	}
	return s.Write(ctx, func(tx *Tx) error {
		if err := tx.Trainings.Create(ctx, t); err != nil {
			return err
		}
		for _, id := range memberIDs {
			a := &TrainingAttendee{TrainingID: Ref(t.ID), MemberID: Ref(id), Hours: t.Hours}
			if err := tx.TrainingAttendees.Create(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
}
