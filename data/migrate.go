package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"sort"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// applicationID marks a SQLite file as a dangjian database ("DJJ1").
const applicationID = 0x444A4A31

// extraMigrations follow the embedded scripts. Only tests set it: a
// migration of a later release, to prove that a snapshot of this schema
// upgrades and merges into that release's consolidated database.
var extraMigrations []string

// migrations returns the embedded migration scripts in order, then
// extraMigrations.
func migrations() ([]string, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	scripts := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFiles.ReadFile("migrations/" + n)
		if err != nil {
			return nil, err
		}
		scripts[i] = string(b)
	}
	return append(scripts, extraMigrations...), nil
}

// SchemaVersion is the schema version this build writes and reads.
func SchemaVersion() int {
	m, _ := migrations()
	return len(m)
}

// migrate brings the schema forward to SchemaVersion, one transaction per
// step. It refuses a database from a newer build or another application,
// and lays a schema into an empty file only when creating.
func migrate(ctx context.Context, db *sql.DB, creating bool) error {
	return migrateTo(ctx, db, creating, SchemaVersion())
}

// migrateTo brings the schema forward to version target (at most
// SchemaVersion), as migrate does: the schema an earlier build wrote.
func migrateTo(ctx context.Context, db *sql.DB, creating bool, target int) error {
	scripts, err := migrations()
	if err != nil {
		return err
	}
	if target < len(scripts) {
		scripts = scripts[:target]
	}
	var version, appID int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("无法读取数据库：%w", err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("无法读取数据库：%w", err)
	}
	if appID != 0 && appID != applicationID {
		return fmt.Errorf("该文件不是本程序的数据库")
	}
	if appID == 0 && !creating {
		return fmt.Errorf("该文件不是本程序的数据库")
	}
	if version > len(scripts) {
		return newerError(version, len(scripts))
	}
	for v := version; v < len(scripts); v++ {
		if err := migrateStep(ctx, db, v+1, scripts[v]); err != nil {
			return fmt.Errorf("数据库升级到第%d版失败：%w", v+1, err)
		}
	}
	return nil
}

func migrateStep(ctx context.Context, db *sql.DB, version int, script string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return err
	}
	if current >= version { // another process migrated meanwhile
		return nil
	}
	if _, err := tx.ExecContext(ctx, script); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, version)); err != nil {
		return err
	}
	return tx.Commit()
}
