package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/user"
	"sync"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// driverName is go-sqlite3 with per-connection tuning: a larger page cache
// and memory-mapped reads, which halve the time of the rules' aggregate
// queries on large organizations.
const driverName = "sqlite3_dangjian"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			_, err := c.Exec("PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY", nil)
			return err
		},
	})
}

// Errors the store returns for rows that are not there or changed meanwhile.
var (
	ErrNotFound = errors.New("记录不存在或已删除")
	ErrConflict = errors.New("记录已被他人修改，请刷新后重试")
	ErrExists   = errors.New("数据库文件已存在")
	ErrMissing  = errors.New("数据库文件不存在")
	ErrReadOnly = errors.New("数据库以只读方式打开，不能写入")
)

// Store is an open organization database.
type Store struct {
	db    *sql.DB
	path  string
	orgMu sync.RWMutex
	org   Org
	actor string
	now   func() time.Time
	// readOnly stores refuse writes; closed runs after the database is
	// closed (OpenReadOnly's tidying).
	readOnly bool
	refusal  error // what a write to a read-only store says, when not ErrReadOnly
	closed   func()
	// lastAt is the instant of the latest write transaction: each one gets
	// a later instant (see nextStamp).
	stampMu sync.Mutex
	lastAt  time.Time
	Tables
}

// nextStamp is the instant of a new write transaction: the clock's time,
// made later than the previous transaction's when the clock has not moved
// on (a coarse clock, a fixed one in tests). Rows deleted together share
// their transaction's instant, and only they: that is how the recycle bin
// knows what to restore together.
func (s *Store) nextStamp() time.Time {
	s.stampMu.Lock()
	defer s.stampMu.Unlock()
	at := s.now().UTC().Truncate(time.Microsecond)
	if !at.After(s.lastAt) {
		at = s.lastAt.Add(time.Microsecond)
	}
	s.lastAt = at
	return at
}

// Option adjusts how a store is opened.
type Option func(*Store)

// WithActor names who writes (the audit log's "who"); the default is the
// operating-system user.
func WithActor(name string) Option { return func(s *Store) { s.actor = name } }

// WithClock replaces the clock, for tests.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

func dsn(path string) string {
	return fileURI(path) + "?_foreign_keys=on&_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate"
}

// Open opens an existing database of this program, bringing its schema
// forward. A file that is not one (another application's database, an
// empty or short file, anything else) or that a newer build wrote is
// refused from its raw bytes before SQLite opens it, and stays as it was.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if _, err := ourHeader(path); err != nil {
		return nil, err
	}
	s, err := open(ctx, path, false, opts)
	return s, damagedDatabase(path, err)
}

// damagedDatabase says in Chinese that the file at path is damaged when
// err is SQLite's report of a corrupt database; other errors stay.
func damagedDatabase(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return fmt.Errorf("数据库文件已损坏，请从备份恢复（设置 → 从备份恢复）：%s：%w", path, err)
	}
	return err
}

func removeDatabase(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

func open(ctx context.Context, path string, creating bool, opts []Option) (*Store, error) {
	db, err := sql.Open(driverName, dsn(path))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, now: time.Now, actor: defaultActor()}
	for _, o := range opts {
		o(s)
	}
	s.Tables = newTables(storeExec{s})
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("无法打开数据库：%w", err)
	}
	if err := migrate(ctx, db, creating); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.loadOrg(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func defaultActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "本机用户"
}

// seed writes the organization row and the default settings.
func (s *Store) seed(ctx context.Context, orgName, orgCode string) error {
	return s.Write(ctx, func(tx *Tx) error {
		org := &Org{Name: orgName, Code: orgCode}
		org.ID = newID()
		org.OrgID = org.ID
		if err := tx.Orgs.Create(ctx, org); err != nil {
			return err
		}
		s.org = *org
		return seedSettings(ctx, tx)
	})
}

func (s *Store) loadOrg(ctx context.Context) error {
	orgs, err := s.Orgs.List(ctx)
	if err != nil {
		return err
	}
	if len(orgs) == 1 {
		s.org = orgs[0]
	}
	return nil
}

// Org is the organization that owns this database (zero in a consolidated
// database, which holds many).
func (s *Store) Org() Org {
	s.orgMu.RLock()
	defer s.orgMu.RUnlock()
	return s.org
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// Close closes the database.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.closed != nil {
		s.closed()
		s.closed = nil
	}
	return err
}

// IntegrityCheck runs SQLite's integrity check and returns its verdict,
// "ok" when the file is sound.
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	var verdict string
	err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&verdict)
	return verdict, err
}

// Write runs fn in one transaction: every write fn makes through tx, with its
// audit entries, is committed together or not at all.
func (s *Store) Write(ctx context.Context, fn func(tx *Tx) error) error {
	if s.readOnly {
		if s.refusal != nil {
			return s.refusal
		}
		return fmt.Errorf("%w: %s", ErrReadOnly, s.path)
	}
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("无法开始写入：%w", err)
	}
	w := newWriter(s, sqlTx)
	tx := &Tx{w: w}
	tx.Tables = newTables(txExec{w})
	defer w.close()
	if err := fn(tx); err != nil {
		sqlTx.Rollback()
		return cancelled(ctx, err)
	}
	if err := sqlTx.Commit(); err != nil {
		return cancelled(ctx, fmt.Errorf("写入失败：%w", err))
	}
	return nil
}

// cancelled makes err, which a write met after ctx was cancelled (the
// driver then rolls the transaction back under the writer: "transaction has
// already been committed or rolled back"), say so: callers tell a
// cancellation from a failure with errors.Is(err, context.Canceled).
func cancelled(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}

// Tx is a write transaction opened by Store.Write.
type Tx struct {
	w *writer
	Tables
}

// SetOrg records the organization's row after it was updated through the
// Orgs table, so that Org reflects the new name.
func (s *Store) SetOrg(o Org) {
	s.orgMu.Lock()
	defer s.orgMu.Unlock()
	if o.ID == s.org.ID {
		s.org = o
	}
}
