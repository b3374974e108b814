// Package committeedb is the committee's own database, committee.db in its
// folder: what the committee records itself, such as the 处理情况 of each
// cross-organization finding. It is kept apart from the consolidated
// database, which every consolidation builds anew, so that it survives
// them and every term.
package committeedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// File is the database's name in the committee's folder.
const File = "committee.db"

// DB is the committee's open database.
type DB struct {
	db    *sql.DB
	path  string
	now   func() time.Time
	actor string
}

// Option adjusts how the database is opened.
type Option func(*DB)

// WithActor names who records (a note's author); the default is the
// operating-system user.
func WithActor(name string) Option { return func(d *DB) { d.actor = name } }

// WithClock replaces the clock, for tests.
func WithClock(now func() time.Time) Option { return func(d *DB) { d.now = now } }

// Open opens the committee's database in dir, creating it, readable by
// the user only, on first use, and bringing its schema forward. A file
// made by a newer release is refused and left as it is.
func Open(ctx context.Context, dir string, opts ...Option) (*DB, error) {
	path := filepath.Join(dir, File)
	d := &DB{path: path, now: time.Now, actor: defaultActor()}
	for _, o := range opts {
		o(d)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("无法打开党委数据库: %w", err)
	}
	f.Close()
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, err
	}
	d.db = db
	if err := d.migrate(ctx); err != nil {
		db.Close()
		var se sqlite3.Error
		if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
			return nil, fmt.Errorf("党委数据库文件已损坏,请从备份恢复: %s", path)
		}
		return nil, err
	}
	return d, nil
}

// Path is the database file.
func (d *DB) Path() string { return d.path }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// dsn opens path with foreign keys, a write-ahead log, a wait for locks
// and write transactions that take the lock at once.
func dsn(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	return "file://" + p + "?_foreign_keys=on&_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate"
}

// defaultActor is the operating-system user, or 本机用户.
func defaultActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "本机用户"
}

// write runs fn in one transaction.
func (d *DB) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
