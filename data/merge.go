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
// of several organizations. Rows are a union (every row has one owner and a
// UUIDv7 id); should two snapshots hold the same id, as attachment contents
// shared by two organizations do, the row of the organization with the
// smaller id is kept, so the result does not depend on the order of
// sources. out must not exist; on failure nothing is left there.
func Merge(ctx context.Context, out string, sources []string) (err error) {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%w: %s", ErrExists, out)
	}
	defer func() {
		if err != nil {
			removeDatabase(out)
		}
	}()
	db, err := sql.Open(driverName, out+"?_foreign_keys=off&_journal_mode=OFF&_synchronous=OFF")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := migrate(ctx, db, true); err != nil {
		return err
	}
	tables, err := tableColumns(ctx, db)
	if err != nil {
		return err
	}
	for _, src := range sources {
		if err := mergeOne(ctx, db, tables, src); err != nil {
			return fmt.Errorf("合并 %s 失败: %w", src, err)
		}
	}
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode = DELETE"); err != nil {
		return err
	}
	return integrityOK(ctx, db)
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

// mergeOne copies every row of one snapshot in one transaction.
func mergeOne(ctx context.Context, db *sql.DB, tables []table, src string) error {
	if _, err := db.ExecContext(ctx, "ATTACH DATABASE ? AS src", "file:"+src+"?mode=ro&immutable=1"); err != nil {
		return err
	}
	defer db.ExecContext(context.WithoutCancel(ctx), "DETACH DATABASE src")
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, mergeStatement(t)); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return tx.Commit()
}

// mergeStatement copies src's rows of t into main; a row whose id is
// already there replaces it only when its org_id is smaller.
func mergeStatement(t table) string {
	cols := strings.Join(t.columns, ", ")
	set := make([]string, 0, len(t.columns))
	for _, c := range t.columns {
		if c != "id" {
			set = append(set, fmt.Sprintf("%s = excluded.%s", c, c))
		}
	}
	return fmt.Sprintf("INSERT INTO main.%s (%s) SELECT %s FROM src.%s WHERE true ON CONFLICT(id) DO UPDATE SET %s WHERE excluded.org_id < main.%s.org_id",
		t.name, cols, cols, t.name, strings.Join(set, ", "), t.name)
}

// CanonicalDump writes the logical content of the database at path: every
// table by name, every row by id, one JSON array per line, binary values as
// hex. Two databases with equal dumps hold the same records.
func CanonicalDump(ctx context.Context, path string, w io.Writer) error {
	db, err := sql.Open(driverName, "file:"+path+"?mode=ro")
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
