package data

import (
	"context"
	"strings"
)

// chunkSize is how many ids one IN (…) list holds, well under SQLite's
// limit on parameters.
const chunkSize = 500

// inList is "?, ?, …" for n values and the values as arguments.
func inList(ids []string) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "), args
}

// markLive records in w.known which of the ids are live rows of table, in a
// few queries, so that writing thousands of rows referring to them (a
// session's attendance) does not look each one up.
func markLive(ctx context.Context, w *writer, table string, ids []string) error {
	return eachChunk(ids, func(chunk []string) error {
		marks, args := inList(chunk)
		return markFrom(ctx, w, table, "SELECT id FROM "+table+" WHERE deleted_at IS NULL AND id IN ("+marks+")", args)
	})
}

// markLiveRefs records in w.known the live rows that the rows ids of table
// refer to.
func markLiveRefs(ctx context.Context, w *writer, table string, ids []string) error {
	for _, f := range recordTypes[table]().Fields() {
		target, ok := refTables[f.Col]
		if !ok {
			continue
		}
		err := eachChunk(ids, func(chunk []string) error {
			marks, args := inList(chunk)
			return markFrom(ctx, w, target, "SELECT p.id FROM "+target+" p WHERE p.deleted_at IS NULL AND p.id IN (SELECT x."+
				f.Col+" FROM "+table+" x WHERE x.id IN ("+marks+"))", args)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func markFrom(ctx context.Context, w *writer, table, query string, args []any) error {
	rows, err := w.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		w.setKnown(knownKey(table, id), true)
	}
	return rows.Err()
}

func eachChunk(ids []string, fn func([]string) error) error {
	for len(ids) > 0 {
		n := min(len(ids), chunkSize)
		if err := fn(ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// ownedParts are, by table, the (table, column) of the rows that are parts
// of its records rather than records of their own: deleted and restored
// with them. Nothing may refer to a part.
var ownedParts = map[string][][2]string{
	"trainings":  {{"training_attendees", "training_id"}},
	"meetings":   {{"meeting_attendance", "meeting_id"}},
	"agreements": {{"agreement_targets", "agreement_id"}},
	"liaisons":   {{"liaison_logs", "liaison_id"}},
	"applicants": {{"dev_steps", "applicant_id"}},
}

// deleteParts soft-deletes the live rows of table whose col is parentID
// (a session's attendance), each audited, in a few statements. The table's
// rows must have nothing referring to them.
func deleteParts(ctx context.Context, w *writer, table string, col Column, parentID string) error {
	rows, err := w.QueryContext(ctx, "SELECT id, org_id FROM "+table+" WHERE "+string(col)+" = ? AND deleted_at IS NULL", parentID)
	if err != nil {
		return err
	}
	var metas []Meta
	for rows.Next() {
		var m Meta
		if err := rows.Scan(&m.ID, &m.OrgID); err != nil {
			rows.Close()
			return err
		}
		metas = append(metas, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	at := Stamp{w.at}
	if _, err := w.exec(ctx, "UPDATE "+table+" SET version = version + 1, updated_at = ?, deleted_at = ? WHERE "+
		string(col)+" = ? AND deleted_at IS NULL", at, at, parentID); err != nil {
		return err
	}
	for i := range metas {
		w.setKnown(knownKey(table, metas[i].ID), false)
		if err := w.audit(ctx, &metas[i], table, "delete", map[string]any{}); err != nil {
			return err
		}
	}
	return nil
}
