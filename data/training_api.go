package data

import (
	"context"
	"fmt"

	"dangjian/data/vocab"
)

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

// TrainingHours returns each member's 集中学习 hours in the year: every form
// but 个人自学, unless the settings count self-study too. An attendee
// credited 0 学时 gets the session's hours.
func (s *Store) TrainingHours(ctx context.Context, year int) (map[string]float64, error) {
	set, err := s.RuleSettings(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.member_id, SUM(COALESCE(NULLIF(a.hours, 0), t.hours))
		FROM trainings t JOIN training_attendees a ON a.training_id = t.id
		WHERE t.date BETWEEN ? AND ? AND t.deleted_at IS NULL AND a.deleted_at IS NULL
			AND (t.form <> ? OR ?)
		GROUP BY a.member_id`, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year), vocab.FormSelfStudy, set.SelfStudyCounts)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var id string
		var h float64
		if err := rows.Scan(&id, &h); err != nil {
			return nil, err
		}
		out[id] = h
	}
	return out, rows.Err()
}
