package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// CopyAtVersion writes at dst a database holding the rows of the database
// at src, in the schema an earlier build made at version: every table as
// that version declared it, its rows copied column by column. It stands for
// a file an organization's older program wrote.
func CopyAtVersion(ctx context.Context, src, dst string, version int) error {
	db, err := sql.Open(driverName, fileURI(dst)+"?_foreign_keys=off")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := migrateTo(ctx, db, true, version); err != nil {
		return err
	}
	tables, err := tableColumns(ctx, db)
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, "ATTACH DATABASE ? AS src", fileURI(src)+"?mode=ro"); err != nil {
		return err
	}
	for _, t := range tables {
		cols := strings.Join(t.columns, ", ")
		q := fmt.Sprintf("INSERT INTO main.%s (%s) SELECT %s FROM src.%s", t.name, cols, cols, t.name)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	_, err = db.ExecContext(ctx, "DETACH DATABASE src")
	return err
}
