package data

import (
	"context"
	"encoding/json"
	"fmt"
)

// AuditEntry is one write in the audit log.
type AuditEntry struct {
	At      Stamp
	Actor   string
	Table   string
	RowID   string
	Action  string         // create/update/delete/restore
	Changes map[string]any // column → [old, new] (update); set columns → nil (create)
}

// History returns the audit entries of a row, oldest first.
func (s *Store) History(ctx context.Context, rowID string) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, actor, tbl, row_id, action, changes
		FROM audit_log WHERE row_id = ? ORDER BY at, id`, rowID)
	if err != nil {
		return nil, fmt.Errorf("读取操作记录失败：%w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var body string
		if err := rows.Scan(&e.At, &e.Actor, &e.Table, &e.RowID, &e.Action, &body); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(body), &e.Changes); err != nil {
			return nil, fmt.Errorf("操作记录损坏：%w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditCount returns how many audit entries the database holds.
func (s *Store) AuditCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_log").Scan(&n)
	return n, err
}
