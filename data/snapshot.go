package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

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
		return fmt.Errorf("无法建立快照：%w", err)
	}
	defer dstConn.Close()
	// The copy is a scratch file until it is complete: no journal, no
	// syncs (a failure removes it).
	if _, err := dstConn.ExecContext(ctx, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF"); err != nil {
		return fmt.Errorf("无法建立快照：%w", err)
	}
	srcConn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("无法建立快照：%w", err)
	}
	defer srcConn.Close()
	err = dstConn.Raw(func(d any) error {
		return srcConn.Raw(func(src any) error {
			return backupAll(d.(*sqlite3.SQLiteConn), src.(*sqlite3.SQLiteConn))
		})
	})
	if err != nil {
		return fmt.Errorf("无法建立快照：%w", err)
	}
	if _, err := dstConn.ExecContext(ctx, "PRAGMA journal_mode = DELETE"); err != nil {
		return fmt.Errorf("无法建立快照：%w", err)
	}
	return nil
}

// CheckSnapshot runs SQLite's integrity check on a snapshot file made by
// Snapshot, without changing it (ErrDamaged when it fails).
func CheckSnapshot(ctx context.Context, path string) error {
	db, err := sql.Open(driverName, frozenURI(path))
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
	return verdictOK(ctx, q, "PRAGMA integrity_check(1)")
}

// verdictOK runs one of SQLite's checks, whose first row is "ok" when it
// found nothing (ErrDamaged otherwise).
func verdictOK(ctx context.Context, q queryer, check string) error {
	var verdict string
	if err := q.QueryRowContext(ctx, check).Scan(&verdict); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
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
	ErrForeignRows   = errors.New("快照中有不属于该组织的记录")
)

// InspectSnapshot checks a plaintext snapshot file without changing it: a
// database of this program, the schema of this build or of an earlier one
// (version, and every table, index and view as that version made them: an
// organization that has not yet installed a new build still consolidates,
// once UpgradeSnapshot has brought its copy forward; a newer version is
// ErrSchemaVersion, with info.SchemaVersion telling it), SQLite's checks of
// what a merge reads (checkMerged), exactly one organization, which it
// returns, every merged row owned by that organization, and every
// attachment's content matching its hash. A snapshot that passes can only
// add its own organization's rows to a consolidated database.
func InspectSnapshot(ctx context.Context, path string) (SnapshotInfo, error) {
	var info SnapshotInfo
	if _, err := checkHeader(path); err != nil {
		if errors.Is(err, ErrNotOurs) {
			return info, err
		}
		return info, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	db, err := sql.Open(driverName, frozenURI(path))
	if err != nil {
		return info, err
	}
	defer db.Close()
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&info.SchemaVersion); err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if info.SchemaVersion < 1 || info.SchemaVersion > SchemaVersion() {
		return info, fmt.Errorf("%w：快照为第%d版，本程序为第%d版", ErrSchemaVersion, info.SchemaVersion, SchemaVersion())
	}
	if err := sameSchema(ctx, db, info.SchemaVersion); err != nil {
		return info, err
	}
	tables, err := tableColumns(ctx, db)
	if err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if err := checkMerged(ctx, db, info.SchemaVersion, tables); err != nil {
		return info, err
	}
	var n, live int
	if err := db.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE deleted_at IS NULL),
			coalesce(max(id), ''), coalesce(max(name), '') FROM orgs NOT INDEXED`).
		Scan(&n, &live, &info.OrgID, &info.OrgName); err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if n != 1 || live != 1 {
		return info, fmt.Errorf("%w （%d个）", ErrOrgCount, live)
	}
	if err := ownedBy(ctx, db, info.OrgID, tables); err != nil {
		return info, err
	}
	return info, nil
}

// checkMerged runs SQLite's checks over what a merge reads of a snapshot
// of this build's schema: each merged table's b-tree and records (quick
// check), and, for a table with a UNIQUE index of its own, the full
// integrity check, which also proves that index consistent with the table
// (a consolidated database makes it again and would otherwise fail).
// Every read of a snapshot's table scans the table itself (NOT INDEXED), so
// the other indexes' content is never used. The edit history is not merged
// and not read. A snapshot of an earlier schema gets the whole file's
// integrity check: its migrations may read any index.
func checkMerged(ctx context.Context, db *sql.DB, version int, tables []table) error {
	if version != SchemaVersion() {
		return integrityOK(ctx, db)
	}
	for _, t := range tables {
		if notMerged[t.name] {
			continue
		}
		var unique int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_index_list(?) WHERE "unique" AND origin = 'c'`, t.name).Scan(&unique); err != nil {
			return fmt.Errorf("%w: %v", ErrNotOurs, err)
		}
		check := "quick_check"
		if unique > 0 {
			check = "integrity_check"
		}
		if err := verdictOK(ctx, db, fmt.Sprintf("PRAGMA %s(%s)", check, t.name)); err != nil {
			return err
		}
	}
	return nil
}

// sameSchema compares the snapshot's schema, object by object, with the
// one this build makes at that version.
func sameSchema(ctx context.Context, db *sql.DB, version int) error {
	want, err := expectedSchema(ctx, version)
	if err != nil {
		return err
	}
	got, err := schemaOf(ctx, db)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if got != want {
		return fmt.Errorf("%w：表或索引与本程序的不同", ErrSchemaVersion)
	}
	return nil
}

// schemaMade is the schema of a new database at one version, made once.
type schemaMade struct {
	once sync.Once
	text string
	err  error
}

// schemas holds a schemaMade by version.
var schemas sync.Map // int → *schemaMade

// expectedSchema is the schema a new database of this build has at the
// version, made once in memory.
func expectedSchema(ctx context.Context, version int) (string, error) {
	v, _ := schemas.LoadOrStore(version, &schemaMade{})
	made := v.(*schemaMade)
	made.once.Do(func() {
		db, err := sql.Open(driverName, fmt.Sprintf("file:expected-schema-%d?mode=memory", version))
		if err != nil {
			made.err = err
			return
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		if made.err = migrateTo(ctx, db, true, version); made.err == nil {
			made.text, made.err = schemaOf(ctx, db)
		}
	})
	return made.text, made.err
}

func schemaOf(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, tbl, text string
		if err := rows.Scan(&typ, &name, &tbl, &text); err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%s\x00%s\x00%s\x00%s\n", typ, name, tbl, text)
	}
	return b.String(), rows.Err()
}

// ownedBy checks that every row of every merged table belongs to orgID
// (the organization's own row included) and that every blob's id is the
// SHA-256 of its content.
func ownedBy(ctx context.Context, db *sql.DB, orgID string, tables []table) error {
	for _, t := range tables {
		if notMerged[t.name] {
			continue
		}
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+t.name+" NOT INDEXED WHERE org_id IS NOT ?", orgID).Scan(&n); err != nil {
			return fmt.Errorf("%w: %v", ErrNotOurs, err)
		}
		if n > 0 {
			return fmt.Errorf("%w（%s表%d条）", ErrForeignRows, t.name, n)
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM orgs NOT INDEXED WHERE id IS NOT ?", orgID).Scan(&n); err != nil || n > 0 {
		return fmt.Errorf("%w（组织表）", ErrForeignRows)
	}
	rows, err := db.QueryContext(ctx, "SELECT id, content FROM blobs NOT INDEXED")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var content []byte
		if err := rows.Scan(&id, &content); err != nil {
			return err
		}
		if sum := sha256.Sum256(content); hex.EncodeToString(sum[:]) != id {
			return fmt.Errorf("%w：附件内容与其校验和不符", ErrForeignRows)
		}
	}
	return rows.Err()
}
