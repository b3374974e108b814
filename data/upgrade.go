package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrUpgrade reports a snapshot of an earlier schema that could not be
// brought forward to this build's schema, or that no longer passed the
// checks once it was.
var ErrUpgrade = errors.New("快照无法升级到本程序的数据库结构")

// UpgradeSnapshot brings a snapshot file of an earlier schema forward to
// this build's, in place, by this build's migrations and nothing else. It
// is meant for the committee's private scratch copy of a plaintext that
// InspectSnapshot has passed (the schema that release made, one
// organization, every row its own). The upgraded file is checked again:
// this build's schema, the same single organization, every row still
// owned by it, so that no migration can add another owner's rows to a
// consolidation. from and to are the versions before and after; a file
// already at this build's version is not written.
func UpgradeSnapshot(ctx context.Context, path string) (from, to int, err error) {
	to = SchemaVersion()
	if _, err := checkHeader(path); err != nil {
		return 0, to, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	db, err := sql.Open(driverName, fileURI(path)+"?_foreign_keys=on&_journal_mode=DELETE")
	if err != nil {
		return 0, to, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&from); err != nil {
		return 0, to, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if from == to {
		return from, to, nil
	}
	if from < 1 || from > to {
		return from, to, fmt.Errorf("%w：快照为第%d版，本程序为第%d版", ErrSchemaVersion, from, to)
	}
	orgID, err := soleOrg(ctx, db)
	if err != nil {
		return from, to, err
	}
	if err := migrateTo(ctx, db, false, to); err != nil {
		return from, to, fmt.Errorf("%w（第%d版到第%d版）：%v", ErrUpgrade, from, to, err)
	}
	if err := upgraded(ctx, db, orgID); err != nil {
		return from, to, fmt.Errorf("%w（第%d版到第%d版）：%w", ErrUpgrade, from, to, err)
	}
	return from, to, nil
}

// soleOrg is the id of the snapshot's one organization.
func soleOrg(ctx context.Context, db *sql.DB) (string, error) {
	var n int
	var id string
	if err := db.QueryRowContext(ctx, "SELECT count(*), coalesce(max(id), '') FROM orgs").Scan(&n, &id); err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if n != 1 {
		return "", fmt.Errorf("%w （%d个）", ErrOrgCount, n)
	}
	return id, nil
}

// upgraded checks a snapshot after its migrations as InspectSnapshot
// checks one: this build's schema, still the one organization orgID, and
// every row owned by it.
func upgraded(ctx context.Context, db *sql.DB, orgID string) error {
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version != SchemaVersion() {
		return fmt.Errorf("%w：升级后为第%d版", ErrSchemaVersion, version)
	}
	if err := sameSchema(ctx, db, version); err != nil {
		return err
	}
	id, err := soleOrg(ctx, db)
	if err != nil {
		return err
	}
	if id != orgID {
		return fmt.Errorf("%w（组织表）", ErrForeignRows)
	}
	tables, err := tableColumns(ctx, db)
	if err != nil {
		return err
	}
	return ownedBy(ctx, db, orgID, tables)
}
