package data

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Merge builds a consolidated database at out from verified snapshot files
// of several organizations (see Merger). out must not exist; on failure
// nothing is left there.
func Merge(ctx context.Context, out string, sources []string) error {
	m, err := NewMerger(ctx, out)
	if err != nil {
		return err
	}
	for _, src := range sources {
		if err := m.Add(ctx, src); err != nil {
			m.Abort()
			return err
		}
	}
	return m.Finish(ctx)
}

// Merger builds a consolidated database one snapshot at a time. Rows are a
// union (every row has one owner and a UUIDv7 id); should two snapshots
// hold the same id, as attachment contents shared by two organizations
// do, the row of the organization with the smaller id is kept, so the
// result does not depend on the order snapshots are added. Each
// organization's audit log stays in its snapshot and is not merged.
type Merger struct {
	db      *sql.DB
	out     string
	tables  []table
	indexes []string // made again by Finish
	// shared holds, for the rows whose id several snapshots hold (the
	// blobs of attachments several organizations share), each holder's
	// values, so that removing an organization leaves the row of the next
	// one (Remove).
	shared sharedRows
	// unusable, when set, says why the result cannot be the base of a
	// later merge (ResumeMerger): a row id two organizations hold in a
	// table whose rows are not shared by content.
	unusable string
	// rows are where each organization's rows of each table lie, for
	// Remove; an organization missing, or with nil, has rows anywhere.
	rows map[string]map[string]RowRange
	// inPlace: an update in place (UpdateInPlace), whose changes wait in
	// pending until Finish; testAfterOp, when set, is called after each.
	inPlace     bool
	pending     []mergeOp
	testAfterOp func(i int) error
}

// NewMerger starts a consolidated database at out, which must not exist.
func NewMerger(ctx context.Context, out string) (*Merger, error) {
	if _, err := os.Stat(out); err == nil {
		return nil, fmt.Errorf("%w: %s", ErrExists, out)
	}
	db, err := sql.Open(driverName, fileURI(out)+"?_foreign_keys=off&_journal_mode=OFF&_synchronous=OFF")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	m := &Merger{db: db, out: out, shared: sharedRows{}, rows: map[string]map[string]RowRange{}}
	if err := m.start(ctx); err != nil {
		m.Abort()
		return nil, err
	}
	return m, nil
}

func (m *Merger) start(ctx context.Context) error {
	if err := migrate(ctx, m.db, true); err != nil {
		return err
	}
	var err error
	if m.tables, err = tableColumns(ctx, m.db); err != nil {
		return err
	}
	m.indexes, err = dropIndexes(ctx, m.db)
	return err
}

// Add copies every row of one verified snapshot, in one transaction.
func (m *Merger) Add(ctx context.Context, src string) error {
	if m.inPlace {
		m.pending = append(m.pending, mergeOp{add: src})
		return nil
	}
	if err := m.mergeOne(ctx, src); err != nil {
		return fmt.Errorf("合并 %s 失败：%w", src, err)
	}
	return nil
}

// Finish makes the indexes and closes the database.
func (m *Merger) Finish(ctx context.Context) error {
	if m.inPlace {
		return m.finishInPlace(ctx)
	}
	// Let SQLite sort on a second thread while it builds the indexes.
	if _, err := m.db.ExecContext(ctx, "PRAGMA threads = 4"); err != nil {
		m.Abort()
		return err
	}
	for _, ddl := range m.indexes {
		if _, err := m.db.ExecContext(ctx, ddl); err != nil {
			m.Abort()
			return fmt.Errorf("合并后建立索引失败：%w", err)
		}
	}
	if _, err := m.db.ExecContext(ctx, "PRAGMA journal_mode = DELETE"); err != nil {
		m.Abort()
		return err
	}
	return m.db.Close()
}

// Abort closes the database and removes it; an update in place leaves
// it as it was.
func (m *Merger) Abort() {
	m.db.Close()
	if m.inPlace {
		return
	}
	removeDatabase(m.out)
}

// notMerged are tables a consolidated database leaves empty: each
// organization's edit history stays in its own snapshots.
var notMerged = map[string]bool{"audit_log": true}

// dropIndexes removes the schema's indexes, returning the statements that
// make them again: building an index once after a bulk load is several
// times faster than keeping it up to date row by row.
func dropIndexes(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
	if err != nil {
		return nil, err
	}
	var names, ddl []string
	for rows.Next() {
		var n, s string
		if err := rows.Scan(&n, &s); err != nil {
			rows.Close()
			return nil, err
		}
		names, ddl = append(names, n), append(ddl, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, n := range names {
		if _, err := db.ExecContext(ctx, "DROP INDEX "+n); err != nil {
			return nil, err
		}
	}
	return ddl, nil
}

// table is a table's name and columns, in declaration order.
type table struct {
	name    string
	columns []string
}

func tableColumns(ctx context.Context, db *sql.DB) ([]table, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	tables := make([]table, 0, len(names))
	for _, n := range names {
		cols, err := columnsOf(ctx, db, n)
		if err != nil {
			return nil, err
		}
		tables = append(tables, table{n, cols})
	}
	return tables, nil
}

func columnsOf(ctx context.Context, db *sql.DB, name string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// mergeOne copies every row of one snapshot in one transaction. The rows
// of a table are inserted as they are; should an id be there already, the
// row of the smaller org_id is kept (mergeStatement) and the id recorded:
// in m.shared for a shared table, in m.unusable for any other.
func (m *Merger) mergeOne(ctx context.Context, src string) error {
	db := m.db
	if _, err := db.ExecContext(ctx, "ATTACH DATABASE ? AS src", frozenURI(src)); err != nil {
		return err
	}
	defer db.ExecContext(context.WithoutCancel(ctx), "DETACH DATABASE src")
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	org, ranges, err := m.mergeRows(ctx, tx, "src")
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	m.noteRows(org, ranges)
	return nil
}

// mergeRows copies the rows of the snapshot attached as schema within tx
// and returns its organization and where its rows went.
func (m *Merger) mergeRows(ctx context.Context, tx *sql.Tx, schema string) (string, map[string]RowRange, error) {
	org, err := snapshotOrg(ctx, tx, schema)
	if err != nil {
		return "", nil, err
	}
	ranges := map[string]RowRange{}
	for _, t := range m.tables {
		if notMerged[t.name] {
			continue
		}
		have, err := sourceColumns(ctx, tx, t, schema)
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w", t.name, err)
		}
		if len(have.columns) == 0 {
			continue // a table an earlier schema did not have
		}
		before, err := lastRowid(ctx, tx, t.name)
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w", t.name, err)
		}
		if err := m.mergeTable(ctx, tx, have, schema); err != nil {
			return "", nil, fmt.Errorf("%s: %w", t.name, err)
		}
		after, err := lastRowid(ctx, tx, t.name)
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w", t.name, err)
		}
		if after > before {
			ranges[t.name] = RowRange{First: before + 1, Last: after}
		}
	}
	return org, ranges, nil
}

// noteRows records where the organization's rows of a merged snapshot lie.
func (m *Merger) noteRows(org string, ranges map[string]RowRange) {
	if _, twice := m.rows[org]; twice {
		ranges = nil // its rows lie in two ranges: Remove scans
	}
	if org != "" {
		m.rows[org] = ranges
	}
}

// snapshotOrg is the organization whose snapshot is attached as schema,
// "" when it does not hold exactly one.
func snapshotOrg(ctx context.Context, tx *sql.Tx, schema string) (string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM "+schema+".orgs NOT INDEXED LIMIT 2")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return "", err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil || len(ids) != 1 {
		return "", err
	}
	return ids[0], nil
}

// lastRowid is the largest rowid of main's table, 0 when it is empty; a
// row added next gets a larger one.
func lastRowid(ctx context.Context, tx *sql.Tx, table string) (int64, error) {
	var n int64
	err := tx.QueryRowContext(ctx, fmt.Sprintf("SELECT coalesce(max(rowid), 0) FROM main.%s", table)).Scan(&n)
	return n, err
}

// mergeTable copies the rows of t of the snapshot attached as schema
// into main.
func (m *Merger) mergeTable(ctx context.Context, tx *sql.Tx, t table, schema string) error {
	if sharedTables[t.name] {
		if err := m.noteShared(ctx, tx, t, schema); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, mergeStatement(t, schema))
		return err
	}
	// Ids are UUIDv7 of one owner each: a plain insert, which stops at
	// the first id already there (keeping the rows before it), is the
	// rule; the upsert then does the rest.
	if _, err := tx.ExecContext(ctx, insertStatement(t, schema)); err == nil {
		return nil
	}
	if _, err := tx.ExecContext(ctx, mergeStatement(t, schema)); err != nil {
		return err
	}
	if m.unusable == "" {
		m.unusable = fmt.Sprintf("%s 表中有两个组织的记录编号相同", t.name)
	}
	return nil
}

// sourceColumns is t with only the columns the attached snapshot's table
// has: a snapshot of an earlier schema lacks the columns added since,
// which keep their defaults in the consolidated database.
func sourceColumns(ctx context.Context, tx *sql.Tx, t table, schema string) (table, error) {
	rows, err := tx.QueryContext(ctx, "SELECT name FROM pragma_table_info(?, ?)", t.name, schema)
	if err != nil {
		return table{}, err
	}
	defer rows.Close()
	has := map[string]bool{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return table{}, err
		}
		has[c] = true
	}
	if err := rows.Err(); err != nil {
		return table{}, err
	}
	out := table{name: t.name}
	for _, c := range t.columns {
		if has[c] {
			out.columns = append(out.columns, c)
		}
	}
	return out, nil
}

// insertStatement copies src's rows of t into main, failing at the first
// id already there (the rows copied before it stay).
func insertStatement(t table, schema string) string {
	cols := strings.Join(t.columns, ", ")
	return fmt.Sprintf("INSERT OR FAIL INTO main.%s (%s) SELECT %s FROM %s.%s NOT INDEXED", t.name, cols, cols, schema, t.name)
}

// mergeStatement copies src's rows of t into main; a row whose id is
// already there replaces it only when its org_id is smaller.
func mergeStatement(t table, schema string) string {
	cols := strings.Join(t.columns, ", ")
	set := make([]string, 0, len(t.columns))
	for _, c := range t.columns {
		if c != "id" {
			set = append(set, fmt.Sprintf("%s = excluded.%s", c, c))
		}
	}
	return fmt.Sprintf("INSERT INTO main.%s (%s) SELECT %s FROM %s.%s NOT INDEXED WHERE true ON CONFLICT(id) DO UPDATE SET %s WHERE excluded.org_id < main.%s.org_id",
		t.name, cols, cols, schema, t.name, strings.Join(set, ", "), t.name)
}

// CanonicalDump writes the logical content of the database at path: every
// table by name, every row by id, one JSON array per line, binary values as
// hex. Two databases with equal dumps hold the same records.
func CanonicalDump(ctx context.Context, path string, w io.Writer) error {
	db, err := sql.Open(driverName, fileURI(path)+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	tables, err := tableColumns(ctx, db)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	for _, t := range tables {
		if err := enc.Encode([]string{"table", t.name}); err != nil {
			return err
		}
		if err := dumpTable(ctx, db, t, enc); err != nil {
			return err
		}
	}
	return nil
}

func dumpTable(ctx context.Context, db *sql.DB, t table, enc *json.Encoder) error {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s ORDER BY id", strings.Join(t.columns, ", "), t.name))
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]any, len(t.columns))
	ptrs := make([]any, len(t.columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = hex.EncodeToString(b)
			}
		}
		if err := enc.Encode(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}
