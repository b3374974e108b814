package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// sharedTables are the tables whose rows several organizations may hold
// under the same id: an attachment's content is stored once per database
// under its SHA-256, so two organizations that attached the same file hold
// the same blob. Any other id belongs to one organization.
var sharedTables = map[string]bool{"blobs": true}

// sharedColumn is the column of a shared table that is the same in every
// holder's row (the content its id is the hash of); the others are
// recorded per holder.
const sharedColumn = "content"

// SharedRow is a row whose id several organizations' snapshots hold, with
// each holder's values of the row's columns (all but the id and the shared
// content): the merge keeps the row of the smallest org_id, and a later
// merge that removes that organization gives the row to the next holder.
type SharedRow struct {
	Table   string         `json:"table"`
	ID      string         `json:"id"`
	Holders []SharedHolder `json:"holders"`
}

// SharedHolder is one organization's values of a shared row, by column.
type SharedHolder struct {
	Org    string                     `json:"org"`
	Values map[string]json.RawMessage `json:"values"`
}

// RowRange is the rowids an organization's rows of a table occupy in a
// merged database: a snapshot's rows are added together, after those
// already there.
type RowRange struct {
	First int64 `json:"first"`
	Last  int64 `json:"last"`
}

// MergeState is what a later merge needs to go on from a merged database
// (ResumeMerger): the rows several organizations hold, and where each
// organization's rows of each table lie (org id → table → range; a table
// missing for an organization listed holds none of its rows).
type MergeState struct {
	Shared []SharedRow                    `json:"shared,omitempty"`
	Rows   map[string]map[string]RowRange `json:"rows,omitempty"`
}

// State is the merge's MergeState.
func (m *Merger) State() MergeState {
	st := MergeState{Shared: m.Shared(), Rows: map[string]map[string]RowRange{}}
	for org, tables := range m.rows {
		if tables == nil {
			continue
		}
		st.Rows[org] = map[string]RowRange{}
		for t, r := range tables {
			st.Rows[org][t] = r
		}
	}
	return st
}

// sharedRows is, by table and id, each holder's values by org_id.
type sharedRows map[string]map[string]map[string]map[string]json.RawMessage

func (s sharedRows) add(tbl, id, org string, values map[string]json.RawMessage) {
	if s[tbl] == nil {
		s[tbl] = map[string]map[string]map[string]json.RawMessage{}
	}
	if s[tbl][id] == nil {
		s[tbl][id] = map[string]map[string]json.RawMessage{}
	}
	s[tbl][id][org] = values
}

// Shared lists the rows several of the merged snapshots hold, by table and
// id, their holders by org_id.
func (m *Merger) Shared() []SharedRow {
	var out []SharedRow
	for tbl, ids := range m.shared {
		for id, holders := range ids {
			if len(holders) < 2 {
				continue
			}
			r := SharedRow{Table: tbl, ID: id}
			for org, v := range holders {
				r.Holders = append(r.Holders, SharedHolder{Org: org, Values: v})
			}
			sort.Slice(r.Holders, func(i, j int) bool { return r.Holders[i].Org < r.Holders[j].Org })
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Table != out[j].Table {
			return out[i].Table < out[j].Table
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Unusable says why the merged database cannot be the base of a later
// merge (ResumeMerger), "" when it can: an id two organizations hold in a
// table other than the shared ones, or a shared row whose holders' content
// differs.
func (m *Merger) Unusable() string { return m.unusable }

// ResumeMerger goes on from an earlier merged database at out (a copy the
// caller made, which this changes): st is that merge's State.
// Remove takes an organization's rows out, Add puts a snapshot's in, and
// the result is the merge of the snapshots of the organizations kept and
// added, as NewMerger would have built it from them. The database must be
// of this build's schema.
func ResumeMerger(ctx context.Context, out string, st MergeState) (*Merger, error) {
	return resume(ctx, out, st, "?_foreign_keys=off&_journal_mode=OFF&_synchronous=OFF")
}

// resume opens the merged database at out with the given parameters and
// goes on from its state st.
func resume(ctx context.Context, out string, st MergeState, params string) (*Merger, error) {
	if _, err := ourHeader(out); err != nil {
		return nil, err
	}
	db, err := sql.Open(driverName, fileURI(out)+params)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	m := &Merger{db: db, out: out, shared: sharedRows{}, rows: map[string]map[string]RowRange{}}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, damagedDatabase(out, err)
	}
	if version != SchemaVersion() {
		db.Close()
		return nil, fmt.Errorf("%w：汇总数据库为第%d版，本程序为第%d版", ErrSchemaVersion, version, SchemaVersion())
	}
	if m.tables, err = tableColumns(ctx, db); err != nil {
		db.Close()
		return nil, damagedDatabase(out, err)
	}
	for org, tables := range st.Rows {
		m.rows[org] = map[string]RowRange{}
		for t, r := range tables {
			m.rows[org][t] = r
		}
	}
	for _, r := range st.Shared {
		if !sharedTables[r.Table] {
			db.Close()
			return nil, fmt.Errorf("汇总记录中的共享表 %s 不是可共享的表", r.Table)
		}
		for _, h := range r.Holders {
			m.shared.add(r.Table, r.ID, h.Org, h.Values)
		}
	}
	return m, nil
}

// Remove deletes every row of the organization. A shared row it holds goes
// to the holder with the smallest org_id left, with that holder's values.
func (m *Merger) Remove(ctx context.Context, orgID string) error {
	if m.inPlace {
		m.pending = append(m.pending, mergeOp{remove: orgID})
		return nil
	}
	tx, err := m.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := m.removeIn(ctx, tx, orgID); err != nil {
		return err
	}
	return tx.Commit()
}

// removeIn deletes every row of the organization within tx (Remove).
func (m *Merger) removeIn(ctx context.Context, tx *sql.Tx, orgID string) error {
	for tbl, ids := range m.shared {
		for id, holders := range ids {
			if _, ok := holders[orgID]; !ok {
				continue
			}
			delete(holders, orgID)
			if len(holders) == 0 {
				delete(ids, id)
				continue
			}
			if err := m.handOver(ctx, tx, tbl, id, holders); err != nil {
				return fmt.Errorf("%s: %w", tbl, err)
			}
			if len(holders) == 1 {
				delete(ids, id)
			}
		}
	}
	ranges := m.rows[orgID]
	known := ranges != nil
	for _, t := range m.tables {
		if notMerged[t.name] {
			continue
		}
		q, args := fmt.Sprintf("DELETE FROM main.%s WHERE org_id = ?", t.name), []any{orgID}
		if known && !sharedTables[t.name] {
			// Its rows lie in the range they were added in: no scan of
			// the others'.
			r, ok := ranges[t.name]
			if !ok {
				continue
			}
			q, args = q+" AND rowid BETWEEN ? AND ?", append(args, r.First, r.Last)
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	delete(m.rows, orgID)
	return nil
}

// handOver gives the shared row tbl/id to the holder of the smallest
// org_id among holders, with its values.
func (m *Merger) handOver(ctx context.Context, tx *sql.Tx, tbl, id string, holders map[string]map[string]json.RawMessage) error {
	next := ""
	for org := range holders {
		if next == "" || org < next {
			next = org
		}
	}
	vals := holders[next]
	cols := make([]string, 0, len(vals))
	for c := range vals {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	set := make([]string, 0, len(cols))
	args := make([]any, 0, len(cols)+1)
	for _, c := range cols {
		if !validColumn(c) {
			return fmt.Errorf("汇总记录中的列名 %q 无效", c)
		}
		v, err := sqlValue(vals[c])
		if err != nil {
			return fmt.Errorf("%s: %w", c, err)
		}
		set, args = append(set, c+" = ?"), append(args, v)
	}
	args = append(args, id)
	_, err := tx.ExecContext(ctx, fmt.Sprintf("UPDATE main.%s SET %s WHERE id = ?", tbl, strings.Join(set, ", ")), args...)
	return err
}

// noteShared records, before src's rows of the shared table t are merged,
// the rows whose id main holds already: main's holder and src's values. A
// content that differs makes the result unusable as a base.
func (m *Merger) noteShared(ctx context.Context, tx *sql.Tx, t table, schema string) error {
	var cols []string
	for _, c := range t.columns {
		if c != "id" && c != sharedColumn {
			cols = append(cols, c)
		}
	}
	sel := []string{"s.id", fmt.Sprintf("s.%[1]s IS m.%[1]s", sharedColumn)}
	for _, c := range cols {
		sel = append(sel, "s."+c, "m."+c)
	}
	rows, err := tx.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s.%s s NOT INDEXED JOIN main.%s m ON m.id = s.id",
		strings.Join(sel, ", "), schema, t.name, t.name))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var same bool
		vals := make([]any, 2*len(cols))
		ptrs := []any{&id, &same}
		for i := range vals {
			ptrs = append(ptrs, &vals[i])
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if !same && m.unusable == "" {
			m.unusable = fmt.Sprintf("%s 表中两个组织的同一编号下内容不同", t.name)
		}
		src, main := map[string]json.RawMessage{}, map[string]json.RawMessage{}
		for i, c := range cols {
			if src[c], err = rawValue(vals[2*i]); err != nil {
				return err
			}
			if main[c], err = rawValue(vals[2*i+1]); err != nil {
				return err
			}
		}
		srcOrg, mainOrg := orgOf(src), orgOf(main)
		m.shared.add(t.name, id, srcOrg, src)
		if _, ok := m.shared[t.name][id][mainOrg]; !ok {
			m.shared.add(t.name, id, mainOrg, main)
		}
	}
	return rows.Err()
}

// orgOf is the org_id among a row's recorded values.
func orgOf(vals map[string]json.RawMessage) string {
	var org string
	json.Unmarshal(vals[string(ColOrgID)], &org)
	return org
}

// rawValue is a column's value as recorded: JSON of the integer, real,
// text or null; a binary value is not expected outside the shared column.
func rawValue(v any) (json.RawMessage, error) {
	switch x := v.(type) {
	case []byte:
		return json.Marshal(string(x))
	case nil, int64, float64, string:
		return json.Marshal(x)
	}
	return nil, fmt.Errorf("无法记录类型为 %T 的值", v)
}

// sqlValue is a recorded value as SQLite takes it: an integer stays an
// integer, a real a real.
func sqlValue(raw json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i, nil
		}
		return x.Float64()
	case nil, string:
		return x, nil
	}
	return nil, fmt.Errorf("记录的值无效：%s", raw)
}

// validColumn tells a column's name from anything else (the names come
// from a file and go into a statement).
func validColumn(c string) bool {
	if c == "" {
		return false
	}
	for _, r := range c {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
