package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Snapshot writes a consistent copy of the database to path with SQLite's
// online backup in one step (one read transaction's view, page for page)
// and turns the copy into a plain rollback-journal file; CheckSnapshot
// checks its integrity. It refuses to overwrite a file and leaves none on
// failure.
func (s *Store) Snapshot(ctx context.Context, path string) (err error) {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%w: %s", ErrExists, path)
	}
	defer func() {
		if err != nil {
			removeDatabase(path)
		}
	}()
	dst, err := sql.Open(driverName, fileURI(path))
	if err != nil {
		return err
	}
	defer dst.Close()
	dstConn, err := dst.Conn(ctx)
	if err != nil {
		return fmt.Errorf("无法建立快照: %w", err)
	}
	defer dstConn.Close()
	// The copy is a scratch file until it is complete: no journal, no
	// syncs (a failure removes it).
	if _, err := dstConn.ExecContext(ctx, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF"); err != nil {
		return fmt.Errorf("无法建立快照: %w", err)
	}
	srcConn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("无法建立快照: %w", err)
	}
	defer srcConn.Close()
	err = dstConn.Raw(func(d any) error {
		return srcConn.Raw(func(src any) error {
			return backupAll(d.(*sqlite3.SQLiteConn), src.(*sqlite3.SQLiteConn))
		})
	})
	if err != nil {
		return fmt.Errorf("无法建立快照: %w", err)
	}
	if _, err := dstConn.ExecContext(ctx, "PRAGMA journal_mode = DELETE"); err != nil {
		return fmt.Errorf("无法建立快照: %w", err)
	}
	return nil
}

// CheckSnapshot runs SQLite's integrity check on a snapshot file made by
// Snapshot, without changing it (ErrDamaged when it fails).
func CheckSnapshot(ctx context.Context, path string) error {
	db, err := sql.Open(driverName, fileURI(path)+"?mode=ro&immutable=1")
	if err != nil {
		return err
	}
	defer db.Close()
	return integrityOK(ctx, db)
}

func backupAll(dst, src *sqlite3.SQLiteConn) error {
	b, err := dst.Backup("main", src, "main")
	if err != nil {
		return err
	}
	if _, err := b.Step(-1); err != nil {
		b.Close()
		return err
	}
	return b.Finish()
}

// ErrDamaged reports a database that fails SQLite's integrity check.
var ErrDamaged = errors.New("数据库完整性检查未通过")

func integrityOK(ctx context.Context, q queryer) error {
	var verdict string
	if err := q.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&verdict); err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if verdict != "ok" {
		return fmt.Errorf("%w: %s", ErrDamaged, verdict)
	}
	return nil
}

// SnapshotInfo is what a verified snapshot says about itself.
type SnapshotInfo struct {
	OrgID         string
	OrgName       string
	SchemaVersion int
}

// Errors InspectSnapshot returns, so that callers can name the reason.
var (
	ErrNotOurs       = errors.New("不是本程序的数据库")
	ErrSchemaVersion = errors.New("数据库结构版本不符")
	ErrOrgCount      = errors.New("快照中的组织不是恰好一个")
)

// InspectSnapshot checks a plaintext snapshot file without changing it: a
// database of this program, SQLite's integrity check, the schema version of
// this build, and exactly one organization, which it returns.
func InspectSnapshot(ctx context.Context, path string) (SnapshotInfo, error) {
	var info SnapshotInfo
	if err := checkHeader(path); err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	db, err := sql.Open(driverName, fileURI(path)+"?mode=ro&immutable=1")
	if err != nil {
		return info, err
	}
	defer db.Close()
	if err := integrityOK(ctx, db); err != nil {
		return info, err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&info.SchemaVersion); err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if info.SchemaVersion != SchemaVersion() {
		return info, fmt.Errorf("%w: 快照为第%d版,本程序为第%d版", ErrSchemaVersion, info.SchemaVersion, SchemaVersion())
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*), coalesce(max(id), ''), coalesce(max(name), '') FROM orgs WHERE deleted_at IS NULL").
		Scan(&n, &info.OrgID, &info.OrgName); err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if n != 1 {
		return info, fmt.Errorf("%w (%d个)", ErrOrgCount, n)
	}
	return info, nil
}
