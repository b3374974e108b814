package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// metaCols are the bookkeeping columns every table starts with.
var metaCols = []string{"id", "org_id", "version", "updated_at", "deleted_at"}

// Table is the typed API of one record type T: create, update, soft-delete,
// get and list. It is the only way other packages touch the database.
type Table[T any, P recordPtr[T]] struct {
	x          executor
	name       string
	cols       []string // business columns, in Fields order
	insertSQL  string
	referenced bool // other rows point at this table's rows
}

func newTable[T any, P recordPtr[T]](x executor) Table[T, P] {
	var zero T
	p := P(&zero)
	fields := p.Fields()
	cols := make([]string, len(fields))
	for i, f := range fields {
		cols[i] = f.Col
	}
	t := Table[T, P]{x: x, name: p.Table(), cols: cols}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(metaCols)+len(cols)), ", ")
	t.insertSQL = "INSERT INTO " + t.name + " (" + t.allCols() + ") VALUES (" + marks + ")"
	for _, target := range refTables {
		t.referenced = t.referenced || target == t.name
	}
	return t
}

func (t Table[T, P]) allCols() string {
	return strings.Join(append(append([]string{}, metaCols...), t.cols...), ", ")
}

func targets(p Record) []any {
	m := p.meta()
	out := []any{&m.ID, &m.OrgID, &m.Version, &m.UpdatedAt, &m.DeletedAt}
	for _, f := range p.Fields() {
		out = append(out, f.Ptr)
	}
	return out
}

// Create validates rec and inserts it, filling its Meta.
func (t Table[T, P]) Create(ctx context.Context, rec P) error {
	return t.x.write(ctx, func(w *writer) error { return t.insert(ctx, w, rec) })
}

func (t Table[T, P]) insert(ctx context.Context, w *writer, rec P) error {
	m := rec.meta()
	if m.ID == "" {
		m.ID = newID()
	}
	if m.OrgID == "" {
		m.OrgID = w.s.Org().ID
	}
	if m.OrgID == "" {
		return errors.New("未指定所属组织")
	}
	if err := w.validate(ctx, rec); err != nil {
		return err
	}
	m.Version, m.UpdatedAt, m.DeletedAt = 1, Stamp{w.at}, Stamp{}
	if _, err := w.exec(ctx, t.insertSQL, targets(rec)...); err != nil {
		return fmt.Errorf("保存%s失败：%w", t.name, err)
	}
	if t.referenced {
		w.setKnown(knownKey(t.name, m.ID), true)
	}
	return w.audit(ctx, m, t.name, "create", createdValues(rec))
}

// Update validates rec and writes it over the stored row. rec.Version must
// be the stored version (ErrConflict otherwise); it is incremented. An
// update that changes nothing writes nothing.
func (t Table[T, P]) Update(ctx context.Context, rec P) error {
	return t.x.write(ctx, func(w *writer) error {
		old, err := t.get(ctx, w, rec.meta().ID)
		if err != nil {
			return err
		}
		m := rec.meta()
		if m.Version != old.meta().Version {
			return ErrConflict
		}
		m.OrgID = old.meta().OrgID
		if err := w.validate(ctx, rec); err != nil {
			return err
		}
		changes := changedValues(old, rec)
		if len(changes) == 0 {
			return nil
		}
		sets := make([]string, len(t.cols))
		for i, c := range t.cols {
			sets[i] = c + " = ?"
		}
		args := []any{Stamp{w.at}}
		for _, f := range rec.Fields() {
			args = append(args, f.Ptr)
		}
		args = append(args, m.ID, m.Version)
		q := "UPDATE " + t.name + " SET version = version + 1, updated_at = ?, " + strings.Join(sets, ", ") +
			" WHERE id = ? AND version = ? AND deleted_at IS NULL"
		res, err := w.exec(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("保存%s失败：%w", t.name, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrConflict
		}
		m.Version++
		m.UpdatedAt = Stamp{w.at}
		return w.audit(ctx, m, t.name, "update", changes)
	})
}

// Delete soft-deletes the row: it stays in the database with deleted_at set.
// rec.Version must be the stored version (ErrConflict otherwise). Its parts
// (ownedParts: a session's or meeting's attendance, an agreement's targets,
// a liaison's log) and its attachments, and theirs, are deleted with it, at
// the same instant, and come back with it (Restore); no other live row may
// still refer to it.
func (t Table[T, P]) Delete(ctx context.Context, rec P) error {
	return t.x.write(ctx, func(w *writer) error {
		m := rec.meta()
		old, err := t.get(ctx, w, m.ID)
		if err != nil {
			return err
		}
		if old.meta().Version != m.Version {
			return ErrConflict
		}
		if dc, ok := any(old).(deleteChecker); ok {
			if err := dc.checkDelete(ctx, w); err != nil {
				return err
			}
		}
		for _, part := range ownedParts[t.name] {
			if err := deleteParts(ctx, w, part[0], Column(part[1]), m.ID); err != nil {
				return err
			}
		}
		if err := refusedIfReferenced(ctx, w, t.name, m.ID); err != nil {
			return err
		}
		if err := deleteAttachmentsOf(ctx, w, t.name, m.ID); err != nil {
			return err
		}
		q := "UPDATE " + t.name + " SET version = version + 1, updated_at = ?, deleted_at = ? WHERE id = ? AND version = ?"
		if _, err := w.exec(ctx, q, Stamp{w.at}, Stamp{w.at}, m.ID, m.Version); err != nil {
			return fmt.Errorf("删除失败：%w", err)
		}
		w.setKnown(knownKey(t.name, m.ID), false)
		m.Version++
		m.UpdatedAt, m.DeletedAt = Stamp{w.at}, Stamp{w.at}
		return w.audit(ctx, m, t.name, "delete", map[string]any{})
	})
}

// deleteChecker is implemented by records that some rule keeps from being
// deleted (a 发展党员 step a member record rests on): checkDelete refuses.
type deleteChecker interface {
	checkDelete(ctx context.Context, q queryer) error
}

// Get returns the live row with the id, or ErrNotFound.
func (t Table[T, P]) Get(ctx context.Context, id string) (*T, error) {
	p, err := t.get(ctx, t.x.reader(), id)
	if err != nil {
		return nil, err
	}
	return (*T)(p), nil
}

func (t Table[T, P]) get(ctx context.Context, q queryer, id string) (P, error) {
	var rec T
	p := P(&rec)
	err := q.QueryRowContext(ctx, "SELECT "+t.allCols()+" FROM "+t.name+" WHERE id = ? AND deleted_at IS NULL", id).
		Scan(targets(p)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("读取%s失败：%w", t.name, err)
	}
	return p, nil
}

// List returns the rows matching every condition, live rows only unless
// WithDeleted is given.
func (t Table[T, P]) List(ctx context.Context, conds ...Cond) ([]T, error) {
	var out []T
	err := t.Each(ctx, func(rec *T) error {
		out = append(out, *rec)
		return nil
	}, conds...)
	return out, err
}

// Each calls fn for every matching row, in order, without holding them all.
func (t Table[T, P]) Each(ctx context.Context, fn func(*T) error, conds ...Cond) error {
	q, args, err := t.selectSQL("SELECT "+t.allCols(), conds)
	if err != nil {
		return err
	}
	rows, err := t.x.reader().QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("读取%s失败：%w", t.name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var rec T
		if err := rows.Scan(targets(P(&rec))...); err != nil {
			return fmt.Errorf("读取%s失败：%w", t.name, err)
		}
		if err := fn(&rec); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Count returns how many rows match.
func (t Table[T, P]) Count(ctx context.Context, conds ...Cond) (int, error) {
	q, args, err := t.selectSQL("SELECT COUNT(*)", conds)
	if err != nil {
		return 0, err
	}
	var n int
	err = t.x.reader().QueryRowContext(ctx, q, args...).Scan(&n)
	return n, err
}

func (t Table[T, P]) selectSQL(head string, conds []Cond) (string, []any, error) {
	qb := &query{known: map[string]bool{}}
	for _, c := range append(append([]string{}, metaCols...), t.cols...) {
		qb.known[c] = true
	}
	for _, c := range conds {
		if err := c(qb); err != nil {
			return "", nil, err
		}
	}
	where := qb.where
	if !qb.withDeleted {
		where = append([]string{"deleted_at IS NULL"}, where...)
	}
	q := head + " FROM " + t.name
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	if len(qb.order) > 0 && !strings.HasPrefix(head, "SELECT COUNT") {
		q += " ORDER BY " + strings.Join(qb.order, ", ")
	} else if !strings.HasPrefix(head, "SELECT COUNT") {
		q += " ORDER BY id"
	}
	if qb.limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", qb.limit, qb.offset)
	}
	return q, qb.args, nil
}

// plain returns the value behind a field pointer for the audit log.
func plain(ptr any) any {
	switch v := ptr.(type) {
	case *Date:
		return v.String()
	case *Money:
		return v.String()
	case *Ref:
		return string(*v)
	case *Stamp:
		if v.IsZero() {
			return ""
		}
		return v.UTC().Format("2006-01-02 15:04:05")
	}
	return reflect.ValueOf(ptr).Elem().Interface()
}

func isZero(v any) bool {
	return v == nil || reflect.ValueOf(v).IsZero()
}

// createdValues names the non-empty fields of a new record, each mapped to
// null: the values are the row's first version, and every later update
// records [old, new], so the history stays complete without copying rows.
func createdValues(r Record) map[string]any {
	out := map[string]any{}
	for _, f := range r.Fields() {
		if !isZero(plain(f.Ptr)) {
			out[f.Col] = nil
		}
	}
	return out
}

// sensitiveCols hold personal data: the audit log records that they changed,
// never their values.
var sensitiveCols = map[string]bool{"id_number": true, "phone": true}

// changedValues lists the fields that differ, as [old, new] pairs; a
// sensitive field is listed with its values withheld.
func changedValues(old, cur Record) map[string]any {
	out := map[string]any{}
	of, cf := old.Fields(), cur.Fields()
	for i := range cf {
		o, n := plain(of[i].Ptr), plain(cf[i].Ptr)
		if o == n {
			continue
		}
		if sensitiveCols[cf[i].Col] {
			out[cf[i].Col] = []any{"（不记录）", "（不记录）"}
			continue
		}
		out[cf[i].Col] = []any{o, n}
	}
	return out
}
