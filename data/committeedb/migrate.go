package committeedb

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations bring the schema forward, one step per version (PRAGMA
// user_version counts the steps taken); released steps never change.
var migrations = []string{
	// 1: the 处理情况 of cross-organization findings, by the finding's key,
	// and every version of it.
	`CREATE TABLE finding_notes (
		key        TEXT PRIMARY KEY,
		kind       TEXT NOT NULL,
		note       TEXT NOT NULL,
		author     TEXT NOT NULL,
		updated_at TEXT NOT NULL
	);
	CREATE TABLE finding_note_log (
		id         INTEGER PRIMARY KEY,
		key        TEXT NOT NULL,
		note       TEXT NOT NULL,
		author     TEXT NOT NULL,
		at         TEXT NOT NULL
	);
	CREATE INDEX finding_note_log_key ON finding_note_log (key, id);`,
	// 2: figures computed from a consolidated result, kept so that the
	// 全校概览 opens at once the next time (by what they were computed
	// from: the result, the year, the day, the build).
	`CREATE TABLE figures_cache (
		key     TEXT NOT NULL,
		org_id  TEXT NOT NULL,
		body    TEXT NOT NULL,
		made_at TEXT NOT NULL,
		PRIMARY KEY (key, org_id)
	);`,
}

// migrate takes the steps the database lacks, each in a transaction; a
// database of a newer release is refused.
func (d *DB) migrate(ctx context.Context) error {
	var version int
	if err := d.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("党委数据库由较新版本的程序写入(第%d版,本程序为第%d版),请升级程序: %s", version, len(migrations), d.path)
	}
	for v := version; v < len(migrations); v++ {
		err := d.write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("无法升级党委数据库: %w", err)
		}
	}
	return nil
}
