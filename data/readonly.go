package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// roMode is how OpenReadOnly opens a database.
type roMode int

const (
	// roShared opens with mode=ro: SQLite reads the write-ahead log and
	// shares locks with writers, using the -wal and -shm files beside the
	// database or creating them.
	roShared roMode = iota
	// roImmutable opens with immutable=1: SQLite reads the main file as it
	// is, without locks or a log. Only for a database in WAL mode in a
	// folder where the -wal and -shm files cannot be created, which no
	// one can be writing either.
	roImmutable
	// roBlocked refuses: a log with committed writes lies beside the
	// database but SQLite cannot read it without creating the -shm file.
	roBlocked
)

// roFacts is what decides how a database can be opened read-only.
type roFacts struct {
	walMode     bool // the header says WAL mode
	dirWritable bool // files can be created in the database's folder
	walExists   bool // path-wal exists
	walEmpty    bool // path-wal is missing or empty
	shmExists   bool // path-shm exists
}

// readOnlyMode chooses how to open a database read-only. SQLite opens a
// WAL database read-only when its -wal and -shm files exist or can be
// created (https://sqlite.org/wal.html#readonly); otherwise, with no log
// to read, the main file is the whole database and is read as immutable.
func readOnlyMode(f roFacts) roMode {
	switch {
	case !f.walMode || f.dirWritable || (f.walExists && f.shmExists):
		return roShared
	case f.walEmpty:
		return roImmutable
	default:
		return roBlocked
	}
}

// OpenReadOnly opens an existing database of this program for reading
// only: every write fails with ErrReadOnly, nothing is migrated, and the
// files are left as they were (-wal and -shm files SQLite had to create
// for reading are removed again on Close, unless another program is using
// them by then). A database whose schema is older than this build's is
// refused: it must first be opened normally, which upgrades it. A folder
// that cannot be written is fine.
func OpenReadOnly(ctx context.Context, path string, opts ...Option) (*Store, error) {
	h, err := ourHeader(path)
	if err != nil {
		return nil, err
	}
	facts := roFacts{walMode: h.walMode, walEmpty: true}
	if st, err := os.Stat(path + "-wal"); err == nil {
		facts.walExists, facts.walEmpty = true, st.Size() == 0
	}
	_, err = os.Stat(path + "-shm")
	facts.shmExists = err == nil
	if facts.walMode && !(facts.walExists && facts.shmExists) {
		facts.dirWritable = dirWritable(filepath.Dir(path))
	}
	uri := fileURI(path) + "?mode=ro&_foreign_keys=on&_busy_timeout=10000"
	switch readOnlyMode(facts) {
	case roImmutable:
		uri += "&immutable=1"
	case roBlocked:
		return nil, fmt.Errorf("数据库有尚未写回的更改，而所在文件夹不可写，无法只读打开；请在可写的位置用本程序正常打开一次：%s", path)
	}
	db, err := sql.Open(driverName, uri)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, now: time.Now, actor: defaultActor(), readOnly: true}
	for _, o := range opts {
		o(s)
	}
	s.Tables = newTables(storeExec{s})
	if facts.walMode && !facts.walExists && facts.dirWritable {
		s.closed = func() { tidyLog(path) }
	}
	if err := checkReadOnlySchema(ctx, db, path); err != nil {
		s.Close()
		return nil, damagedDatabase(path, err)
	}
	if err := s.loadOrg(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// checkReadOnlySchema refuses a database whose schema is not this build's.
func checkReadOnlySchema(ctx context.Context, db *sql.DB, path string) error {
	var version, appID int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("无法打开数据库：%w", err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("无法打开数据库：%w", err)
	}
	ours := SchemaVersion()
	switch {
	case appID != applicationID:
		return notOurs(path)
	case version > ours:
		return newerError(version, ours)
	case version < ours:
		return fmt.Errorf("%w：数据库为第%d版，本程序为第%d版；请先用本程序正常打开一次以完成升级，再只读打开：%s",
			ErrNeedsUpgrade, version, ours, path)
	}
	return nil
}

// ErrConsolidated is what a write to a consolidated database opened with
// Consolidated says: its records are the organizations' and are changed
// in their own databases. errors.Is(ErrConsolidated, ErrReadOnly) holds.
var ErrConsolidated error = consolidatedRefusal{}

// consolidatedRefusal is ErrConsolidated's type: a read-only refusal with
// its own words.
type consolidatedRefusal struct{}

func (consolidatedRefusal) Error() string {
	return "汇总数据由各二级党组织维护，党委端不能修改；请由相关组织在本组织的程序中修改，下次汇总时即更新"
}

// Is makes ErrConsolidated an ErrReadOnly.
func (consolidatedRefusal) Is(target error) bool { return target == ErrReadOnly }

// Consolidated marks a store opened with OpenReadOnly as a consolidated
// database: a write is refused with ErrConsolidated.
func Consolidated() Option { return func(s *Store) { s.refusal = ErrConsolidated } }

// ReadOnly tells whether the store refuses every write.
func (s *Store) ReadOnly() bool { return s.readOnly }

// ErrNeedsUpgrade refuses a read-only opening of a database whose schema
// an earlier build wrote.
var ErrNeedsUpgrade = errors.New("数据库需要先升级")

// tidyLog removes the -wal and -shm files a read-only connection created:
// a read-write connection that writes nothing is opened and closed, and
// SQLite, on closing the last connection to the database, checkpoints the
// (empty) log and removes both files. While another connection uses the
// database they stay, as they must. The main file is not written: the log
// holds nothing to copy into it.
func tidyLog(path string) {
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() > 0 {
		return
	}
	db, err := sql.Open(driverName, fileURI(path)+"?_query_only=1&_busy_timeout=1000")
	if err != nil {
		return
	}
	defer db.Close()
	var v int
	db.QueryRow("PRAGMA schema_version").Scan(&v)
}

// dirWritable reports whether files can be created in dir, by creating
// one and removing it again: permissions alone do not tell (an
// administrator, access control lists, a read-only mount). A variable, so
// that tests running as root can have a folder that cannot be written.
var dirWritable = func(dir string) bool {
	f, err := os.CreateTemp(dir, ".dangjian-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
