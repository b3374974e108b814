package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// writer performs the writes of one transaction, with their audit entries,
// reusing prepared statements.
type writer struct {
	s        *Store
	tx       *sql.Tx
	at       time.Time
	stmts    map[string]*sql.Stmt
	known    map[string]bool // table/id of rows known to be live in this transaction
	depth    int             // savepoints currently open
	knownLog []knownChange   // changes to known inside open savepoints
}

func newWriter(s *Store, tx *sql.Tx) *writer {
	return &writer{s: s, tx: tx, at: s.nextStamp(), stmts: map[string]*sql.Stmt{}, known: map[string]bool{}}
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// stmt returns the transaction's prepared statement for query, preparing
// it once: imports run the same few statements thousands of times.
func (w *writer) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	st, ok := w.stmts[query]
	if !ok {
		var err error
		if st, err = w.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		w.stmts[query] = st
	}
	return st, nil
}

// The statements of a transaction run with a context that is never
// cancelled: with a cancellable one, the driver starts a watcher goroutine
// for every statement, which costs more than the statement when an import
// runs hundreds of thousands. Callers check cancellation between rows, and
// Store.Write rolls back when they return its error.

func (w *writer) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ctx = context.WithoutCancel(ctx)
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryContext runs a read inside the transaction with a cached statement.
func (w *writer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx = context.WithoutCancel(ctx)
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs a one-row read inside the transaction with a cached
// statement.
func (w *writer) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	ctx = context.WithoutCancel(ctx)
	st, err := w.stmt(ctx, query)
	if err != nil {
		return w.tx.QueryRowContext(ctx, query, args...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, args...)
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// today is the civil date of the store's clock, for validation.
func (w *writer) today() time.Time {
	y, m, d := w.s.now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// validate runs the record's own checks, the lengths of its texts, its
// references and any check that needs the database.
func (w *writer) validate(ctx context.Context, r Record) error {
	c := newChecker(r, w.today())
	r.check(c)
	checkLengths(r, c)
	checkCharacters(r, c)
	for _, f := range r.Fields() {
		ref, ok := f.Ptr.(*Ref)
		target, known := refTables[f.Col]
		if !ok || !known || *ref == "" || c.failed(f.Col) || w.known[knownKey(target, string(*ref))] {
			continue
		}
		var one int
		err := w.QueryRowContext(ctx, "SELECT 1 FROM "+target+" WHERE id = ? AND deleted_at IS NULL", string(*ref)).Scan(&one)
		if err == sql.ErrNoRows {
			c.fail(f.Col, "所指记录不存在或已删除")
		} else if err != nil {
			return err
		} else {
			w.setKnown(knownKey(target, string(*ref)), true)
		}
	}
	if err := checkNaturalKey(ctx, w, r, c); err != nil {
		return err
	}
	if sc, ok := r.(storeChecker); ok {
		if err := sc.checkStore(ctx, w, c); err != nil {
			return err
		}
	}
	return c.err()
}

// knownKey names a row in writer.known.
func knownKey(table, id string) string { return table + "/" + id }

// storeChecker is implemented by records with rules that need the database,
// such as uniqueness.
type storeChecker interface {
	checkStore(ctx context.Context, q queryer, c *checker) error
}

// audit appends one audit entry.
func (w *writer) audit(ctx context.Context, m *Meta, table, action string, changes map[string]any) error {
	body, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	stamp := Stamp{w.at}
	_, err = w.exec(ctx, `INSERT INTO audit_log (id, org_id, version, updated_at, at, actor, tbl, row_id, action, changes)
		VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
		newID(), m.OrgID, stamp, stamp, w.s.actor, table, m.ID, action, string(body))
	if err != nil {
		return fmt.Errorf("写入操作记录失败：%w", err)
	}
	return nil
}
