package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
)

// RecordTraining saves a training session and who attended it, in one
// transaction. A new session (t.ID empty or not stored) is created and
// each member credited with its hours. A stored one is updated (t.Version
// must be the stored version: ErrConflict otherwise) and its attendance
// made exactly memberIDs: attendees no longer listed are deleted (soft),
// new ones created, the others left as they are, except that those
// credited with the session's old hours get its new hours. On success t
// carries its id and new version; on failure nothing is written and t is
// left as it was.
func (s *Store) RecordTraining(ctx context.Context, t *Training, memberIDs []string) error {
	if len(memberIDs) == 0 {
		return &ValidationError{Problems: []Problem{{Col: "member_id", Label: "参加人员", Msg: "请至少选择一名党员"}}}
	}
	cur := *t
	err := s.Write(ctx, func(tx *Tx) error {
		stored, err := rowExists(ctx, tx.w, "trainings", cur.ID)
		if err != nil {
			return err
		}
		if !stored {
			if err := tx.Trainings.Create(ctx, &cur); err != nil {
				return err
			}
			return addAttendees(ctx, tx, &cur, unique(memberIDs))
		}
		return updateTraining(ctx, tx, &cur, unique(memberIDs))
	})
	if err != nil {
		return err
	}
	*t = cur
	return nil
}

// rowExists reports whether table holds a row with the id, live or not.
func rowExists(ctx context.Context, w *writer, table, id string) (bool, error) {
	if id == "" {
		return false, nil
	}
	var one int
	err := w.QueryRowContext(ctx, "SELECT 1 FROM "+table+" WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// unique drops repeated ids, keeping the first of each.
func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// addAttendees credits each member with the session's hours.
func addAttendees(ctx context.Context, tx *Tx, t *Training, memberIDs []string) error {
	if err := markLive(ctx, tx.w, "members", memberIDs); err != nil {
		return err
	}
	for _, id := range memberIDs {
		a := &TrainingAttendee{TrainingID: Ref(t.ID), MemberID: Ref(id), Hours: t.Hours}
		if err := tx.TrainingAttendees.Create(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// updateTraining writes a stored session's fields and makes its attendance
// memberIDs. When only the attendance changes, the session's version still
// moves on, so that another edit begun meanwhile is refused.
func updateTraining(ctx context.Context, tx *Tx, t *Training, memberIDs []string) error {
	old, err := tx.Trainings.Get(ctx, t.ID)
	if err != nil {
		return err
	}
	if old.Version != t.Version {
		return ErrConflict
	}
	if err := tx.Trainings.Update(ctx, t); err != nil {
		return err
	}
	rows, err := tx.TrainingAttendees.List(ctx, Where(ColTrainingID, t.ID))
	if err != nil {
		return err
	}
	wanted := make(map[string]bool, len(memberIDs))
	for _, id := range memberIDs {
		wanted[id] = true
	}
	before := map[Ref]bool{}
	for _, a := range rows {
		before[a.MemberID] = true
	}
	kept := make(map[string]bool, len(rows))
	changed := false
	for i := range rows {
		a := &rows[i]
		id := string(a.MemberID)
		if !wanted[id] || kept[id] {
			if err := tx.TrainingAttendees.Delete(ctx, a); err != nil {
				return err
			}
			changed = true
			continue
		}
		kept[id] = true
		if a.Hours == old.Hours && t.Hours != old.Hours {
			a.Hours = t.Hours
			if err := tx.TrainingAttendees.Update(ctx, a); err != nil {
				return err
			}
		}
	}
	var added []string
	for _, id := range memberIDs {
		if !kept[id] {
			added = append(added, id)
		}
	}
	if err := addAttendees(ctx, tx, t, added); err != nil {
		return err
	}
	if (changed || len(added) > 0) && t.Version == old.Version {
		return touch(ctx, tx.w, "trainings", &t.Meta, map[string]any{
			"参加人员": []any{strconv.Itoa(len(before)) + "人", strconv.Itoa(len(memberIDs)) + "人"}})
	}
	return nil
}

// touch moves a row's version on without changing its fields, recording
// changes (a change of its parts, such as who attended) in the audit log.
// m.Version must be the stored version: ErrConflict otherwise.
func touch(ctx context.Context, w *writer, table string, m *Meta, changes map[string]any) error {
	res, err := w.exec(ctx, "UPDATE "+table+" SET version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND deleted_at IS NULL",
		Stamp{w.at}, m.ID, m.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrConflict
	}
	m.Version++
	m.UpdatedAt = Stamp{w.at}
	return w.audit(ctx, m, table, "update", changes)
}

// TrainingAttendeesOf returns the ids of the members who attended the
// session (its live attendance rows). (Not named TrainingAttendees: a
// method of that name would hide the Store's TrainingAttendees table.)
func (s *Store) TrainingAttendeesOf(ctx context.Context, trainingID string) ([]string, error) {
	var out []string
	err := s.TrainingAttendees.Each(ctx, func(a *TrainingAttendee) error {
		out = append(out, string(a.MemberID))
		return nil
	}, Where(ColTrainingID, trainingID))
	return unique(out), err
}

// DeleteTraining deletes the session with its attendance, in one
// transaction and at one instant, so that RestoreDeleted brings all of it
// back. t.Version must be the stored version (ErrConflict otherwise); on
// success t carries its new version and deletion time.
func (s *Store) DeleteTraining(ctx context.Context, t *Training) error {
	return s.Trainings.Delete(ctx, t)
}
