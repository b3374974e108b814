package data

import (
	"context"
	"fmt"
	"sort"
)

// TrashItem is one deleted record in the recycle bin (回收站).
type TrashItem struct {
	Table     string
	ID        string
	Kind      string // the kind of record, e.g. 学习培训
	Label     string // names the record, e.g. 「张三 2026年3月党费 50.00元」
	DeletedAt Stamp
	Parts     int // rows deleted with it (attendance, targets…), restored with it
}

// trashTables are the kinds of record people delete, which the recycle bin
// lists. Attendance rows and an agreement's targets are parts of their
// session, meeting or agreement and come back with it.
var trashTables = []string{"members", "branches", "party_groups", "trainings", "training_plans", "meetings",
	"appraisals", "agreements", "honors", "dues", "funds", "transfers", "talks", "care_records", "liaisons",
	"liaison_logs", "supervisions", "feedback", "attachments"}

// Trash lists the deleted records of every kind people delete, newest
// first; a row deleted together with a record it belongs to (the
// attendance of a deleted meeting) is not listed but counted in that
// record's Parts.
func (s *Store) Trash(ctx context.Context) ([]TrashItem, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	// One read transaction: the list and its labels see the same state.
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	l := newLabeler(conn)
	var out []TrashItem
	for _, table := range trashTables {
		ids, err := deletedTopLevel(ctx, conn, table)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			r, err := loadRecord(ctx, conn, table, id)
			if err != nil {
				return nil, err
			}
			parts, err := partsOf(ctx, conn, table, id, r.meta().DeletedAt)
			if err != nil {
				return nil, err
			}
			out = append(out, TrashItem{Table: table, ID: id, Kind: kindName(table), Label: l.label(ctx, r),
				DeletedAt: r.meta().DeletedAt, Parts: len(parts)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].DeletedAt.Equal(out[j].DeletedAt.Time) {
			return out[i].DeletedAt.After(out[j].DeletedAt.Time)
		}
		return out[i].ID > out[j].ID
	})
	return out, nil
}

// deletedTopLevel returns the ids of table's deleted rows that were not
// deleted together with a record they refer to.
func deletedTopLevel(ctx context.Context, q queryer, table string) ([]string, error) {
	query := "SELECT id FROM " + table + " x WHERE deleted_at IS NOT NULL"
	for _, f := range recordTypes[table]().Fields() {
		if target, ok := refTables[f.Col]; ok && target != "blobs" {
			query += " AND NOT EXISTS (SELECT 1 FROM " + target + " p WHERE p.id = x." + f.Col +
				" AND p.deleted_at = x.deleted_at)"
		}
	}
	if table == "attachments" {
		query += ownerDeletedWith
	}
	ids, err := idsWhere(ctx, q, query)
	if err != nil {
		return nil, fmt.Errorf("读取回收站失败：%w", err)
	}
	return ids, nil
}

// ownerDeletedWith leaves out attachments deleted with their record (or
// with a part of one, such as an agreement's target).
var ownerDeletedWith = func() string {
	s := ""
	for _, t := range recordTables {
		if ownerTables[t] {
			s += " AND NOT (x.owner_table = '" + t + "' AND EXISTS (SELECT 1 FROM " + t +
				" p WHERE p.id = x.owner_id AND p.deleted_at = x.deleted_at))"
		}
	}
	return s
}()

// rowKey is one row by table and id.
type rowKey struct{ table, id string }

// partsOf returns the rows deleted at the instant deletedAt that belong to
// table's row id (referring to it, or attached to it), and theirs in turn,
// parents before children.
func partsOf(ctx context.Context, q queryer, table, id string, deletedAt Stamp) ([]rowKey, error) {
	f, err := newPartFinder(ctx, q, deletedAt)
	if err != nil {
		return nil, err
	}
	seen := map[rowKey]bool{{table, id}: true}
	queue := []rowKey{{table, id}}
	var out []rowKey
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		var found []rowKey
		for _, ref := range referrers[cur.table] {
			ids, err := f.deletedWith(ctx, ref[0], ref[1], cur.id)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				found = append(found, rowKey{ref[0], id})
			}
		}
		for _, id := range f.attached[cur] {
			found = append(found, rowKey{"attachments", id})
		}
		for _, k := range found {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
				queue = append(queue, k)
			}
		}
	}
	return out, nil
}

// partFinder finds the rows deleted at one instant. A deleted row is in
// none of the indexes of live rows, so it is found through the audit log's
// index of writes by table, action and instant; a database without an
// audit log (a consolidation) is searched row by row.
type partFinder struct {
	q        queryer
	at       Stamp
	audited  bool
	attached map[rowKey][]string // owner → attachments deleted at the instant
}

func newPartFinder(ctx context.Context, q queryer, at Stamp) (*partFinder, error) {
	f := &partFinder{q: q, at: at, attached: map[rowKey][]string{}}
	if err := q.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM audit_log)").Scan(&f.audited); err != nil {
		return nil, err
	}
	query := "SELECT id, owner_table, owner_id FROM attachments WHERE deleted_at = ? ORDER BY id"
	args := []any{at}
	if f.audited {
		query = `SELECT DISTINCT x.id, x.owner_table, x.owner_id FROM audit_log a INDEXED BY audit_log_table_action
			JOIN attachments x ON x.id = a.row_id
			WHERE a.tbl = ? AND a.action = ? AND a.at = ? AND x.deleted_at = a.at ORDER BY x.id`
		args = []any{"attachments", "delete", at}
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a, t, o string
		if err := rows.Scan(&a, &t, &o); err != nil {
			return nil, err
		}
		f.attached[rowKey{t, o}] = append(f.attached[rowKey{t, o}], a)
	}
	return f, rows.Err()
}

// deletedWith returns the ids of table's rows whose col is parentID and
// that were deleted at the finder's instant.
func (f *partFinder) deletedWith(ctx context.Context, table, col, parentID string) ([]string, error) {
	if !f.audited {
		return idsWhere(ctx, f.q, "SELECT id FROM "+table+" WHERE "+col+" = ? AND deleted_at = ? ORDER BY id", parentID, f.at)
	}
	return idsWhere(ctx, f.q, `SELECT DISTINCT x.id FROM audit_log a INDEXED BY audit_log_table_action
		JOIN `+table+` x ON x.id = a.row_id
		WHERE a.tbl = ? AND a.action = ? AND a.at = ? AND x.`+col+` = ? AND x.deleted_at = a.at ORDER BY x.id`,
		table, "delete", f.at, parentID)
}

// idsWhere returns the ids a query selects.
func idsWhere(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// RestoreDeleted restores a deleted record of table with the rows deleted
// with it (a session's attendance, a meeting's, an agreement's targets,
// its attachments), in one transaction: all come back or none. It is
// refused as Table.Restore is: while a record it belongs to is deleted,
// or when a live record now holds its place.
func (s *Store) RestoreDeleted(ctx context.Context, table, id string) error {
	if _, ok := recordTypes[table]; !ok {
		return fmt.Errorf("未知的记录类型：%s", table)
	}
	return s.Write(ctx, func(tx *Tx) error { return restoreWithParts(ctx, tx.w, table, id) })
}

// restoreWithParts restores table's row id and the rows deleted with it.
func restoreWithParts(ctx context.Context, w *writer, table, id string) error {
	r, err := loadRecord(ctx, w, table, id)
	if err != nil {
		return err
	}
	if r.meta().DeletedAt.IsZero() {
		return nil
	}
	parts, err := partsOf(ctx, w, table, id, r.meta().DeletedAt)
	if err != nil {
		return err
	}
	pending := map[string]bool{knownKey(table, id): true}
	byTable := map[string][]string{}
	for _, p := range parts {
		pending[knownKey(p.table, p.id)] = true
		byTable[p.table] = append(byTable[p.table], p.id)
	}
	for table, ids := range byTable {
		if err := markLiveRefs(ctx, w, table, ids); err != nil {
			return err
		}
	}
	l := newLabeler(w)
	if err := restoreRow(ctx, w, l, table, id, pending); err != nil {
		return err
	}
	for _, p := range parts {
		if err := restoreRow(ctx, w, l, p.table, p.id, pending); err != nil {
			return err
		}
	}
	return nil
}
